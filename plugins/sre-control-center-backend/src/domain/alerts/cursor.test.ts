import { decodeCursor, encodeCursor } from './cursor';

describe('alert cursors', () => {
  it('round-trips', () => {
    const cursor = {
      firedAt: '2026-11-28T10:00:00.000Z',
      id: '/subscriptions/x/alerts/1',
    };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
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
