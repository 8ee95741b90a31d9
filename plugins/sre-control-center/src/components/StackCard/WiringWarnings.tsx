import type { WiringCheck } from '@sre-control-center/plugin-sre-control-center-common';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';

/** Whether the stack's alerts reach this portal, in plain words. */
export function WiringWarnings({ wiring }: { wiring: WiringCheck }) {
  if (wiring.ok) {
    return (
      <Alert severity="success" variant="outlined">
        Every alert rule reaches the Control Center through an action group with
        the common alert schema.
      </Alert>
    );
  }
  return (
    <Alert severity="warning" aria-label="Alert wiring">
      <AlertTitle>Alerts that will not reach the Control Center</AlertTitle>
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
    </Alert>
  );
}
