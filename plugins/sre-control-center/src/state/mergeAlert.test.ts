import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import { sampleAlert } from '../__testUtils__';
import { mergeAlert, mergeAlerts, newerFirst } from './mergeAlert';

const base: Alert = { ...sampleAlert, id: 'a' };

describe('mergeAlert', () => {
  it('inserts a new alert in newest-first order', () => {
    const older = { ...base, id: 'old', firedAt: '2026-11-28T09:00:00.000Z' };
    const newer = { ...base, id: 'new', firedAt: '2026-11-28T11:00:00.000Z' };
    expect(mergeAlert([newer, older], base).map(a => a.id)).toEqual([
      'new',
      'a',
      'old',
    ]);
  });

  it('replaces an alert with its newer version', () => {
    const resolved = {
      ...base,
      monitorCondition: 'Resolved' as const,
      updatedAt: '2026-11-28T10:05:00.000Z',
    };
    expect(mergeAlert([base], resolved)).toEqual([resolved]);
  });

  it('ignores a stale push', () => {
    const current = {
      ...base,
      state: 'Acknowledged' as const,
      updatedAt: '2026-11-28T10:05:00.000Z',
    };
    expect(mergeAlert([current], base)).toEqual([current]);
  });
});

describe('mergeAlerts', () => {
  const at = (minute: number) =>
    new Date(Date.UTC(2026, 10, 28, 0, minute)).toISOString();
  const make = (n: number, minute = n): Alert => ({
    ...base,
    id: `id-${n}`,
    firedAt: at(minute),
    updatedAt: at(minute),
  });

  it('gives the same order as sorting everything, for a batch of new and changed alerts', () => {
    // Even minutes on screen; odd ones and duplicates of fired times arrive.
    const items = mergeAlerts(
      [],
      Array.from({ length: 500 }, (_, i) => make(i * 2)),
    );
    const incoming = [
      make(1001, 999), // newest
      make(1002, 3),
      make(1003, 4), // same fired time as one on screen: id breaks the tie
      make(1004, -1), // oldest
      { ...make(10), state: 'Closed' as const, updatedAt: at(2000) },
    ];
    const merged = mergeAlerts(items, incoming);
    const expected = [...items.filter(a => a.id !== 'id-10'), ...incoming].sort(
      newerFirst,
    );
    expect(merged.map(a => a.id)).toEqual(expected.map(a => a.id));
    expect(merged.find(a => a.id === 'id-10')?.state).toBe('Closed');
    // Alerts that did not change keep their identity (rows skip rendering).
    expect(merged[merged.length - 2]).toBe(items[items.length - 1]);
  });

  it('returns the same list when nothing is newer', () => {
    const items = [make(2), make(1)];
    // The copy already held, and an older version of another.
    const older = { ...make(2), state: 'Closed' as const, updatedAt: at(0) };
    expect(mergeAlerts(items, [items[1], older])).toBe(items);
    // An equal updatedAt still replaces: two writes in one millisecond must
    // not leave the first one's content on screen for good.
    expect(mergeAlerts(items, [{ ...make(1) }])).not.toBe(items);
  });
});
