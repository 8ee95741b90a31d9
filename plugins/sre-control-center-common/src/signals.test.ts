import { signalChannelFor } from './signals';
import { listAlertsQuerySchema } from './schemas';

describe('signalChannelFor', () => {
  it('prefixes the entity ref with the plugin id', () => {
    expect(signalChannelFor('system:default/mindful-moments')).toBe(
      'sre-control-center:system:default/mindful-moments',
    );
    expect(signalChannelFor('System:default/Mindful-Moments')).toBe(
      'sre-control-center:system:default/mindful-moments',
    );
  });
});

describe('listAlertsQuerySchema', () => {
  it('coerces the limit and applies the default', () => {
    expect(
      listAlertsQuerySchema.parse({ entityRef: 'system:default/a' }).limit,
    ).toBe(50);
    expect(
      listAlertsQuerySchema.parse({ entityRef: 'system:default/a', limit: '7' })
        .limit,
    ).toBe(7);
    expect(
      listAlertsQuerySchema.parse({
        entityRef: 'System:default/Mindful-Moments',
      }).entityRef,
    ).toBe('system:default/mindful-moments');
  });

  it('names what is wrong', () => {
    const result = listAlertsQuerySchema.safeParse({
      entityRef: 'mindful-moments',
      limit: '1000',
      color: 'red',
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map(i => i.path.join('.') || i.code);
    expect(paths).toEqual(
      expect.arrayContaining(['entityRef', 'limit', 'unrecognized_keys']),
    );
  });
});
