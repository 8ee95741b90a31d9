import { WarningPanel } from '@backstage/core-components';
import type { WiringCheck } from '@sre-control-center/plugin-sre-control-center-common';
import CheckCircleOutlineIcon from '@material-ui/icons/CheckCircleOutline';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

/** Whether the stack's alerts reach this portal, in plain words. */
export function WiringWarnings({ wiring }: { wiring: WiringCheck }) {
  if (wiring.ok) {
    return (
      <Typography
        variant="body2"
        sx={{ display: 'flex', alignItems: 'center', gap: 1 }}
      >
        <CheckCircleOutlineIcon fontSize="small" color="primary" />
        Every alert rule reaches the Control Center through an action group with
        the common alert schema.
      </Typography>
    );
  }
  return (
    <section aria-label="Alert wiring">
      <WarningPanel
        severity="warning"
        title="Alerts that will not reach the Control Center"
        defaultExpanded
      >
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {wiring.problems.map(problem => (
            <li
              key={`${problem.kind}:${problem.ruleId ?? ''}:${
                problem.actionGroupId ?? ''
              }`}
            >
              {problem.message}
            </li>
          ))}
        </Box>
      </WarningPanel>
    </section>
  );
}
