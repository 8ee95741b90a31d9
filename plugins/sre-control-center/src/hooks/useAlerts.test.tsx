import { signalApiRef } from '@backstage/plugin-signals-react';
import { TestApiProvider } from '@backstage/test-utils';
import type {
  Alert,
  Page,
} from '@sre-control-center/plugin-sre-control-center-common';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { sreControlCenterApiRef, type ListAlertsRequest } from '../api';
import { fakeApi, fakeSignals, sampleAlert } from '../__testUtils__';
import { CATCH_UP_OVERLAP_MS, PAGE_SIZE, useAlerts } from './useAlerts';

const SYSTEM = 'system:default/mindful-moments';

/** Alert n fired at minute n of the day: a higher n is newer. */
function alert(n: number, overrides: Partial<Alert> = {}): Alert {
  const at = new Date(Date.UTC(2026, 10, 28, 0, n)).toISOString();
  return {
    ...sampleAlert,
    id: `a${String(n).padStart(5, '0')}`,
    name: `alert-${n}`,
    firedAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/**
 * The backend's `GET /alerts` over an array the test changes: filters,
 * changedSince, newest first, cursor pagination (the cursor is an offset).
 */
function alertServer(alerts: Alert[]) {
  const requests: ListAlertsRequest[] = [];
  const api = {
    ...fakeApi(),
    async listAlerts(request: ListAlertsRequest): Promise<Page<Alert>> {
      requests.push(request);
      const matching = alerts
        .filter(
          a =>
            (!request.state || a.state === request.state) &&
            (!request.severity || a.severity === request.severity) &&
            (!request.changedSince || a.updatedAt > request.changedSince),
        )
        .sort((a, b) => (a.firedAt < b.firedAt ? 1 : -1));
      const start = Number(request.cursor ?? 0);
      const limit = request.limit ?? 50;
      const end = start + limit;
      return {
        items: matching.slice(start, end),
        nextCursor: end < matching.length ? String(end) : null,
      };
    },
  };
  return { api, requests, alerts };
}

function render(
  server: ReturnType<typeof alertServer>,
  signals = fakeSignals(),
  query: Parameters<typeof useAlerts>[1] = {},
) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider
      apis={[
        [sreControlCenterApiRef, server.api],
        [signalApiRef, signals.api],
      ]}
    >
      {children}
    </TestApiProvider>
  );
  return renderHook(() => useAlerts(SYSTEM, query), { wrapper });
}

const stateOf = (items: Alert[] | undefined, id: string) =>
  items?.find(a => a.id === id)?.state;

describe('useAlerts', () => {
  it('catches up on what changed while it was not listening when the browser comes back online', async () => {
    const server = alertServer([alert(1), alert(2), alert(3)]);
    const { result } = render(server);
    await waitFor(() => expect(result.current.items).toHaveLength(3));

    // While the socket was down: alert 2 acknowledged, alert 4 fired. Their
    // pushes never arrive.
    server.alerts[1] = {
      ...alert(2),
      state: 'Acknowledged',
      updatedAt: '2026-11-28T09:00:00.000Z',
    };
    server.alerts.push(alert(4, { updatedAt: '2026-11-28T09:00:01.000Z' }));

    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() =>
      expect(stateOf(result.current.items, alert(2).id)).toBe('Acknowledged'),
    );
    expect(result.current.items?.map(a => a.name)).toEqual([
      'alert-4',
      'alert-3',
      'alert-2',
      'alert-1',
    ]);
    const catchUp = server.requests[1];
    // From the newest updatedAt of the first page, minus the overlap.
    expect(catchUp.changedSince).toBe(
      new Date(
        Date.parse(alert(3).updatedAt) - CATCH_UP_OVERLAP_MS,
      ).toISOString(),
    );

    // The next catch-up starts from what the last one saw, not from the start.
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => expect(server.requests).toHaveLength(3));
    expect(server.requests[2].changedSince).toBe(
      new Date(
        Date.parse('2026-11-28T09:00:01.000Z') - CATCH_UP_OVERLAP_MS,
      ).toISOString(),
    );
  });

  it("catches up from the server's clock, so a quiet feed does not fetch the last burst again", async () => {
    const server = alertServer([alert(1), alert(2)]);
    // The server stamps each answer with its time: one minute per request.
    const clock = ['2026-11-28T10:00:00.000Z', '2026-11-28T10:01:00.000Z'];
    const list = server.api.listAlerts;
    server.api.listAlerts = async request => ({
      ...(await list(request)),
      asOf: clock[Math.min(server.requests.length - 1, clock.length - 1)],
    });
    const { result } = render(server);
    await waitFor(() => expect(result.current.items).toHaveLength(2));

    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() => expect(server.requests).toHaveLength(2));
    expect(server.requests[1].changedSince).toBe(
      new Date(
        Date.parse('2026-11-28T10:00:00.000Z') - CATCH_UP_OVERLAP_MS,
      ).toISOString(),
    );
    // Let that catch-up's answer land before the next one starts.
    await act(() => new Promise(r => setTimeout(r, 50)));
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => expect(server.requests).toHaveLength(3));
    // Nothing changed in between, yet the window moved on with the server.
    expect(server.requests[2].changedSince).toBe(
      new Date(
        Date.parse('2026-11-28T10:01:00.000Z') - CATCH_UP_OVERLAP_MS,
      ).toISOString(),
    );
  });

  it('does not let a push move the catch-up point past changes it missed', async () => {
    const server = alertServer([alert(1), alert(2)]);
    const signals = fakeSignals();
    const { result } = render(server, signals);
    await waitFor(() => expect(result.current.items).toHaveLength(2));

    // Missed: alert 1 closed at 08:00. Received after reconnecting: alert 2
    // acknowledged at 09:00.
    server.alerts[0] = {
      ...alert(1),
      state: 'Closed',
      updatedAt: '2026-11-28T08:00:00.000Z',
    };
    const pushed = {
      ...alert(2),
      state: 'Acknowledged' as const,
      updatedAt: '2026-11-28T09:00:00.000Z',
    };
    server.alerts[1] = pushed;
    act(() => signals.push({ type: 'alert.changed', alert: pushed }));
    await waitFor(() =>
      expect(stateOf(result.current.items, pushed.id)).toBe('Acknowledged'),
    );

    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() =>
      expect(stateOf(result.current.items, alert(1).id)).toBe('Closed'),
    );
  });

  it('merges every push of a burst, not only the last one rendered', async () => {
    const server = alertServer([]);
    const signals = fakeSignals();
    const { result } = render(server, signals);
    await waitFor(() => expect(result.current.items).toEqual([]));
    act(() => {
      for (let n = 1; n <= 50; n++)
        signals.push({ type: 'alert.changed', alert: alert(n) });
    });
    await waitFor(() => expect(result.current.items).toHaveLength(50));
    expect(result.current.items?.[0].name).toBe('alert-50');
    expect(server.requests).toHaveLength(1);
  });

  it('pages through 10,000 alerts with the cursor, one page per call', async () => {
    const server = alertServer(
      Array.from({ length: 10_000 }, (_, i) => alert(i + 1)),
    );
    const { result } = render(server);
    await waitFor(() => expect(result.current.items).toHaveLength(PAGE_SIZE));
    expect(result.current.hasMore).toBe(true);

    await act(() => result.current.loadMore());
    expect(result.current.items).toHaveLength(2 * PAGE_SIZE);
    expect(server.requests[1]).toMatchObject({
      cursor: String(PAGE_SIZE),
      limit: PAGE_SIZE,
    });
    // Newest first, no repeats across pages.
    const ids = result.current.items!.map(a => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0] > ids[ids.length - 1]).toBe(true);

    for (let page = 3; page <= 10_000 / PAGE_SIZE; page++) {
      await act(() => result.current.loadMore());
    }
    expect(result.current.items).toHaveLength(10_000);
    expect(result.current.hasMore).toBe(false);
  });

  it('asks the backend for state and severity, and catches up without them', async () => {
    const server = alertServer([
      alert(1, { severity: 'Sev0' }),
      alert(2, { severity: 'Sev3' }),
    ]);
    const { result } = render(server, fakeSignals(), {
      state: 'New',
      severity: 'Sev0',
    });
    await waitFor(() =>
      expect(result.current.items?.map(a => a.name)).toEqual(['alert-1']),
    );
    expect(server.requests[0]).toMatchObject({
      state: 'New',
      severity: 'Sev0',
    });

    // Acknowledged while the socket was down: the catch-up must see it even
    // though it no longer matches `state: New`, or it would stay on screen as New.
    server.alerts[0] = {
      ...server.alerts[0],
      state: 'Acknowledged',
      updatedAt: '2026-11-28T09:00:00.000Z',
    };
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() =>
      expect(stateOf(result.current.items, alert(1).id)).toBe('Acknowledged'),
    );
    expect(server.requests[1].state).toBeUndefined();
    expect(server.requests[1].severity).toBeUndefined();
  });

  it('reloads the first page when too much changed to catch up', async () => {
    const server = alertServer([alert(1)]);
    const { result } = render(server);
    await waitFor(() => expect(result.current.items).toHaveLength(1));
    for (let n = 2; n <= 6 * PAGE_SIZE + 1; n++) {
      server.alerts.push(alert(n, { updatedAt: '2026-11-28T23:00:00.000Z' }));
    }
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() =>
      expect(result.current.items?.[0].name).toBe(`alert-${6 * PAGE_SIZE + 1}`),
    );
    // Five catch-up pages, then a fresh first page.
    expect(server.requests).toHaveLength(1 + 5 + 1);
    expect(server.requests[6].changedSince).toBeUndefined();
    expect(server.requests[6].cursor).toBeUndefined();
    expect(result.current.items).toHaveLength(PAGE_SIZE);
    expect(result.current.hasMore).toBe(true);
  });
});
