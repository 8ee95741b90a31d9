import type { RunActionResult } from '@sre-control-center/plugin-sre-control-center-common';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { RunOnScreen } from '../../state/mergeRun';
import { shortRef } from '../../format';
import { RunStatusChip } from './RunStatusChip';

/** Rows shown before "Show more". */
const FIRST_ROWS = 10;

/** Who let the run go ahead, or why nobody had to. */
function decisionText(run: RunOnScreen): string {
  if (run.decidedBy) {
    const verb = run.status === 'rejected' ? 'rejected' : 'approved';
    return `${verb} by ${shortRef(run.decidedBy)}`;
  }
  if (run.status === 'expired') return 'nobody decided in time';
  if (run.status === 'skipped') return 'skipped: inside the cooldown';
  return run.requiresApproval ? '—' : 'no approval needed';
}

function Results({ results }: { results: RunActionResult[] }) {
  return (
    <Stack spacing={0.5}>
      {results.map((result, i) => (
        <Box
          key={i}
          sx={{ display: 'flex', alignItems: 'center', gap: 1 }}
          title={`${result.type} ${result.resource}: ${result.status}`}
        >
          {result.status !== 'succeeded' && (
            <Chip
              size="small"
              color={result.status === 'skipped' ? 'default' : 'error'}
              label={result.status}
            />
          )}
          <Typography variant="body2">{result.summary}</Typography>
          {result.errorCode && (
            <Typography variant="body2" color="error">
              <code>{result.errorCode}</code>
            </Typography>
          )}
        </Box>
      ))}
    </Stack>
  );
}

/** Decided and finished runs, newest first: status, who decided, what each action did, and whether it helped. */
export function RecentRuns({ runs }: { runs: RunOnScreen[] }) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? runs : runs.slice(0, FIRST_ROWS);
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table
        size="small"
        aria-label="Recent runs"
        sx={{ '& th': { whiteSpace: 'nowrap' } }}
      >
        <TableHead>
          <TableRow>
            <TableCell>Runbook</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Requested</TableCell>
            <TableCell>Decision</TableCell>
            <TableCell>Results</TableCell>
            <TableCell>Outcome</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map(run => (
            <TableRow key={run.id}>
              <TableCell>
                {run.runbookName}
                {run.triggerAlert && (
                  <Typography
                    variant="caption"
                    color="text.secondary"
                    display="block"
                  >
                    alert {run.triggerAlert.name}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                <RunStatusChip status={run.status} />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {shortRef(run.requestedBy)}
                <Typography
                  variant="caption"
                  color="text.secondary"
                  display="block"
                >
                  {new Date(run.requestedAt).toLocaleString()}
                </Typography>
              </TableCell>
              <TableCell>
                {decisionText(run)}
                {run.decisionComment && (
                  <Typography
                    variant="caption"
                    color="text.secondary"
                    display="block"
                  >
                    “{run.decisionComment}”
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                <Results results={run.results} />
                {run.error && (
                  <Typography variant="body2" color="error">
                    {run.error}
                  </Typography>
                )}
              </TableCell>
              <TableCell>{run.outcome ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {runs.length > shown.length && (
        <Button size="small" onClick={() => setShowAll(true)}>
          Show {runs.length - shown.length} more
        </Button>
      )}
    </Box>
  );
}
