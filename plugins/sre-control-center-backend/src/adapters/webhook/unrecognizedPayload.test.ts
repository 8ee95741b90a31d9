import {
  UNRECOGNIZED_RULE,
  unrecognizedNotification,
} from './unrecognizedPayload';

const receivedAt = new Date('2026-11-28T10:00:00Z');

describe('unrecognizedNotification', () => {
  it('keeps any JSON as a Sev4 alert whose id hashes the payload', () => {
    const n = unrecognizedNotification({ hello: 'world', n: 1 }, receivedAt);
    expect(n).toMatchObject({
      rule: UNRECOGNIZED_RULE,
      severity: 'Sev4',
      monitorCondition: 'Fired',
      targetResourceIds: [],
      firedAt: receivedAt,
      resolvedAt: null,
      condition: { source: 'webhook', text: '{"hello":"world","n":1}' },
      source: 'webhook',
    });
    expect(n.alertId).toMatch(/^unrecognized:[0-9a-f]{64}$/);
  });

  it('gives a replay the same id, however its keys are ordered, and another payload another', () => {
    const a = unrecognizedNotification({ a: 1, b: { c: 2, d: 3 } }, receivedAt);
    const replay = unrecognizedNotification(
      { b: { d: 3, c: 2 }, a: 1 },
      new Date(),
    );
    const other = unrecognizedNotification(
      { a: 1, b: { c: 2, d: 4 } },
      receivedAt,
    );
    expect(replay.alertId).toBe(a.alertId);
    expect(other.alertId).not.toBe(a.alertId);
  });

  it('takes the severity, a description and resource ids from the payload when it has them', () => {
    const n = unrecognizedNotification(
      {
        severity: 'sev1',
        message: 'Disk almost full',
        details: {
          nested: [
            'not an id',
            '/subscriptions/S/resourceGroups/RG-Mindful/providers/Microsoft.Web/sites/App',
          ],
        },
        scope: '/subscriptions/S/resourceGroups/RG-Mindful',
      },
      receivedAt,
    );
    expect(n).toMatchObject({
      severity: 'Sev1',
      description: 'Disk almost full',
      targetResourceIds: [
        '/subscriptions/s/resourcegroups/rg-mindful/providers/microsoft.web/sites/app',
        '/subscriptions/s/resourcegroups/rg-mindful',
      ],
    });
  });

  it('accepts JSON that is not an object and shortens what it shows', () => {
    expect(unrecognizedNotification(42, receivedAt).condition?.text).toBe('42');
    const big = unrecognizedNotification(
      { blob: 'x'.repeat(10_000) },
      receivedAt,
    );
    expect(big.condition?.text).toHaveLength(2001);
    expect(big.condition?.text?.endsWith('…')).toBe(true);
  });
});
