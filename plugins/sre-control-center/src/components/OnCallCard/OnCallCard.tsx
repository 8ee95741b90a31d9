import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import type {
  Escalation,
  EscalationAttempt,
  OnCallSchedule,
} from '@sre-control-center/plugin-sre-control-center-common';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { shortRef } from '../../format';
import { useOnCall } from '../../hooks/useOnCall';

type ChipColor = 'success' | 'error' | 'info' | 'warning' | 'default';

const outcomeColor: Record<EscalationAttempt['outcome'], ChipColor> = {
  notified: 'info',
  calling: 'info',
  ringing: 'warning',
  answered: 'warning',
  acknowledged: 'success',
  wrong_key: 'error',
  no_answer: 'error',
  busy: 'error',
  failed: 'error',
};

const time = (iso: string) =>
  new Date(iso).toLocaleString(undefined, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

function Schedule({ schedule }: { schedule: OnCallSchedule }) {
  return (
    <ListItem disableGutters divider sx={{ display: 'block', py: 0.75 }}>
      <Typography variant="body2" color="text.secondary">
        {schedule.schedule} ({schedule.timeZone})
      </Typography>
      {schedule.current ? (
        <Typography variant="body1">
          <strong>{shortRef(schedule.current.user)}</strong> until{' '}
          {time(schedule.current.until)}
        </Typography>
      ) : (
        <Typography variant="body1">Nobody</Typography>
      )}
      {schedule.next && (
        <Typography variant="body2" color="text.secondary">
          Next: {shortRef(schedule.next.user)} from {time(schedule.next.from)}
        </Typography>
      )}
    </ListItem>
  );
}

function Attempt({ attempt }: { attempt: EscalationAttempt }) {
  const how =
    attempt.channel === 'phone'
      ? `call ${attempt.phoneNumber ?? ''}`.trim()
      : 'notification';
  return (
    <Stack direction="row" spacing={1} alignItems="center" sx={{ py: 0.25 }}>
      <Typography variant="body2" sx={{ minWidth: 64 }}>
        Level {attempt.level + 1}
      </Typography>
      <Typography variant="body2" sx={{ flex: 1 }}>
        {shortRef(attempt.target)} · {how}
      </Typography>
      <Chip
        size="small"
        color={outcomeColor[attempt.outcome]}
        label={attempt.outcome.replace('_', ' ')}
        title={attempt.detail ?? undefined}
      />
    </Stack>
  );
}

function ActiveEscalation({
  escalation,
  canStop,
  onStop,
}: {
  escalation: Escalation;
  canStop: boolean;
  onStop: (id: string) => Promise<void>;
}) {
  const [stopping, setStopping] = useState(false);
  const [error, setError] = useState<Error>();
  const stop = async () => {
    setStopping(true);
    setError(undefined);
    try {
      await onStop(escalation.id);
    } catch (e) {
      setError(e as Error);
      setStopping(false);
    }
  };
  const button = (
    <span>
      <Button
        size="small"
        variant="outlined"
        color="error"
        disabled={!canStop || stopping}
        onClick={stop}
      >
        Stop
      </Button>
    </span>
  );
  return (
    <ListItem
      disableGutters
      divider
      sx={{ display: 'block', py: 1 }}
      aria-label={`Escalation of ${escalation.alertName}`}
    >
      <Stack direction="row" spacing={1} alignItems="center">
        <Typography variant="subtitle2" sx={{ flex: 1 }}>
          {escalation.alertName}
          <Typography component="span" variant="body2" color="text.secondary">
            {' '}
            · {escalation.urgency} urgency
            {escalation.nextStepAt
              ? ` · next step ${time(escalation.nextStepAt)}`
              : ''}
          </Typography>
        </Typography>
        {canStop ? (
          button
        ) : (
          <Tooltip title="You may not change this project's alerts">
            {button}
          </Tooltip>
        )}
      </Stack>
      <Box sx={{ pl: 1 }}>
        {escalation.attempts.map(attempt => (
          <Attempt key={attempt.id} attempt={attempt} />
        ))}
      </Box>
      {error && <Alert severity="error">{error.message}</Alert>}
    </ListItem>
  );
}

/** Who is on call for the project now and next, and the escalations paging them. */
export function OnCallCard({ entityRef }: { entityRef: string }) {
  const { view, loading, error, live, stop } = useOnCall(entityRef);
  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (view) {
    content = (
      <>
        {view.onCall.schedules.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            No on-call schedule: add an escalation policy for this System
            (sreControlCenter.escalation).
          </Typography>
        ) : (
          <List dense aria-label="On call" disablePadding>
            {view.onCall.schedules.map(s => (
              <Schedule key={s.schedule} schedule={s} />
            ))}
          </List>
        )}
        <Typography variant="subtitle1" sx={{ mt: 2 }}>
          Active escalations
        </Typography>
        {view.active.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            Nobody is being paged.
          </Typography>
        ) : (
          <List dense aria-label="Active escalations" disablePadding>
            {view.active.map(e => (
              <ActiveEscalation
                key={e.id}
                escalation={e}
                canStop={view.onCall.canStop}
                onStop={stop}
              />
            ))}
          </List>
        )}
      </>
    );
  }
  return (
    <InfoCard
      title="On call"
      subheader={live ? 'Live' : 'Refreshed every 15 s'}
    >
      {content}
    </InfoCard>
  );
}
