import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import type {
  Alert,
  AlertEvent,
} from '@sre-control-center/plugin-sre-control-center-common';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useAlertHistory } from '../../hooks/useAlertHistory';

const verb: Record<AlertEvent['type'], string> = {
  fired: 'Fired',
  resolved: 'Resolved',
  acknowledged: 'Acknowledged',
  closed: 'Closed',
  reopened: 'Reopened',
  routed: 'Routed to its System',
  escalation: 'On-call page',
};

/** "Level 2 phone to user:default/guest: no answer". */
function describePage(details: Record<string, unknown>): string {
  const level = Number(details.level ?? 0) + 1;
  const outcome = String(details.outcome ?? '').replace('_', ' ');
  return `On-call level ${level} ${String(details.channel)} to ${String(
    details.target,
  )}: ${outcome}`;
}

/** "Acknowledged by user:default/alex.sre", or the verb alone. */
export function describeEvent(event: AlertEvent): string {
  if (event.type === 'escalation' && event.details) {
    return describePage(event.details);
  }
  return event.actor
    ? `${verb[event.type]} by ${event.actor}`
    : verb[event.type];
}

function commentOf(event: AlertEvent): string | undefined {
  const comment = event.details?.comment;
  return typeof comment === 'string' ? comment : undefined;
}

/** What happened to one alert, oldest first. */
export function AlertHistory({ alert }: { alert: Alert }) {
  const { value, loading, error } = useAlertHistory(alert);
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return loading ? <Progress /> : null;
  if (value.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No history recorded for this alert.
      </Typography>
    );
  }
  return (
    <List dense aria-label="Alert history" disablePadding>
      {value.map((event, i) => {
        const comment = commentOf(event);
        return (
          <ListItem key={`${event.at}-${i}`} disableGutters>
            <ListItemText
              primary={describeEvent(event)}
              secondary={
                <>
                  {new Date(event.at).toLocaleString()}
                  {comment ? ` — “${comment}”` : null}
                </>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}
