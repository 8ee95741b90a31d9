import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  maintenanceManagePermission,
  type MaintenanceWindow,
} from '@sre-control-center/plugin-sre-control-center-common';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import type { ReactElement } from 'react';
import { useState } from 'react';
import { sreControlCenterApiRef } from '../../api';
import { useMaintenance } from '../../hooks/useMaintenance';
import { SilenceAlertsDialog } from './SilenceAlertsDialog';

const NOT_ALLOWED = `Silencing alerts needs the ${maintenanceManagePermission.name} permission on this System`;

/** HH:MM on the viewer's clock. */
export function clockTime(iso: string): string {
  return new Intl.DateTimeFormat(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** `user:default/alex.sre` → `alex.sre`; anything else as it is. */
function personName(ref: string | null): string {
  if (!ref) return 'someone in Azure';
  return ref.replace(/^user:(default\/)?/i, '');
}

/** A disabled button shows no tooltip of its own; the span carries it. */
function Guarded(props: { allowed: boolean; children: ReactElement }) {
  if (props.allowed) return props.children;
  return (
    <Tooltip title={NOT_ALLOWED}>
      <span>{props.children}</span>
    </Tooltip>
  );
}

/**
 * Top of the Control Center: while a maintenance window is active, a banner
 * says until when the System's alerts are silenced, with "End now"; and a
 * "Silence alerts" button that starts one. Nothing shows for a System
 * without an Azure resource group.
 */
export function MaintenanceBanner(props: {
  entityRef: string;
  systemName: string;
}) {
  const { entityRef, systemName } = props;
  const api = useApi(sreControlCenterApiRef);
  const alertApi = useApi(alertApiRef);
  const { allowed } = usePermission({
    permission: maintenanceManagePermission,
    resourceRef: entityRef,
  });
  const { windows, error, reload } = useMaintenance(entityRef);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const act = async (what: string, call: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await call();
      return true;
    } catch (e) {
      alertApi.post({
        message: `Could not ${what}: ${(e as Error).message}`,
        severity: 'error',
      });
      return false;
    } finally {
      setBusy(false);
      // The signal does this too; reloading here also covers a page without signals.
      reload();
    }
  };

  const start = async (minutes: number, reason: string) => {
    if (
      await act(`silence alerts for ${systemName}`, () =>
        api.startMaintenance({ entityRef, minutes, reason }),
      )
    )
      setDialogOpen(false);
  };

  const end = (window: MaintenanceWindow) =>
    act('end the maintenance window', () =>
      api.endMaintenance(entityRef, window.name),
    );

  if (error) {
    return (
      <Alert severity="info" variant="outlined">
        Maintenance windows are unavailable: {error.message}
      </Alert>
    );
  }
  if (!windows) return null;

  return (
    <Stack spacing={1}>
      {windows.map(window => (
        <Alert
          key={window.name}
          severity="warning"
          variant="filled"
          aria-label="Maintenance window"
          action={
            <Guarded allowed={allowed}>
              <Button
                color="inherit"
                size="small"
                variant="outlined"
                disabled={busy || !allowed}
                onClick={() => end(window)}
              >
                End now
              </Button>
            </Guarded>
          }
        >
          Alerts for {systemName} are silenced until {clockTime(window.endsAt)}{' '}
          ({window.reason}, by {personName(window.startedBy)})
        </Alert>
      ))}
      <Stack direction="row" justifyContent="flex-end">
        <Guarded allowed={allowed}>
          <Button
            size="small"
            variant="outlined"
            color="warning"
            disabled={!allowed}
            onClick={() => setDialogOpen(true)}
          >
            Silence alerts
          </Button>
        </Guarded>
      </Stack>
      {dialogOpen && (
        <SilenceAlertsDialog
          open
          systemName={systemName}
          busy={busy}
          onCancel={() => setDialogOpen(false)}
          onConfirm={start}
        />
      )}
    </Stack>
  );
}
