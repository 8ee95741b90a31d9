import { signalApiRef } from '@backstage/plugin-signals-react';
import { TestApiProvider } from '@backstage/test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { sreControlCenterApiRef } from '../api';
import { fakeApi, fakeSignals, sampleCosts } from '../__testUtils__';
import { useCosts } from './useCosts';

const SYSTEM = 'system:default/mindful-moments';

describe('useCosts', () => {
  it('reloads once per costs.changed signal, not again on every render', async () => {
    const signals = fakeSignals();
    const getCosts = jest.fn(async () => sampleCosts);
    const api = { ...fakeApi(), getCosts };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider
        apis={[
          [sreControlCenterApiRef, api],
          [signalApiRef, signals.api],
        ]}
      >
        {children}
      </TestApiProvider>
    );
    const { result } = renderHook(() => useCosts(SYSTEM), { wrapper });
    await waitFor(() => expect(result.current.value).toBe(sampleCosts));
    expect(getCosts).toHaveBeenCalledTimes(1);

    act(() => signals.push({ type: 'costs.changed', entityRef: SYSTEM }));
    await waitFor(() => expect(getCosts).toHaveBeenCalledTimes(2));
    // Loading started and stopped since: that must not count as a new signal.
    await new Promise(r => setTimeout(r, 200));
    expect(getCosts).toHaveBeenCalledTimes(2);
  });
});
