import { listAlertsQuerySchema } from '@sre-control-center/plugin-sre-control-center-common';
import { decodeCursor, encodeCursor } from './cursor';

describe('alert cursors', () => {
  it('round-trips', () => {
    const cursor = {
      firedAt: '2026-11-28T10:00:00.000Z',
      id: '/subscriptions/x/alerts/1',
    };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('issues cursors that GET /alerts accepts back for real Azure alert ids', () => {
    const cursor = encodeCursor({
      firedAt: '2026-11-28T10:00:00.000Z',
      id: '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/providers/microsoft.alertsmanagement/alerts/6d5c8a39-4f3e-4b8a-9a63-2d0c4e0f7b11',
    });
    const query = listAlertsQuerySchema.safeParse({
      entityRef: 'system:default/mindful-moments',
      cursor,
    });
    expect(query.success).toBe(true);
  });

  it.each([
    '',
    'not-base64!',
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from('["yesterday","x"]').toString('base64url'),
  ])('rejects %p', value => {
    expect(decodeCursor(value)).toBeUndefined();
  });
});
