import type { RunbookRun } from '@sre-control-center/plugin-sre-control-center-common';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { RunOnScreen } from '../../state/mergeRun';
import { useNow } from '../../hooks/useNow';
import { ago, shortRef, timeLeft } from '../../format';
import { RunDecisionButtons } from './RunDecisionButtons';

/** The countdown moves in minutes; a tick every 15 s keeps it honest. */
const TICK_MS = 15_000;

/** Runs waiting for an approval, with the alert that caused them and the time left. */
export function PendingRuns(props: {
  runs: RunOnScreen[];
  onChanged: (run: RunbookRun) => void;
  onStale: () => void;
}) {
  const { runs, onChanged, onStale } = props;
  const now = useNow(TICK_MS);
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table
        size="small"
        aria-label="Pending approval"
        sx={{ '& th': { whiteSpace: 'nowrap' } }}
      >
        <TableHead>
          <TableRow>
            <TableCell>Runbook</TableCell>
            <TableCell>Caused by</TableCell>
            <TableCell>Requested by</TableCell>
            <TableCell>Time left</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {runs.map(run => (
            <TableRow key={run.id}>
              <TableCell>{run.runbookName}</TableCell>
              <TableCell>
                {run.triggerAlert ? (
                  <>alert {run.triggerAlert.name}</>
                ) : (
                  <>requested by hand</>
                )}
                {run.reason && (
                  <Typography
                    variant="caption"
                    color="text.secondary"
                    display="block"
                  >
                    {run.reason}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {shortRef(run.requestedBy)}
                <Typography
                  variant="caption"
                  color="text.secondary"
                  display="block"
                  title={new Date(run.requestedAt).toLocaleString()}
                >
                  {ago(run.requestedAt, now)}
                </Typography>
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {timeLeft(run.expiresAt, now)}
              </TableCell>
              <TableCell align="right">
                <RunDecisionButtons
                  run={run}
                  onChanged={onChanged}
                  onStale={onStale}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
