import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  issueCreatePermission,
  type Alert,
  type AlertIssue,
} from '@sre-control-center/plugin-sre-control-center-common';
import Button from '@mui/material/Button';
import { useRef, useState } from 'react';
import { sreControlCenterApiRef } from '../../api';

/**
 * "Open issue" for an alert: a GitHub issue in the System's repository (or
 * the one it has). Disabled without `sre-control-center.issue.create` on the
 * System, and while a request is under way (the backend also opens one
 * issue per alert whatever happens).
 */
export function OpenIssueButton(props: {
  alert: Alert;
  onOpened: (issue: AlertIssue) => void;
}) {
  const { alert, onOpened } = props;
  const api = useApi(sreControlCenterApiRef);
  const alertApi = useApi(alertApiRef);
  const { allowed } = usePermission({
    permission: issueCreatePermission,
    resourceRef: alert.entityRef ?? undefined,
  });
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);

  const open = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      const { issue, created } = await api.openIssue(alert.id);
      onOpened(issue);
      alertApi.post({
        message: created
          ? `Opened GitHub issue #${issue.number}`
          : `${alert.name} already has GitHub issue #${issue.number}`,
        severity: 'success',
        display: 'transient',
      });
    } catch (error) {
      alertApi.post({
        message: `Could not open an issue for ${alert.name}: ${
          (error as Error).message
        }`,
        severity: 'error',
      });
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  if (!alert.entityRef) return null;
  return (
    <Button
      size="small"
      variant="outlined"
      disabled={busy || !allowed}
      onClick={open}
    >
      Open issue
    </Button>
  );
}
