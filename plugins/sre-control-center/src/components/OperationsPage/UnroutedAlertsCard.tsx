import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useUnroutedAlerts } from '../../hooks/useOperations';

/** Alerts that reached the portal but no System: what each needs to be routed. */
export function UnroutedAlertsCard() {
  const { value, error, loading } = useUnroutedAlerts();
  let content: JSX.Element;
  if (loading) {
    content = <Progress />;
  } else if (!value) {
    content = <ResponseErrorPanel error={error!} />;
  } else if (value.items.length === 0) {
    content = (
      <EmptyState
        missing="data"
        title="Every alert reached a System"
        description="Alerts whose target resource no System claims (and webhook calls without ?entityRef=) would be listed here."
      />
    );
  } else {
    content = (
      <>
        {error && <ResponseErrorPanel error={error} title="Refresh failed" />}
        <Table size="small" aria-label="Unrouted alerts">
          <TableHead>
            <TableRow>
              <TableCell>Alert</TableCell>
              <TableCell>Fired</TableCell>
              <TableCell>Target resource</TableCell>
              <TableCell>How to route it</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {value.items.map(alert => (
              <TableRow key={alert.id}>
                <TableCell>
                  {alert.name}{' '}
                  <Chip
                    size="small"
                    variant="outlined"
                    label={alert.severity}
                  />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {new Date(alert.firedAt).toLocaleString()}
                </TableCell>
                <TableCell sx={{ wordBreak: 'break-all' }}>
                  {alert.targetResourceId ?? '–'}
                </TableCell>
                <TableCell>
                  <Typography variant="body2">
                    {alert.routingHint.message}
                  </Typography>
                  {alert.routingHint.annotation && (
                    <Typography
                      variant="caption"
                      component="code"
                      sx={{ wordBreak: 'break-all' }}
                    >
                      {alert.routingHint.annotation.name}:{' '}
                      {alert.routingHint.annotation.value}
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </>
    );
  }
  return (
    <InfoCard
      title="Unrouted alerts"
      subheader={
        value
          ? `${value.items.length}${value.nextCursor ? '+' : ''}`
          : undefined
      }
    >
      {content}
    </InfoCard>
  );
}
