import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@mui/material/Grid';
import { AlertFeedCard } from '../AlertFeedCard';
import { CostCard } from '../CostCard';
import { GithubIssuesCard } from '../GithubIssuesCard';
import { MaintenanceBanner } from '../MaintenanceBanner';
import { OnCallCard } from '../OnCallCard';
import { RunbooksCard } from '../RunbooksCard';
import { EntityStackCard } from '../StackCard';
import { TimelineCard } from '../TimelineCard';

/** The "Control Center" tab of a System (project) entity page. */
export function ControlCenterContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12}>
        <MaintenanceBanner
          entityRef={entityRef}
          systemName={entity.metadata.title ?? entity.metadata.name}
        />
      </Grid>
      {/* The stack's table needs the width: side by side only on wide screens. */}
      <Grid item xs={12} xl={7}>
        <EntityStackCard entity={entity} />
      </Grid>
      <Grid item xs={12} xl={5}>
        <CostCard entityRef={entityRef} />
      </Grid>
      <Grid item xs={12} lg={8}>
        <AlertFeedCard entityRef={entityRef} />
      </Grid>
      <Grid item xs={12} lg={4}>
        <OnCallCard entityRef={entityRef} />
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
    </Grid>
  );
}
