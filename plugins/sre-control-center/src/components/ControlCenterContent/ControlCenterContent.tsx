import { ReactNode, useCallback, useEffect, useState } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@mui/material/Grid';
import { AlertFeedCard } from '../AlertFeedCard';
import { MaintenanceBanner } from '../MaintenanceBanner';
import { OnCallCard } from '../OnCallCard';
import { lazyCard } from './lazyCard';

// The cards below the feed are their own chunks (the stack and cost cards
// bring recharts), so the tab's first chunk holds only what an SRE looks at
// first: what is firing and who is on call.
const EntityStackCard = lazyCard('stack', () =>
  import('../StackCard').then(m => m.EntityStackCard),
);
const CostCard = lazyCard('cost', () =>
  import('../CostCard').then(m => m.CostCard),
);
const GithubIssuesCard = lazyCard('GitHub issues', () =>
  import('../GithubIssuesCard').then(m => m.GithubIssuesCard),
);
const RunbooksCard = lazyCard('runbooks', () =>
  import('../RunbooksCard').then(m => m.RunbooksCard),
);
const TimelineCard = lazyCard('timeline', () =>
  import('../TimelineCard').then(m => m.TimelineCard),
);

/**
 * How long the cards below the feed wait for its first page before they load
 * anyway (a slow or failing alert list must not hold the rest of the tab).
 */
export const BELOW_FEED_WAIT_MS = 2000;

/**
 * Renders its children once `ready` or after {@link BELOW_FEED_WAIT_MS}: their
 * requests and rendering (stack sparklines, the cost chart) then do not compete
 * with the alert list's first page.
 */
function BelowFeed({
  ready,
  children,
}: {
  ready: boolean;
  children: ReactNode;
}) {
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    if (ready) return undefined;
    const timer = setTimeout(() => setWaited(true), BELOW_FEED_WAIT_MS);
    return () => clearTimeout(timer);
  }, [ready]);
  if (!ready && !waited) return null;
  return <>{children}</>;
}

/** The "Control Center" tab of a System (project) entity page. */
export function ControlCenterContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const [feedShown, setFeedShown] = useState(false);
  const onFirstPage = useCallback(() => setFeedShown(true), []);
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12}>
        <MaintenanceBanner
          entityRef={entityRef}
          systemName={entity.metadata.title ?? entity.metadata.name}
        />
      </Grid>
      <Grid item xs={12} lg={8}>
        <AlertFeedCard entityRef={entityRef} onFirstPage={onFirstPage} />
      </Grid>
      <Grid item xs={12} lg={4}>
        <OnCallCard entityRef={entityRef} />
      </Grid>
      <BelowFeed ready={feedShown}>
        {/* The stack's table needs the width: side by side only on wide screens. */}
        <Grid item xs={12} xl={7}>
          <EntityStackCard entity={entity} />
        </Grid>
        <Grid item xs={12} xl={5}>
          <CostCard entityRef={entityRef} />
        </Grid>
        <Grid item xs={12}>
          <GithubIssuesCard entityRef={entityRef} />
        </Grid>
        <Grid item xs={12}>
          <RunbooksCard entityRef={entityRef} />
        </Grid>
        <Grid item xs={12}>
          <TimelineCard entityRef={entityRef} />
        </Grid>
      </BelowFeed>
    </Grid>
  );
}
