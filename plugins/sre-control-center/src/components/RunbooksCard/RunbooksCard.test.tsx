import { alertApiRef } from '@backstage/core-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { signalApiRef, type SignalApi } from '@backstage/plugin-signals-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import type { RunbookRun } from '@sre-control-center/plugin-sre-control-center-common';
import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sreControlCenterApiRef } from '../../api';
import {
  fakeApi,
  fakeSignals,
  responseError,
  restartRunbook,
  sampleRun,
  scaleRunbook,
} from '../../__testUtils__';
import { RunbooksCard } from './RunbooksCard';

const entityRef = 'system:default/mindful-moments';

/** A pending run that expires 42½ minutes from now. */
function pendingRun(overrides: Partial<RunbookRun> = {}): RunbookRun {
  return {
    ...sampleRun,
    requestedAt: new Date(Date.now() - 3 * 60_000).toISOString(),
    expiresAt: new Date(Date.now() + 42.5 * 60_000).toISOString(),
    ...overrides,
  };
}

async function renderCard(
  setUp: (api: ReturnType<typeof fakeApi>) => void = () => {},
  signals?: SignalApi,
) {
  const api = fakeApi();
  api.runbookState.runbooks = [restartRunbook, scaleRunbook];
  setUp(api);
  const alerts = { post: jest.fn() };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [sreControlCenterApiRef, api],
        [alertApiRef, alerts],
        [
          permissionApiRef,
          mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
        ],
        ...(signals ? ([[signalApiRef, signals]] as const) : []),
      ]}
    >
      <RunbooksCard entityRef={entityRef} />
    </TestApiProvider>,
  );
  return { api, alerts };
}

const pendingTable = () =>
  screen.findByRole('table', { name: 'Pending approval' });

describe('RunbooksCard', () => {
  it('lists the runbooks with their trigger, actions, approval and cooldown', async () => {
    await renderCard(api => {
      api.runbookState.runbooks = [
        {
          ...scaleRunbook,
          triggeredBy: [
            {
              alertId: 'a1',
              name: 'alert-high-cpu',
              firedAt: sampleRun.requestedAt,
            },
          ],
        },
      ];
    });
    const table = await screen.findByRole('table', { name: 'Runbooks' });
    const row = within(table).getAllByRole('row')[1];
    expect(row).toHaveTextContent('Scale App Service plan B1 to B2');
    expect(row).toHaveTextContent('alert-high-cpu');
    expect(row).toHaveTextContent('firing now');
    expect(row).toHaveTextContent('CPU above 80 % for 10 minutes');
    expect(row).toHaveTextContent('scale asp-mindful-moments-dev to B2');
    expect(row).toHaveTextContent('needs approval');
    expect(row).toHaveTextContent('30 min');
    expect(
      screen.queryByRole('table', { name: 'Pending approval' }),
    ).toBeNull();
    expect(screen.getByText('No runs yet.')).toBeInTheDocument();
  });

  it('shows a pending run with its alert, requester and time left', async () => {
    await renderCard(api => {
      api.runbookState.runs = [pendingRun()];
    });
    const row = within(await pendingTable()).getAllByRole('row')[1];
    expect(row).toHaveTextContent('Scale App Service plan B1 to B2');
    expect(row).toHaveTextContent('alert alert-high-cpu');
    expect(row).toHaveTextContent('automation');
    expect(row).toHaveTextContent('3 min ago');
    expect(row).toHaveTextContent('expires in 42 min');
  });

  it('approves once however fast the button is clicked', async () => {
    let answer: (run: RunbookRun) => void = () => {};
    const { api } = await renderCard(fake => {
      fake.runbookState.runs = [pendingRun()];
      fake.approveRun = async id => {
        fake.requests.push({ approve: id });
        return new Promise(resolve => {
          answer = resolve;
        });
      };
    });
    const approve = within(await pendingTable()).getByRole('button', {
      name: 'Approve',
    });
    // Both clicks land before React re-renders the button disabled.
    act(() => {
      fireEvent.click(approve);
      fireEvent.click(approve);
    });
    await waitFor(() => expect(approve).toBeDisabled());
    expect(api.requests.filter(r => 'approve' in (r as object))).toHaveLength(
      1,
    );

    act(() =>
      answer({
        ...pendingRun(),
        status: 'approved',
        decidedBy: 'user:default/amy',
      }),
    );
    const recent = await screen.findByRole('table', { name: 'Recent runs' });
    expect(within(recent).getByText('approved by amy')).toBeInTheDocument();
    expect(within(recent).getByText('Approved')).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Pending approval' }),
    ).toBeNull();
  });

  it('asks before approving a scale that breaks the budget, then confirms', async () => {
    const { api } = await renderCard(fake => {
      fake.runbookState.runs = [pendingRun()];
      const approve = fake.approveRun;
      fake.approveRun = async (id, options) => {
        if (!options?.confirmOverBudget) {
          fake.requests.push({ approve: id, ...options });
          throw await responseError(
            409,
            'OverBudgetError',
            'B2 raises the forecast to 131 EUR of a 120 EUR budget',
          );
        }
        return approve(id, options);
      };
    });
    await userEvent.click(
      within(await pendingTable()).getByRole('button', { name: 'Approve' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      'This pushes the forecast over the budget: approve anyway?',
    );
    expect(dialog).toHaveTextContent('131 EUR of a 120 EUR budget');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve anyway' }),
    );
    expect(await screen.findByText('approved by approver')).toBeInTheDocument();
    expect(api.requests).toEqual(
      expect.arrayContaining([
        { approve: 'run-1' },
        { approve: 'run-1', confirmOverBudget: true },
      ]),
    );
  });

  it('reports a conflict and reloads the runs', async () => {
    const { api, alerts } = await renderCard(fake => {
      fake.runbookState.runs = [pendingRun()];
      fake.approveRun = async () => {
        // Someone else decided it meanwhile.
        fake.runbookState.runs = [
          {
            ...pendingRun(),
            status: 'rejected',
            decidedBy: 'user:default/bob',
          },
        ];
        throw await responseError(409, 'ConflictError', 'run-1 was rejected');
      };
    });
    await userEvent.click(
      within(await pendingTable()).getByRole('button', { name: 'Approve' }),
    );
    expect(await screen.findByText('rejected by bob')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(alerts.post).toHaveBeenCalledWith({
      message: expect.stringContaining('run-1 was rejected'),
      severity: 'error',
    });
    expect(api.requests.filter(r => 'runs' in (r as object))).toHaveLength(2);
  });

  it('rejects with a comment', async () => {
    const { api } = await renderCard(fake => {
      fake.runbookState.runs = [pendingRun()];
    });
    await userEvent.click(
      within(await pendingTable()).getByRole('button', { name: 'Reject' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox'),
      '  CPU is back to normal  ',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject run' }),
    );
    expect(await screen.findByText('rejected by approver')).toBeInTheDocument();
    expect(screen.getByText('“CPU is back to normal”')).toBeInTheDocument();
    expect(api.requests).toContainEqual({
      reject: 'run-1',
      comment: 'CPU is back to normal',
    });
  });

  it('disables the decision with the reason as tooltip when the caller may not decide', async () => {
    await renderCard(api => {
      api.runbookState.runs = [
        pendingRun({
          requestedBy: 'user:default/guest',
          decision: {
            allowed: false,
            reason: 'You requested this run: someone else must approve it',
          },
        }),
      ];
    });
    const table = await pendingTable();
    const approve = within(table).getByRole('button', { name: 'Approve' });
    expect(approve).toBeDisabled();
    expect(
      within(table).getByRole('button', { name: 'Reject' }),
    ).toBeDisabled();
    await userEvent.hover(approve.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'You requested this run: someone else must approve it',
    );
  });

  it('requests a run by hand with a reason', async () => {
    const { api } = await renderCard();
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Run Scale App Service plan B1 to B2',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('This runbook needs an approval');
    await userEvent.type(within(dialog).getByRole('textbox'), 'load test');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request run' }),
    );
    const row = within(await pendingTable()).getAllByRole('row')[1];
    expect(row).toHaveTextContent('requested by hand');
    expect(row).toHaveTextContent('load test');
    expect(row).toHaveTextContent('guest');
    expect(api.requests).toContainEqual({
      requestRun: {
        entityRef,
        runbookId: scaleRunbook.id,
        reason: 'load test',
      },
    });
  });

  it('shows what recent runs did and whether it helped', async () => {
    await renderCard(api => {
      api.runbookState.runs = [
        {
          ...sampleRun,
          id: 'ok',
          status: 'succeeded',
          decidedBy: 'user:default/amy',
          results: [
            {
              type: 'scale',
              resource: 'asp-mindful-moments-dev',
              status: 'succeeded',
              summary: 'plan asp-mindful-moments-dev scaled B1 → B2',
              startedAt: sampleRun.requestedAt,
              finishedAt: sampleRun.requestedAt,
            },
          ],
          outcome: 'resolved 4 min after the action',
        },
        {
          ...sampleRun,
          id: 'bad',
          runbookName: restartRunbook.name,
          requiresApproval: false,
          status: 'failed',
          results: [
            {
              type: 'restart',
              resource: 'app-mindful-moments-dev',
              status: 'failed',
              summary: 'restart refused',
              errorCode: 'AuthorizationFailed',
              startedAt: sampleRun.requestedAt,
              finishedAt: sampleRun.requestedAt,
            },
          ],
        },
      ];
    });
    const table = await screen.findByRole('table', { name: 'Recent runs' });
    const [ok, bad] = within(table).getAllByRole('row').slice(1);
    expect(within(ok).getByText('Succeeded')).toBeInTheDocument();
    expect(ok).toHaveTextContent('approved by amy');
    expect(ok).toHaveTextContent('plan asp-mindful-moments-dev scaled B1 → B2');
    expect(ok).toHaveTextContent('resolved 4 min after the action');
    expect(within(bad).getByText('Failed')).toBeInTheDocument();
    expect(bad).toHaveTextContent('no approval needed');
    expect(bad).toHaveTextContent('restart refused');
    expect(bad).toHaveTextContent('AuthorizationFailed');
  });
});

describe('RunbooksCard live updates', () => {
  it('shows a run an alert started without reloading, then fetches its decision', async () => {
    const signals = fakeSignals();
    const { api } = await renderCard(() => {}, signals.api);
    expect(await screen.findByText('No runs yet.')).toBeInTheDocument();
    expect(screen.getByText(/Live: runs appear/)).toBeInTheDocument();

    const { decision: _none, ...pushed } = pendingRun();
    // The backend has it too by the time the page asks for the decision.
    api.runbookState.runs = [pendingRun()];
    act(() => signals.push({ type: 'run.changed', run: pushed }));

    const table = await pendingTable();
    // Until the decision is known the buttons wait, with a tooltip saying so.
    // (The button is re-created when its tooltip goes: query it afresh.)
    await waitFor(() =>
      expect(
        within(table).getByRole('button', { name: 'Approve' }),
      ).toBeEnabled(),
    );
    expect(api.requests.filter(r => 'runs' in (r as object))).toHaveLength(2);

    // Later pushes of the same run move it along without more requests.
    act(() =>
      signals.push({
        type: 'run.changed',
        run: { ...pushed, status: 'running', decidedBy: 'user:default/amy' },
      }),
    );
    act(() =>
      signals.push({
        type: 'run.changed',
        run: { ...pushed, status: 'succeeded', decidedBy: 'user:default/amy' },
      }),
    );
    expect(await screen.findByText('Succeeded')).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Pending approval' }),
    ).toBeNull();
    expect(api.requests.filter(r => 'runs' in (r as object))).toHaveLength(2);
  });
});
