import { signalApiRef } from '@backstage/plugin-signals-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import { sreControlCenterApiRef } from '../../api';
import { SIGNAL_RELOAD_DELAY_MS } from '../../hooks/useProjectResource';
import {
  fakeApi,
  fakeSignals,
  sampleAlert,
  sampleRun,
} from '../../__testUtils__';
import { TimelineCard } from './TimelineCard';

const entityRef = 'system:default/mindful-moments';

const story = [
  {
    at: '2026-11-28T10:09:00.000Z',
    kind: 'alert' as const,
    action: 'alert.resolved',
    actor: null,
    summary: 'alert-high-cpu resolved',
    target: 'alert-1',
  },
  {
    at: '2026-11-28T10:05:00.000Z',
    kind: 'run' as const,
    action: 'run.approved',
    actor: 'user:default/amy',
    summary: 'Scale App Service plan B1 to B2 approved',
    target: 'run-1',
  },
  {
    at: '2026-11-28T10:00:00.000Z',
    kind: 'alert' as const,
    action: 'alert.fired',
    actor: null,
    summary: 'alert-high-cpu fired on asp-mindful-moments-dev',
    target: 'alert-1',
  },
];

describe('TimelineCard', () => {
  it('lists what happened, newest first, with kind and actor', async () => {
    const api = fakeApi();
    api.runbookState.timeline = story;
    await renderInTestApp(
      <TestApiProvider apis={[[sreControlCenterApiRef, api]]}>
        <TimelineCard entityRef={entityRef} />
      </TestApiProvider>,
    );
    const list = await screen.findByRole('list', { name: 'Timeline' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('alert resolved');
    expect(items[0]).toHaveTextContent('alert-high-cpu resolved');
    expect(items[1]).toHaveTextContent('run approved');
    expect(items[1]).toHaveTextContent(
      'Scale App Service plan B1 to B2 approved · amy',
    );
    expect(items[2]).toHaveTextContent('alert fired');
  });

  it('explains an empty timeline', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[sreControlCenterApiRef, fakeApi()]]}>
        <TimelineCard entityRef={entityRef} />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(/Nothing has happened yet/),
    ).toBeInTheDocument();
  });

  it('reloads once after a burst of pushes', async () => {
    const signals = fakeSignals();
    const api = fakeApi();
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [sreControlCenterApiRef, api],
          [signalApiRef, signals.api],
        ]}
      >
        <TimelineCard entityRef={entityRef} />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(/Nothing has happened yet/),
    ).toBeInTheDocument();
    api.runbookState.timeline = story;
    const loads = () =>
      api.requests.filter(r => 'timeline' in (r as object)).length;
    expect(loads()).toBe(1);
    const { decision: _none, ...run } = sampleRun;
    act(() => {
      for (const status of ['approved', 'running', 'succeeded'] as const) {
        signals.push({ type: 'run.changed', run: { ...run, status } });
      }
      signals.push({ type: 'alert.changed', alert: sampleAlert });
    });
    expect(
      await screen.findByText('alert-high-cpu resolved', undefined, {
        timeout: SIGNAL_RELOAD_DELAY_MS + 2000,
      }),
    ).toBeInTheDocument();
    await waitFor(() => expect(loads()).toBe(2));
    // Nothing more comes after the burst.
    await new Promise(r => setTimeout(r, SIGNAL_RELOAD_DELAY_MS + 200));
    expect(loads()).toBe(2);
  });
});
