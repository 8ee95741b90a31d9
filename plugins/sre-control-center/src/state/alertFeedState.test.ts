import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import { sampleAlert } from '../__testUtils__';
import {
  catchUpSince,
  emptyFeed,
  withChanges,
  withFirstPage,
  withNextPage,
} from './alertFeedState';

/** Alert n fired at minute n: a higher n is newer. */
function alert(n: number, overrides: Partial<Alert> = {}): Alert {
  const at = new Date(Date.UTC(2026, 10, 28, 10, n)).toISOString();
  return {
    ...sampleAlert,
    id: `a${String(n).padStart(3, '0')}`,
    name: `alert ${n}`,
    firedAt: at,
    updatedAt: at,
    ...overrides,
  };
}

const names = (items: Alert[]) => items.map(a => a.name);

describe('alert feed state', () => {
  const firstPage = withFirstPage(emptyFeed, {
    items: [alert(9), alert(8), alert(7)],
    nextCursor: 'after-7',
  });

  it('keeps pushes outside the loaded window out until their page is loaded', () => {
    const pushed = withChanges(firstPage, [alert(10), alert(5)]);
    expect(names(pushed.items)).toEqual([
      'alert 10',
      'alert 9',
      'alert 8',
      'alert 7',
    ]);
    const more = withNextPage(pushed, {
      items: [alert(6), alert(5)],
      nextCursor: null,
    });
    expect(names(more.items)).toEqual([
      'alert 10',
      'alert 9',
      'alert 8',
      'alert 7',
      'alert 6',
      'alert 5',
    ]);
    // Every page loaded: the window is the whole project.
    expect(names(withChanges(more, [alert(1)]).items)).toContain('alert 1');
  });

  it('updates an alert on the list even when the update is older than the window', () => {
    const acknowledged = alert(7, {
      state: 'Acknowledged',
      updatedAt: '2026-11-28T12:00:00.000Z',
    });
    const next = withChanges(firstPage, [acknowledged]);
    expect(next.items.find(a => a.id === acknowledged.id)?.state).toBe(
      'Acknowledged',
    );
  });

  it('moves the sync point on fetched changes only, never on pushes', () => {
    expect(firstPage.syncedTo).toBe(alert(9).updatedAt);
    const late = alert(9, { updatedAt: '2026-11-28T13:00:00.000Z' });
    expect(withChanges(firstPage, [late]).syncedTo).toBe(alert(9).updatedAt);
    expect(withChanges(firstPage, [late], true).syncedTo).toBe(
      '2026-11-28T13:00:00.000Z',
    );
    // An empty catch-up keeps it where it was.
    expect(withChanges(firstPage, [], true)).toBe(firstPage);
  });

  it('keeps pushes that arrived while the first page was loading', () => {
    const early = withChanges(emptyFeed, [alert(20)]);
    const stale = alert(9, { state: 'Closed', updatedAt: alert(1).updatedAt });
    const loaded = withFirstPage(withChanges(early, [stale]), {
      items: [alert(9), alert(8)],
      nextCursor: null,
    });
    expect(names(loaded.items)).toEqual(['alert 20', 'alert 9', 'alert 8']);
    // The page is newer than the stale copy held before it.
    expect(loaded.items[1].state).toBe('New');
  });

  it('starts a catch-up a little before the last sync', () => {
    expect(catchUpSince(emptyFeed, 60_000)).toBeUndefined();
    expect(catchUpSince(firstPage, 60_000)).toBe('2026-11-28T10:08:00.000Z');
  });
});
