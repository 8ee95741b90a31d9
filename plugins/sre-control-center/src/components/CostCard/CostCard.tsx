import {
  InfoCard,
  Progress,
  EmptyState,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import type {
  BudgetThreshold,
  CostSummary,
} from '@sre-control-center/plugin-sre-control-center-common';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useCosts } from '../../hooks/useCosts';
import { CostChart } from './CostChart';

const TOP = 5;

/** Red at or past 100 %, amber for a lower crossed threshold, grey otherwise. */
function thresholdColor(t: BudgetThreshold): 'error' | 'warning' | 'default' {
  if (!t.crossed) return 'default';
  return t.percent >= 100 ? 'error' : 'warning';
}

function money(amount: number, currency: string) {
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
  }).format(amount);
}

function Breakdown(props: {
  title: string;
  rows: Array<{ name: string; cost: number }>;
  currency: string;
}) {
  return (
    <Box>
      <Typography variant="subtitle2">{props.title}</Typography>
      <Table size="small" aria-label={props.title}>
        <TableBody>
          {props.rows.slice(0, TOP).map(row => (
            <TableRow key={row.name}>
              <TableCell>{row.name}</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {money(row.cost, props.currency)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function Summary({ costs }: { costs: CostSummary }) {
  const { budget, currency } = costs;
  const over = budget?.thresholds.filter(t => t.crossed).pop();
  // `over` is a crossed threshold, so its colour is never 'default'.
  const barColor = over
    ? (thresholdColor(over) as 'error' | 'warning')
    : 'success';
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Typography variant="overline">Month to date</Typography>
        <Typography variant="h4">
          {money(costs.monthToDate, currency)}
        </Typography>
        {budget && (
          <>
            <Typography variant="body2" color="text.secondary">
              {budget.percentUsed.toFixed(0)} % of the{' '}
              {money(budget.amount, currency)} budget
            </Typography>
            <LinearProgress
              aria-label="Budget used"
              variant="determinate"
              color={barColor}
              value={Math.min(100, budget.percentUsed)}
              sx={{ my: 1, height: 8, borderRadius: 4 }}
            />
          </>
        )}
        <Typography variant="body2">
          Forecast for the month: <b>{money(costs.forecast, currency)}</b>
          {budget && ` (${budget.forecastPercent.toFixed(0)} %)`}
        </Typography>
        {budget && (
          <Box sx={{ mt: 1, display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            {budget.thresholds.map(t => (
              <Chip
                key={`${t.basis}-${t.percent}`}
                size="small"
                color={thresholdColor(t)}
                label={`${t.percent} %${
                  t.basis === 'Forecasted' ? ' forecast' : ''
                }: ${t.crossed ? 'crossed' : 'not reached'}`}
              />
            ))}
          </Box>
        )}
        {!budget && (
          <Typography variant="body2" color="text.secondary">
            No budget found: set the <code>sre-control-center/budget</code>{' '}
            annotation.
          </Typography>
        )}
      </Grid>
      <Grid item xs={12}>
        <CostChart summary={costs} />
      </Grid>
      <Grid item xs={12} sm={6}>
        <Breakdown
          title="By service"
          rows={costs.byService}
          currency={currency}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <Breakdown
          title="By resource"
          rows={costs.byResource}
          currency={currency}
        />
      </Grid>
    </Grid>
  );
}

/**
 * This month's cost against the budget: the figures, the month drawn as a
 * chart (cumulative actual, forecast, budget and 80 % lines), by service and
 * resource.
 */
export function CostCard({ entityRef }: { entityRef: string }) {
  const { value, loading, error } = useCosts(entityRef);
  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!value) {
    content = (
      <EmptyState
        missing="data"
        title="No cost figures yet"
        description="They are read from Azure Cost Management shortly after the backend starts and every 30 minutes."
      />
    );
  } else {
    content = (
      <>
        {value.lastError && (
          <Box sx={{ mb: 2 }}>
            <WarningPanel
              severity="warning"
              title="The figures may be out of date"
              defaultExpanded
            >
              <Typography variant="body2">
                Figures from {new Date(value.refreshedAt).toLocaleString()}; the
                last refresh failed: {value.lastError}
              </Typography>
            </WarningPanel>
          </Box>
        )}
        <Summary costs={value} />
      </>
    );
  }
  const subheader = value
    ? `${value.period.from} to ${value.period.to}, refreshed ${new Date(
        value.refreshedAt,
      ).toLocaleTimeString()}`
    : undefined;
  return (
    <InfoCard title="Cost this month" subheader={subheader}>
      {content}
    </InfoCard>
  );
}
