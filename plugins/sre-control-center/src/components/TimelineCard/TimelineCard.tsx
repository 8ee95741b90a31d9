import {
  InfoCard,
  Progress,
  EmptyState,
  ResponseErrorPanel,
} from '@backstage/core-components';
import type { TimelineEntry } from '@sre-control-center/plugin-sre-control-center-common';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { useTimeline } from '../../hooks/useTimeline';
import { shortRef } from '../../format';

type ChipColor =
  | 'success'
  | 'error'
  | 'info'
  | 'primary'
  | 'secondary'
  | 'warning'
  | 'default';

const kindColor: Record<TimelineEntry['kind'], ChipColor> = {
  alert: 'warning',
  run: 'info',
  issue: 'secondary',
  maintenance: 'primary',
  deployment: 'success',
  escalation: 'error',
  other: 'default',
};

/** Green when something got better, red when it got worse, else by kind. */
function color(entry: TimelineEntry): ChipColor {
  const verb = entry.action.slice(entry.action.lastIndexOf('.') + 1);
  if (['succeeded', 'resolved', 'closed'].includes(verb)) return 'success';
  if (['failed', 'interrupted', 'fired'].includes(verb)) return 'error';
  if (['rejected', 'expired', 'skipped'].includes(verb)) return 'default';
  return kindColor[entry.kind] ?? 'default';
}

/** `run.approved` → `run approved`: the kind and what happened, as one label. */
function label(entry: TimelineEntry): string {
  return entry.action.replace(/[._]/g, ' ');
}

function Entry({ entry }: { entry: TimelineEntry }) {
  const at = new Date(entry.at);
  return (
    <ListItem
      disableGutters
      divider
      sx={{ alignItems: 'baseline', gap: 1.5, py: 0.75 }}
    >
      <Typography
        variant="body2"
        color="text.secondary"
        title={at.toLocaleString()}
        sx={{ minWidth: 96, whiteSpace: 'nowrap' }}
      >
        {at.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })}{' '}
        {at.toLocaleTimeString(undefined, {
          hour: '2-digit',
          minute: '2-digit',
        })}
      </Typography>
      <Chip
        size="small"
        color={color(entry)}
        label={label(entry)}
        sx={{ minWidth: 120 }}
      />
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="body2" component="span">
          {entry.summary}
        </Typography>
        {entry.actor && (
          <Typography variant="body2" component="span" color="text.secondary">
            {' '}
            · {shortRef(entry.actor)}
          </Typography>
        )}
      </Box>
    </ListItem>
  );
}

/**
 * The project's story, newest first: alerts firing and resolving, runs
 * requested, decided and executed, issues opened and closed.
 */
export function TimelineCard({ entityRef }: { entityRef: string }) {
  const { entries, loading, error, live } = useTimeline(entityRef);
  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!entries || entries.length === 0) {
    content = (
      <EmptyState
        missing="data"
        title="Nothing has happened yet"
        description="Alerts, runbook runs, deployments and issues of this project appear here."
      />
    );
  } else {
    content = (
      <Box sx={{ maxHeight: 480, overflowY: 'auto' }}>
        <List dense aria-label="Timeline" disablePadding>
          {entries.map((entry, i) => (
            <Entry key={`${entry.at}-${entry.action}-${i}`} entry={entry} />
          ))}
        </List>
      </Box>
    );
  }
  return (
    <InfoCard
      title="Timeline"
      subheader={live ? 'Live' : 'Refreshed every 15 s'}
    >
      {content}
    </InfoCard>
  );
}
