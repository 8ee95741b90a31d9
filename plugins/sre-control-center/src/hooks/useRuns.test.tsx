import { signalApiRef } from '@backstage/plugin-signals-react';
import { TestApiProvider } from '@backstage/test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { sreControlCenterApiRef } from '../api';
import { fakeApi, sampleRun, silentSignals } from '../__testUtils__';
import { LIVE_REFRESH_MS, POLL_WITHOUT_SIGNALS_MS } from './useProjectResource';
import { useRuns } from './useRuns';

const entityRef = 'system:default/mindful-moments';

function renderRuns(withSignals: boolean) {
  const api = fakeApi();
  api.runbookState.runs = [sampleRun];
  const wrapper = ({ children }: { children: ReactNode }) =>
    withSignals ? (
      <TestApiProvider
        apis={[
          [sreControlCenterApiRef, api],
          [signalApiRef, silentSignals],
        ]}
      >
        {children}
      </TestApiProvider>
    ) : (
      <TestApiProvider apis={[[sreControlCenterApiRef, api]]}>
        {children}
      </TestApiProvider>
    );
  const hook = renderHook(() => useRuns(entityRef), { wrapper });
  const loads = () => api.requests.filter(r => 'runs' in (r as object)).length;
  return { hook, loads };
}

describe('useRuns', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('polls without signals', async () => {
    const { hook, loads } = renderRuns(false);
    await waitFor(() => expect(hook.result.current.runs).toEqual([sampleRun]));
    expect(hook.result.current.live).toBe(false);
    expect(loads()).toBe(1);
    await act(async () => jest.advanceTimersByTime(POLL_WITHOUT_SIGNALS_MS));
    expect(loads()).toBe(2);
  });

  it('with signals, reloads only now and then', async () => {
    const { hook, loads } = renderRuns(true);
    await waitFor(() => expect(hook.result.current.runs).toHaveLength(1));
    expect(hook.result.current.live).toBe(true);
    await act(async () => jest.advanceTimersByTime(POLL_WITHOUT_SIGNALS_MS));
    expect(loads()).toBe(1);
    await act(async () => jest.advanceTimersByTime(LIVE_REFRESH_MS));
    expect(loads()).toBe(2);
  });

  it('reloads when the tab is shown again and when the browser is back online', async () => {
    const { hook, loads } = renderRuns(true);
    await waitFor(() => expect(hook.result.current.runs).toHaveLength(1));
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(loads()).toBe(2);
    await act(async () => {
      window.dispatchEvent(new Event('online'));
    });
    expect(loads()).toBe(3);
  });
});
