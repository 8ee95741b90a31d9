import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useRunbooks } from '../../hooks/useRunbooks';
import { useRuns } from '../../hooks/useRuns';
import { PendingRuns } from './PendingRuns';
import { RecentRuns } from './RecentRuns';
import { RunbookList } from './RunbookList';

function Section(props: { title: string; children: ReactNode }) {
  return (
    <section aria-label={props.title}>
      <Typography variant="subtitle1" component="h3" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </section>
  );
}

/**
 * The project's runbooks and their runs: runs waiting for an approval on
 * top, then the runbooks (each can be run by hand), then what recent runs did.
 */
export function RunbooksCard({ entityRef }: { entityRef: string }) {
  const runbooks = useRunbooks(entityRef);
  const runs = useRuns(entityRef);

  let content;
  if (runbooks.loading || runs.loading) {
    content = <Progress />;
  } else if (runbooks.error || runs.error) {
    content = <ResponseErrorPanel error={(runbooks.error ?? runs.error)!} />;
  } else {
    const all = runs.runs ?? [];
    const pending = all.filter(r => r.status === 'pending_approval');
    const recent = all.filter(r => r.status !== 'pending_approval');
    content = (
      <Stack spacing={3}>
        {pending.length > 0 && (
          <Section title="Pending approval">
            <PendingRuns
              runs={pending}
              onChanged={runs.showChanged}
              onStale={runs.refresh}
            />
          </Section>
        )}
        <Section title="Runbooks">
          {runbooks.runbooks && runbooks.runbooks.length > 0 ? (
            <RunbookList
              entityRef={entityRef}
              runbooks={runbooks.runbooks}
              onRequested={runs.showChanged}
            />
          ) : (
            <Typography variant="body2" color="text.secondary">
              No runbooks configured. Add them under{' '}
              <code>sreControlCenter.runbooks</code> in app-config, in the SRE
              agent's runbook format.
            </Typography>
          )}
        </Section>
        <Section title="Recent runs">
          {recent.length > 0 ? (
            <RecentRuns runs={recent} />
          ) : (
            <Typography variant="body2" color="text.secondary">
              No runs yet.
            </Typography>
          )}
        </Section>
      </Stack>
    );
  }
  return (
    <InfoCard
      title="Runbooks and approvals"
      subheader={
        runs.live
          ? 'Live: runs appear as alerts start them'
          : 'Refreshed every 15 s'
      }
    >
      {content}
    </InfoCard>
  );
}
