import type { CostSummary } from '@sre-control-center/plugin-sre-control-center-common';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { costChartData } from './costChartData';

export interface CostChartProps {
  summary: CostSummary;
  /** Fixed size (tests, benchmarks); otherwise the chart fills its container. */
  width?: number;
  height?: number;
}

const SERIES = {
  actual: 'Actual (cumulative)',
  forecast: 'Forecast',
  budget: 'Budget',
  budget80: '80 % of budget',
} as const;

/**
 * The month of a System's cost: cumulative actual cost per day, the forecast
 * to month end, the budget and its 80 % line, amounts in the budget's
 * currency. Presentational: the summary comes in as a prop.
 */
export function CostChart({ summary, width, height = 240 }: CostChartProps) {
  const theme = useTheme();
  const data = costChartData(summary);
  const money = new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency: summary.currency,
    maximumFractionDigits: 0,
  });
  const exact = new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency: summary.currency,
  });
  if (summary.daily.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No daily figures for this month yet.
      </Typography>
    );
  }
  const chart = (
    <LineChart
      data={data}
      width={width}
      height={width ? height : undefined}
      margin={{ top: 8, right: 16, bottom: 0, left: 8 }}
      accessibilityLayer
    >
      <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
      <XAxis dataKey="day" tick={{ fontSize: 12 }} />
      <YAxis
        tickFormatter={value => money.format(Number(value))}
        tick={{ fontSize: 12 }}
        width={64}
      />
      <Tooltip
        formatter={(value, name) => [
          typeof value === 'number' ? exact.format(value) : String(value),
          name,
        ]}
        labelFormatter={(_day, payload) =>
          String(payload?.[0]?.payload?.date ?? '')
        }
      />
      <Legend
        formatter={(label: string) => {
          if (label === SERIES.budget && summary.budget)
            return `${label} ${money.format(summary.budget.amount)}`;
          if (label === SERIES.forecast)
            return `${label} ${money.format(summary.forecast)}`;
          return label;
        }}
      />
      <Line
        type="monotone"
        dataKey="actual"
        name={SERIES.actual}
        stroke={theme.palette.primary.main}
        strokeWidth={2}
        dot={false}
        connectNulls={false}
        isAnimationActive={false}
      />
      <Line
        type="linear"
        dataKey="forecast"
        name={SERIES.forecast}
        stroke={theme.palette.primary.light}
        strokeDasharray="6 4"
        dot={false}
        isAnimationActive={false}
      />
      {summary.budget && (
        <Line
          type="linear"
          dataKey="budget"
          name={SERIES.budget}
          stroke={theme.palette.error.main}
          dot={false}
          isAnimationActive={false}
          className="cost-chart-budget"
        />
      )}
      {summary.budget && (
        <Line
          type="linear"
          dataKey="budget80"
          name={SERIES.budget80}
          stroke={theme.palette.warning.main}
          strokeDasharray="2 3"
          dot={false}
          isAnimationActive={false}
          className="cost-chart-budget-80"
        />
      )}
    </LineChart>
  );
  return (
    <Box
      role="figure"
      aria-label={`Cost this month in ${summary.currency}: ${exact.format(
        summary.monthToDate,
      )} so far, forecast ${exact.format(summary.forecast)}${
        summary.budget ? `, budget ${exact.format(summary.budget.amount)}` : ''
      }`}
      sx={{ width: '100%', height }}
    >
      {width ? chart : <ResponsiveContainer>{chart}</ResponsiveContainer>}
    </Box>
  );
}
