import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { RunbookRun } from '@sre-control-center/plugin-sre-control-center-common';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import { useRef, useState } from 'react';
import { sreControlCenterApiRef } from '../../api';
import type { RunOnScreen } from '../../state/mergeRun';
import { ActionDialog } from './ActionDialog';
import { isOverBudget, messageOf } from './overBudget';

/** Why the buttons are disabled, as their tooltip. */
function whyNot(run: RunOnScreen): string {
  if (!run.decision) return 'Checking whether you may decide this run…';
  return run.decision.reason ?? 'You may not decide this run.';
}

/**
 * Approve / Reject for one pending run. The backend decides who may (the
 * approve permission and the distinct-approver rule) and says why not; a
 * click sends one request however often it lands, and an approve that
 * would break the budget asks for confirmation before it is sent again.
 */
export function RunDecisionButtons(props: {
  run: RunOnScreen;
  onChanged: (run: RunbookRun) => void;
  /** The run changed under us (409): reload the list. */
  onStale: () => void;
}) {
  const { run, onChanged, onStale } = props;
  const api = useApi(sreControlCenterApiRef);
  const alertApi = useApi(alertApiRef);
  // The ref stops a second click before React has re-rendered the button disabled.
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<
    { kind: 'reject' } | { kind: 'overBudget'; message: string } | undefined
  >(undefined);

  const send = async (
    action: 'approve' | 'reject',
    request: () => Promise<RunbookRun>,
    confirmedOverBudget = false,
  ) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      onChanged(await request());
    } catch (error) {
      if (action === 'approve' && !confirmedOverBudget && isOverBudget(error)) {
        setDialog({ kind: 'overBudget', message: messageOf(error) });
        return;
      }
      alertApi.post({
        message: `Could not ${action} ${run.runbookName}: ${messageOf(error)}`,
        severity: 'error',
      });
      if (ResponseError.is(error) && error.statusCode === 409) onStale();
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  const approve = (confirmOverBudget: boolean) =>
    send(
      'approve',
      () =>
        api.approveRun(
          run.id,
          confirmOverBudget ? { confirmOverBudget: true } : {},
        ),
      confirmOverBudget,
    );

  const allowed = Boolean(run.decision?.allowed);
  const disabled = busy || !allowed;
  // A disabled button fires no events, so the tooltip sits on a wrapper.
  const guard = (button: JSX.Element) =>
    allowed ? (
      button
    ) : (
      <Tooltip title={whyNot(run)}>
        <span>{button}</span>
      </Tooltip>
    );

  return (
    <>
      <Stack direction="row" spacing={1} sx={{ whiteSpace: 'nowrap' }}>
        {guard(
          <Button
            size="small"
            variant="contained"
            disabled={disabled}
            onClick={() => approve(false)}
          >
            Approve
          </Button>,
        )}
        {guard(
          <Button
            size="small"
            variant="outlined"
            color="secondary"
            disabled={disabled}
            onClick={() => setDialog({ kind: 'reject' })}
          >
            Reject
          </Button>,
        )}
      </Stack>
      <ActionDialog
        open={dialog?.kind === 'reject'}
        title={`Reject "${run.runbookName}"?`}
        textLabel="Comment (optional)"
        confirmLabel="Reject run"
        onCancel={() => setDialog(undefined)}
        onConfirm={comment => {
          setDialog(undefined);
          send('reject', () => api.rejectRun(run.id, comment));
        }}
      />
      <ActionDialog
        open={dialog?.kind === 'overBudget'}
        title="This pushes the forecast over the budget: approve anyway?"
        confirmLabel="Approve anyway"
        onCancel={() => setDialog(undefined)}
        onConfirm={() => {
          setDialog(undefined);
          approve(true);
        }}
      >
        {dialog?.kind === 'overBudget' ? dialog.message : null}
      </ActionDialog>
    </>
  );
}
