import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  alertUpdatePermission,
  type Alert,
} from '@sre-control-center/plugin-sre-control-center-common';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { sreControlCenterApiRef } from '../../api';

/**
 * Acknowledge / Close for one alert. Shown only for the moves its state
 * allows; disabled for people without the alert.update permission.
 */
export function AlertActions(props: {
  alert: Alert;
  onChanged: (alert: Alert) => void;
}) {
  const { alert, onChanged } = props;
  const api = useApi(sreControlCenterApiRef);
  const alertApi = useApi(alertApiRef);
  const { allowed } = usePermission({
    permission: alertUpdatePermission,
    resourceRef: alert.entityRef ?? undefined,
  });
  const [busy, setBusy] = useState(false);

  const run = async (action: 'acknowledge' | 'close') => {
    setBusy(true);
    try {
      const result =
        action === 'acknowledge'
          ? await api.acknowledgeAlert(alert.id)
          : await api.closeAlert(alert.id);
      onChanged(result.alert);
    } catch (error) {
      alertApi.post({
        message: `Could not ${action} ${alert.name}: ${
          (error as Error).message
        }`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  if (alert.state === 'Closed') return null;
  const disabled = busy || !allowed;
  return (
    <Stack direction="row" spacing={1} sx={{ whiteSpace: 'nowrap' }}>
      {alert.state === 'New' && (
        <Button
          size="small"
          variant="outlined"
          disabled={disabled}
          onClick={() => run('acknowledge')}
        >
          Acknowledge
        </Button>
      )}
      <Button
        size="small"
        variant="outlined"
        color="secondary"
        disabled={disabled}
        onClick={() => run('close')}
      >
        Close
      </Button>
    </Stack>
  );
}
