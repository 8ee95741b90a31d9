import { signalApiRef } from '@backstage/plugin-signals-react';
import { TestApiProvider } from '@backstage/test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { TEST_SYSTEM, fakeSignals } from '../__testUtils__';
import {
  LIVE_REFRESH_MS,
  POLL_WITHOUT_SIGNALS_MS,
  SIGNAL_RELOAD_DELAY_MS,
  useProjectResource,
  type ProjectResourceOptions,
} from './useProjectResource';

const OTHER = 'system:default/other';

/** A fetcher answering `<entityRef>#<n>`, n counting its calls. */
function counter() {
  const calls: string[] = [];
  const fetcher = jest.fn(async (entityRef: string) => {
    calls.push(entityRef);
    return `${entityRef}#${calls.length}`;
  });
  return { fetcher, calls };
}

function render(
  fetcher: (entityRef: string) => Promise<string>,
  options: ProjectResourceOptions<string, string> = {},
  /** null: an app without the signals plugin. */
  signals: ReturnType<typeof fakeSignals> | null = fakeSignals(),
) {
  const wrapper = ({ children }: { children: ReactNode }) =>
    signals ? (
      <TestApiProvider apis={[[signalApiRef, signals.api]]}>
        {children}
      </TestApiProvider>
    ) : (
      <TestApiProvider apis={[]}>{children}</TestApiProvider>
    );
  return renderHook(
    ({ entityRef }: { entityRef: string }) =>
      useProjectResource(entityRef, fetcher, options),
    { wrapper, initialProps: { entityRef: TEST_SYSTEM } },
  );
}

describe('useProjectResource', () => {
  afterEach(() => jest.useRealTimers());

  it('reloads once per burst of the signal types it listens to, and hands every message to onSignal', async () => {
    jest.useFakeTimers();
    const signals = fakeSignals();
    const { fetcher, calls } = counter();
    const seen: string[] = [];
    const { result } = render(
      fetcher,
      { signalTypes: ['costs.changed'], onSignal: s => seen.push(s.type) },
      signals,
    );
    await waitFor(() => expect(result.current.value).toBe(`${TEST_SYSTEM}#1`));
    expect(result.current.live).toBe(true);

    act(() => {
      signals.push({ type: 'costs.changed', entityRef: TEST_SYSTEM });
      signals.push({ type: 'costs.changed', entityRef: TEST_SYSTEM });
      signals.push({ type: 'maintenance.changed', entityRef: TEST_SYSTEM });
    });
    expect(seen).toEqual([
      'costs.changed',
      'costs.changed',
      'maintenance.changed',
    ]);
    await act(async () => jest.advanceTimersByTime(SIGNAL_RELOAD_DELAY_MS));
    await waitFor(() => expect(result.current.value).toBe(`${TEST_SYSTEM}#2`));
    // Another type alone reloads nothing.
    act(() => signals.push({ type: 'run.changed', entityRef: TEST_SYSTEM }));
    await act(async () => jest.advanceTimersByTime(SIGNAL_RELOAD_DELAY_MS));
    expect(calls).toHaveLength(2);
  });

  it('reloads when the tab is shown again and when the browser is back online', async () => {
    const { fetcher, calls } = counter();
    const { result } = render(fetcher);
    await waitFor(() => expect(result.current.loading).toBe(false));
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() => expect(result.current.value).toBe(`${TEST_SYSTEM}#3`));
    expect(calls).toHaveLength(3);
  });

  it('polls without signals and reloads now and then with them, counting from the last load', async () => {
    jest.useFakeTimers();
    const polled = counter();
    const poll = render(polled.fetcher, {}, null);
    await waitFor(() => expect(poll.result.current.value).toBeDefined());
    expect(poll.result.current.live).toBe(false);
    await act(async () => jest.advanceTimersByTime(POLL_WITHOUT_SIGNALS_MS));
    expect(polled.calls).toHaveLength(2);

    const live = counter();
    const pushed = render(live.fetcher);
    await waitFor(() => expect(pushed.result.current.value).toBeDefined());
    await act(async () => jest.advanceTimersByTime(POLL_WITHOUT_SIGNALS_MS));
    expect(live.calls).toHaveLength(1);
    await act(async () => jest.advanceTimersByTime(LIVE_REFRESH_MS));
    expect(live.calls).toHaveLength(2);
  });

  it('keeps the last value after a failed reload, and retries on the interval', async () => {
    jest.useFakeTimers();
    let fail = false;
    const fetcher = jest.fn(async () => {
      if (fail) throw new Error('502 Bad Gateway');
      return 'figures';
    });
    const { result } = render(fetcher, { intervalMs: () => 1_000 });
    await waitFor(() => expect(result.current.value).toBe('figures'));
    fail = true;
    await act(async () => jest.advanceTimersByTime(1_000));
    await waitFor(() =>
      expect(result.current.error?.message).toBe('502 Bad Gateway'),
    );
    expect(result.current.value).toBe('figures');
    fail = false;
    await act(async () => jest.advanceTimersByTime(1_000));
    await waitFor(() => expect(result.current.error).toBeUndefined());
  });

  it('starts afresh for another project and drops answers meant for the previous one', async () => {
    const pending: Array<(value: string) => void> = [];
    const fetcher = (entityRef: string) =>
      new Promise<string>(resolve =>
        pending.push(() => resolve(`${entityRef} answer`)),
      );
    const signals = fakeSignals();
    const { result, rerender } = render(fetcher, {}, signals);
    expect(result.current.loading).toBe(true);
    rerender({ entityRef: OTHER });
    expect(signals.subscribers(TEST_SYSTEM)).toBe(0);
    expect(signals.subscribers(OTHER)).toBe(1);
    await act(async () => pending[1]('ignored'));
    await act(async () => pending[0]('ignored'));
    expect(result.current.value).toBe(`${OTHER} answer`);
  });

  it('merges answers into pushes that arrived meanwhile', async () => {
    const fetcher = async () => ['fetched'];
    const { result } = renderHook(
      () =>
        useProjectResource<string[], string[]>(TEST_SYSTEM, fetcher, {
          merge: (current, fetched) => [...(current ?? []), ...fetched],
        }),
      {
        wrapper: ({ children }: { children: ReactNode }) => (
          <TestApiProvider apis={[]}>{children}</TestApiProvider>
        ),
      },
    );
    act(() => result.current.mutate(current => [...(current ?? []), 'pushed']));
    expect(result.current.loading).toBe(false);
    await waitFor(() =>
      expect(result.current.value).toEqual(['pushed', 'fetched']),
    );
  });
});
