import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import type { Alert } from '@internal/plugin-sre-control-center-common';
import Chip from '@mui/material/Chip';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useAlerts } from '../../hooks/useAlerts';
import { AlertActions } from './AlertActions';

const severityColor: Record<
  Alert['severity'],
  'error' | 'warning' | 'info' | 'default'
> = {
  Sev0: 'error',
  Sev1: 'error',
  Sev2: 'warning',
  Sev3: 'info',
  Sev4: 'default',
};

function AlertTable(props: {
  alerts: Alert[];
  onChanged: (alert: Alert) => void;
}) {
  const { alerts, onChanged } = props;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table
        size="small"
        aria-label="Alerts"
        sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}
      >
        <TableHead>
          <TableRow>
            <TableCell>Severity</TableCell>
            <TableCell>Alert</TableCell>
            <TableCell>State</TableCell>
            <TableCell>Condition</TableCell>
            <TableCell>Fired</TableCell>
            <TableCell>Actions</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {alerts.map(alert => (
            <TableRow key={alert.id}>
              <TableCell>
                <Chip
                  size="small"
                  label={alert.severity}
                  color={severityColor[alert.severity]}
                />
              </TableCell>
              <TableCell>{alert.name}</TableCell>
              <TableCell>{alert.state}</TableCell>
              <TableCell>{alert.monitorCondition}</TableCell>
              <TableCell>{new Date(alert.firedAt).toLocaleString()}</TableCell>
              <TableCell>
                <AlertActions alert={alert} onChanged={onChanged} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/** The project's alerts, newest first. */
export function AlertFeedCard({ entityRef }: { entityRef: string }) {
  const { items, loading, error, live, showChanged } = useAlerts(entityRef);
  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!items || items.length === 0) {
    content = (
      <Typography variant="body2" color="text.secondary">
        No alerts for this project. Alerts appear here when the Azure Monitor
        action group posts to{' '}
        <code>/api/sre-control-center/webhooks/azure-monitor</code>.
      </Typography>
    );
  } else {
    content = <AlertTable alerts={items} onChanged={showChanged} />;
  }
  return (
    <InfoCard
      title="Alerts"
      subheader={
        live
          ? 'Live: updates are pushed as Azure Monitor sends them'
          : 'Refreshed every 15 s'
      }
    >
      {content}
    </InfoCard>
  );
}
