import { signalApiRef } from '@backstage/plugin-signals-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import type { Escalation } from '@sre-control-center/plugin-sre-control-center-common';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sreControlCenterApiRef } from '../../api';
import { SIGNAL_RELOAD_DELAY_MS } from '../../hooks/useProjectResource';
import { fakeApi, fakeSignals } from '../../__testUtils__';
import { OnCallCard } from './OnCallCard';

const entityRef = 'system:default/mindful-moments';

const escalation: Escalation = {
  id: '00000000-0000-4000-8000-000000000001',
  alertId: 'alertmanager:1',
  alertName: 'alert-http-5xx',
  entityRef,
  policy: 'mindful-moments',
  urgency: 'high',
  state: 'active',
  level: 2,
  round: 0,
  nextStepAt: '2026-12-01T12:04:00.000Z',
  startedAt: '2026-12-01T12:00:00.000Z',
  endedAt: null,
  endedBy: null,
  attempts: [
    {
      id: 'a1',
      escalationId: '00000000-0000-4000-8000-000000000001',
      level: 0,
      round: 0,
      channel: 'notification',
      target: 'user:default/guest',
      phoneNumber: null,
      outcome: 'notified',
      detail: null,
      createdAt: '2026-12-01T12:00:00.000Z',
      updatedAt: '2026-12-01T12:00:00.000Z',
    },
    {
      id: 'a2',
      escalationId: '00000000-0000-4000-8000-000000000001',
      level: 1,
      round: 0,
      channel: 'phone',
      target: 'user:default/guest',
      phoneNumber: '+4915100000001',
      outcome: 'no_answer',
      detail: null,
      createdAt: '2026-12-01T12:01:00.000Z',
      updatedAt: '2026-12-01T12:01:30.000Z',
    },
  ],
};

function setup(canStop: boolean) {
  const api = fakeApi();
  api.escalationState.onCall = {
    entityRef,
    canStop,
    schedules: [
      {
        schedule: 'mindful-moments-primary',
        timeZone: 'Europe/Berlin',
        current: {
          user: 'user:default/guest',
          until: '2026-12-07T08:00:00.000Z',
        },
        next: {
          user: 'user:default/alex.sre',
          from: '2026-12-07T08:00:00.000Z',
        },
      },
    ],
  };
  api.escalationState.escalations = [escalation];
  const signals = fakeSignals();
  return { api, signals };
}

describe('OnCallCard', () => {
  it('shows who is on call and next, the active escalation with its attempts, and stops it', async () => {
    const { api, signals } = setup(true);
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [sreControlCenterApiRef, api],
          [signalApiRef, signals.api],
        ]}
      >
        <OnCallCard entityRef={entityRef} />
      </TestApiProvider>,
    );
    const onCall = await screen.findByRole('list', { name: 'On call' });
    expect(onCall).toHaveTextContent('guest until');
    expect(onCall).toHaveTextContent('Next: alex.sre');
    const item = screen.getByRole('listitem', {
      name: 'Escalation of alert-http-5xx',
    });
    expect(item).toHaveTextContent('Level 1guest · notificationnotified');
    expect(item).toHaveTextContent(
      'Level 2guest · call +4915100000001no answer',
    );

    await userEvent.click(within(item).getByRole('button', { name: 'Stop' }));
    expect(api.requests).toContainEqual({
      stop: escalation.id,
      reason: undefined,
    });
    expect(
      await screen.findByText('Nobody is being paged.'),
    ).toBeInTheDocument();
  });

  it('without the permission the Stop button is disabled', async () => {
    const { api, signals } = setup(false);
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [sreControlCenterApiRef, api],
          [signalApiRef, signals.api],
        ]}
      >
        <OnCallCard entityRef={entityRef} />
      </TestApiProvider>,
    );
    expect(await screen.findByRole('button', { name: 'Stop' })).toBeDisabled();
  });

  it('reloads when an escalation changes (a pushed signal)', async () => {
    const { api, signals } = setup(true);
    api.escalationState.escalations = [];
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [sreControlCenterApiRef, api],
          [signalApiRef, signals.api],
        ]}
      >
        <OnCallCard entityRef={entityRef} />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('Nobody is being paged.'),
    ).toBeInTheDocument();
    api.escalationState.escalations = [escalation];
    act(() => {
      signals.push({
        type: 'escalations.changed',
        entityRef,
        escalationId: escalation.id,
      });
    });
    expect(
      await screen.findByText('alert-http-5xx', undefined, {
        timeout: SIGNAL_RELOAD_DELAY_MS + 2000,
      }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(api.requests.filter(r => 'onCall' in (r as object))).toHaveLength(
        2,
      ),
    );
  });
});
