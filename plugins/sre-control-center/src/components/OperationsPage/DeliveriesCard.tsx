import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  deliveryManagePermission,
  type DeliveryStatus,
  type InboxDeliverySummary,
} from '@sre-control-center/plugin-sre-control-center-common';
import ReplayIcon from '@material-ui/icons/Replay';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { sreControlCenterApiRef } from '../../api';
import type { useDeliveries } from '../../hooks/useOperations';

const TITLES: Record<DeliveryStatus, string> = {
  failed: 'Failed deliveries',
  pending: 'Pending deliveries',
};

const EMPTY: Record<DeliveryStatus, string> = {
  failed: 'No webhook delivery was set aside after its last attempt.',
  pending: 'No webhook delivery is waiting for a retry.',
};

function RetryButton(props: {
  delivery: InboxDeliverySummary;
  onRetried: () => void;
}) {
  const api = useApi(sreControlCenterApiRef);
  const alertApi = useApi(alertApiRef);
  const { allowed, loading } = usePermission({
    permission: deliveryManagePermission,
  });
  const [busy, setBusy] = useState(false);
  const retry = async () => {
    setBusy(true);
    try {
      await api.retryDelivery(props.delivery.id);
      alertApi.post({
        message: `Delivery ${props.delivery.id} is queued again`,
        severity: 'success',
        display: 'transient',
      });
      props.onRetried();
    } catch (e) {
      alertApi.post({
        message: `Could not retry delivery ${props.delivery.id}: ${
          (e as Error).message
        }`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };
  const button = (
    <span>
      <Button
        size="small"
        variant="outlined"
        startIcon={<ReplayIcon fontSize="small" />}
        disabled={!allowed || loading || busy}
        onClick={retry}
        aria-label={`Retry delivery ${props.delivery.id}`}
      >
        Retry
      </Button>
    </span>
  );
  return allowed || loading ? (
    button
  ) : (
    <Tooltip title="Needs the sre-control-center.delivery.manage permission">
      {button}
    </Tooltip>
  );
}

/** Webhook deliveries of one status, with their error and a Retry button. */
export function DeliveriesCard({
  status,
  deliveries,
  onRetried,
}: {
  status: DeliveryStatus;
  /** The list, from {@link useDeliveries}. */
  deliveries: ReturnType<typeof useDeliveries>;
  /** A delivery was requeued: both lists change. */
  onRetried: () => void;
}) {
  const { value, error, loading } = deliveries;
  let content: JSX.Element;
  if (loading) {
    content = <Progress />;
  } else if (!value) {
    content = <ResponseErrorPanel error={error!} />;
  } else if (value.items.length === 0) {
    content = (
      <EmptyState
        missing="data"
        title="Nothing here"
        description={EMPTY[status]}
      />
    );
  } else {
    content = (
      <>
        {error && <ResponseErrorPanel error={error} title="Refresh failed" />}
        <Table size="small" aria-label={TITLES[status]}>
          <TableHead>
            <TableRow>
              <TableCell>Delivery</TableCell>
              <TableCell>Received</TableCell>
              <TableCell>Attempts</TableCell>
              <TableCell>Error</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {value.items.map(delivery => (
              <TableRow key={delivery.id}>
                <TableCell>
                  #{delivery.id} {delivery.source} / {delivery.kind}
                  {delivery.entityRef && (
                    <Typography
                      variant="caption"
                      display="block"
                      color="text.secondary"
                    >
                      {delivery.entityRef}
                    </Typography>
                  )}
                  <Typography
                    variant="caption"
                    component="code"
                    display="block"
                    color="text.secondary"
                    sx={{ wordBreak: 'break-all', maxWidth: 360 }}
                  >
                    {delivery.excerpt}
                  </Typography>
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {new Date(delivery.receivedAt).toLocaleString()}
                </TableCell>
                <TableCell>
                  {delivery.attempts}
                  {delivery.nextAttemptAt && status === 'pending' && (
                    <Typography
                      variant="caption"
                      display="block"
                      color="text.secondary"
                    >
                      next{' '}
                      {new Date(delivery.nextAttemptAt).toLocaleTimeString()}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>{delivery.error ?? '–'}</TableCell>
                <TableCell align="right">
                  <RetryButton delivery={delivery} onRetried={onRetried} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </>
    );
  }
  return <InfoCard title={TITLES[status]}>{content}</InfoCard>;
}
