import {
  Content,
  ContentHeader,
  Header,
  Page,
  SupportButton,
  WarningPanel,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { deliveryReadPermission } from '@sre-control-center/plugin-sre-control-center-common';
import Grid from '@mui/material/Grid';
import { useDeliveries } from '../../hooks/useOperations';
import { DeliveriesCard } from './DeliveriesCard';
import { UnroutedAlertsCard } from './UnroutedAlertsCard';

/** What the operators look at; the lists load only for those allowed to see them. */
function OperationsContent() {
  const failed = useDeliveries('failed');
  const pending = useDeliveries('pending');
  const retried = () => {
    failed.reload();
    pending.reload();
  };
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <UnroutedAlertsCard />
      </Grid>
      <Grid item xs={12} lg={6}>
        <DeliveriesCard
          status="failed"
          deliveries={failed}
          onRetried={retried}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <DeliveriesCard
          status="pending"
          deliveries={pending}
          onRetried={retried}
        />
      </Grid>
    </Grid>
  );
}

/**
 * The operators' page (`/sre-control-center`): alerts that reached the
 * portal but no System, with what would route them, and webhook deliveries
 * that failed or wait for a retry, with a Retry button.
 */
export function OperationsPage() {
  const { allowed, loading } = usePermission({
    permission: deliveryReadPermission,
  });
  return (
    <Page themeId="tool">
      <Header
        title="SRE Control Center"
        subtitle="Unrouted alerts and webhook deliveries"
      />
      <Content>
        <ContentHeader title="Operations">
          <SupportButton>
            Alerts no System claims and webhook deliveries that did not become
            alerts. Live: the lists reload when the backend signals a change.
          </SupportButton>
        </ContentHeader>
        {!loading && !allowed ? (
          <WarningPanel
            severity="info"
            title="Operators only"
            message="Seeing unrouted alerts and webhook deliveries needs the sre-control-center.delivery.read permission."
          />
        ) : (
          !loading && <OperationsContent />
        )}
      </Content>
    </Page>
  );
}
