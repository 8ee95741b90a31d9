import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { StackSnapshot } from '@sre-control-center/plugin-sre-control-center-common';
import OpenInNewIcon from '@material-ui/icons/OpenInNew';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { formatMetric, Sparkline } from './Sparkline';
import { StackCostLine } from './StackCostLine';
import { ageText, isStale } from './stackFormat';
import { StateChip } from './StateChip';
import { WiringWarnings } from './WiringWarnings';

export interface StackCardProps {
  /** The last snapshot (`GET /stack`); undefined while loading or when there is none. */
  snapshot?: StackSnapshot;
  loading?: boolean;
  /** Reading the snapshot from the backend failed (not Azure: that is in snapshot.problems). */
  error?: Error;
  /** Shown above the snapshot, whether there is one or not (where the stack lives). */
  summary?: ReactNode;
  /** Shown instead of the resources while there is no snapshot (the catalog's view of them). */
  fallback?: ReactNode;
}

function Problems({ snapshot }: { snapshot: StackSnapshot }) {
  const { problems, terraformOutputs } = snapshot;
  const stale = isStale(snapshot);
  return (
    <>
      {terraformOutputs.status === 'error' && (
        <section aria-label="Terraform outputs">
          <WarningPanel
            severity="error"
            title="Terraform outputs were refused"
            defaultExpanded
          >
            <Typography variant="body2">
              {terraformOutputs.checkedAt
                ? `Checked ${terraformOutputs.checkedAt}; the`
                : 'The'}{' '}
              resources below are from the last good read
              {terraformOutputs.readAt
                ? ` of ${terraformOutputs.readAt}`
                : ''}: {terraformOutputs.error}
            </Typography>
          </WarningPanel>
        </section>
      )}
      {(problems.length > 0 || stale) && (
        <section aria-label="Stale values">
          <WarningPanel
            severity="warning"
            title={
              stale
                ? `Last read from Azure ${ageText(
                    snapshot.ageSeconds,
                  )}: the values may be out of date`
                : 'Some values are the last known ones'
            }
            defaultExpanded
          >
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {problems.map(p => (
                <li key={`${p.source}:${p.target}:${p.code}`}>
                  {p.message}
                  {p.requiredRole && (
                    <>
                      {' '}
                      <strong>Needs: {p.requiredRole}.</strong>
                    </>
                  )}
                </li>
              ))}
            </Box>
          </WarningPanel>
        </section>
      )}
    </>
  );
}

function Resources({ snapshot }: { snapshot: StackSnapshot }) {
  if (snapshot.resources.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No Resource entities belong to this System yet (they come from its
        Terraform outputs).
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Provisioned resources">
      <TableHead>
        <TableRow>
          <TableCell>Resource</TableCell>
          <TableCell>State</TableCell>
          <TableCell>SKU / version</TableCell>
          <TableCell>Last hour</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {snapshot.resources.map(resource => (
          <TableRow key={resource.entityRef}>
            <TableCell>
              <EntityRefLink
                entityRef={resource.entityRef}
                defaultKind="resource"
              >
                {resource.name}
              </EntityRefLink>
              {resource.portalUrl && (
                <IconButton
                  component={Link}
                  to={resource.portalUrl}
                  target="_blank"
                  rel="noopener"
                  size="small"
                  aria-label={`${resource.name} in the Azure portal`}
                  title="Open in the Azure portal"
                >
                  <OpenInNewIcon fontSize="inherit" />
                </IconButton>
              )}
              <Typography
                variant="caption"
                display="block"
                color="text.secondary"
              >
                {resource.type}
                {resource.arm?.location ? ` · ${resource.arm.location}` : ''}
              </Typography>
            </TableCell>
            <TableCell>
              <StateChip arm={resource.arm} />
            </TableCell>
            <TableCell>
              {[
                resource.arm?.sku,
                resource.arm?.workers
                  ? `${resource.arm.workers} worker${
                      resource.arm.workers > 1 ? 's' : ''
                    }`
                  : null,
                resource.arm?.version,
              ]
                .filter(Boolean)
                .join(' · ') || '–'}
            </TableCell>
            <TableCell>
              <Stack spacing={0.5}>
                {resource.metrics.map(series => (
                  <Box
                    key={series.metric}
                    sx={{ display: 'flex', alignItems: 'center', gap: 1 }}
                  >
                    <Sparkline series={series} />
                    <Typography variant="caption">
                      {series.label} {formatMetric(series.latest, series.unit)}
                    </Typography>
                  </Box>
                ))}
              </Stack>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function AlertRules({ snapshot }: { snapshot: StackSnapshot }) {
  if (snapshot.alertRules.length === 0) return null;
  const broken = new Set(
    snapshot.wiring.problems.map(p => p.ruleId).filter(Boolean) as string[],
  );
  return (
    <Table size="small" aria-label="Alert rules">
      <TableHead>
        <TableRow>
          <TableCell>Alert rule</TableCell>
          <TableCell>Condition</TableCell>
          <TableCell>Last fired here</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {snapshot.alertRules.map(rule => (
          <TableRow key={rule.id}>
            <TableCell>
              {rule.name}{' '}
              <Chip size="small" label={rule.severity} variant="outlined" />
              {!rule.enabled && (
                <Chip size="small" label="disabled" sx={{ ml: 0.5 }} />
              )}
              {broken.has(rule.id) && (
                <Chip
                  size="small"
                  color="warning"
                  label="not wired"
                  sx={{ ml: 0.5 }}
                />
              )}
            </TableCell>
            <TableCell>{rule.condition}</TableCell>
            <TableCell>{rule.lastFiredAt ?? 'never'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * The provisioned stack of a System: resources with their state and the
 * last hour's series, the alert rules and whether they reach the Control
 * Center, the Terraform estimate next to the actual cost. Presentational:
 * everything comes in as props; old values are shown with their age and why.
 */
export function StackCard({
  snapshot,
  loading,
  error,
  summary,
  fallback,
}: StackCardProps) {
  let content: JSX.Element;
  if (error && !snapshot) {
    content = (
      <>
        <ResponseErrorPanel error={error} title="Could not read the stack" />
        {fallback}
      </>
    );
  } else if (!snapshot) {
    content = loading ? (
      <Progress />
    ) : (
      <>
        {fallback ?? (
          <EmptyState
            missing="data"
            title="The stack has not been read from Azure yet"
            description="The backend reads it shortly after it starts and every 2 minutes."
          />
        )}
      </>
    );
  } else {
    content = (
      <Stack spacing={2}>
        <Typography variant="body2" color="text.secondary">
          Read from Azure {ageText(snapshot.ageSeconds)}
          {error ? ` (refreshing failed: ${error.message})` : ''}
        </Typography>
        <Problems snapshot={snapshot} />
        <Resources snapshot={snapshot} />
        <WiringWarnings wiring={snapshot.wiring} />
        <AlertRules snapshot={snapshot} />
        <StackCostLine cost={snapshot.cost} />
      </Stack>
    );
  }
  return (
    <InfoCard title="Azure stack">
      {summary}
      {content}
    </InfoCard>
  );
}
