import type { StackCost } from '@sre-control-center/plugin-sre-control-center-common';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { money } from './stackFormat';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body1">{value}</Typography>
    </Box>
  );
}

/** The Terraform estimate next to the month's actual cost and forecast. */
export function StackCostLine({ cost }: { cost: StackCost }) {
  const show = (value: number | null, currency = cost.currency) =>
    value === null ? '–' : money(value, currency);
  const over =
    cost.estimate &&
    cost.forecast !== null &&
    cost.forecast > cost.estimate.monthly * 1.2;
  return (
    <Box aria-label="Estimate and actual cost">
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        <Figure
          label={`Terraform estimate${
            cost.estimate?.pricedAt
              ? ` (prices of ${cost.estimate.pricedAt})`
              : ''
          }`}
          value={
            cost.estimate
              ? `${show(cost.estimate.monthly, cost.estimate.currency)} / month`
              : 'no estimate'
          }
        />
        <Figure label="Month to date" value={show(cost.monthToDate)} />
        <Figure label="Forecast" value={show(cost.forecast)} />
        <Figure label="Budget" value={show(cost.budget)} />
      </Box>
      {over && (
        <Typography variant="body2" color="warning.main" sx={{ mt: 1 }}>
          The forecast is more than 20 % over the Terraform estimate.
        </Typography>
      )}
    </Box>
  );
}
