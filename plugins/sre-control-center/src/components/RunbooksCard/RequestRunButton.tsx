import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  runbookRunPermission,
  type Runbook,
  type RunbookRun,
} from '@sre-control-center/plugin-sre-control-center-common';
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import { useRef, useState } from 'react';
import { sreControlCenterApiRef } from '../../api';
import { ActionDialog } from './ActionDialog';
import { messageOf } from './overBudget';

/**
 * "Run" for one runbook: asks for a reason, then requests the run. Runbooks
 * without approvals execute at once, so the dialog says which it will be.
 */
export function RequestRunButton(props: {
  entityRef: string;
  runbook: Runbook;
  onRequested: (run: RunbookRun) => void;
}) {
  const { entityRef, runbook, onRequested } = props;
  const api = useApi(sreControlCenterApiRef);
  const alertApi = useApi(alertApiRef);
  const { allowed, loading } = usePermission({
    permission: runbookRunPermission,
    resourceRef: entityRef,
  });
  const [open, setOpen] = useState(false);
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);

  const request = async (reason: string | undefined) => {
    setOpen(false);
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      onRequested(
        await api.requestRun({ entityRef, runbookId: runbook.id, reason }),
      );
    } catch (error) {
      alertApi.post({
        message: `Could not run ${runbook.name}: ${messageOf(error)}`,
        severity: 'error',
      });
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  const button = (
    <Button
      size="small"
      variant="outlined"
      disabled={busy || loading || !allowed}
      onClick={() => setOpen(true)}
      aria-label={`Run ${runbook.name}`}
    >
      Run
    </Button>
  );
  return (
    <>
      {allowed || loading ? (
        button
      ) : (
        <Tooltip title="You need the sre-control-center.runbook.run permission to run runbooks.">
          <span>{button}</span>
        </Tooltip>
      )}
      <ActionDialog
        open={open}
        title={`Run "${runbook.name}"?`}
        textLabel="Reason (optional)"
        confirmLabel={runbook.requiresApproval ? 'Request run' : 'Run now'}
        onCancel={() => setOpen(false)}
        onConfirm={request}
      >
        {runbook.requiresApproval
          ? 'This runbook needs an approval: the run waits until someone approves it.'
          : 'This runbook needs no approval: it executes as soon as you confirm.'}
      </ActionDialog>
    </>
  );
}
