import type {
  Runbook,
  RunbookAction,
  RunbookRun,
} from '@sre-control-center/plugin-sre-control-center-common';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { RequestRunButton } from './RequestRunButton';

/** One action in words: what it does to which resource. */
export function describeAction(action: RunbookAction): string {
  switch (action.type) {
    case 'restart':
      return `restart ${action.resource}`;
    case 'scale':
      return `scale ${action.resource}${
        action.target_sku ? ` to ${action.target_sku}` : ''
      }`;
    case 'execute_query':
      return `run a query on ${action.resource}`;
    case 'rollback':
      return `swap ${action.resource}${
        action.slot ? ` with slot ${action.slot}` : ''
      } back`;
    default:
      return `${action.type} ${action.resource}`;
  }
}

function Actions({ actions }: { actions: RunbookAction[] }) {
  return (
    <Stack spacing={0.5}>
      {actions.map((action, i) => (
        <Box
          key={i}
          sx={{ display: 'flex', alignItems: 'center', gap: 1 }}
          title={action.query}
        >
          <Typography variant="body2">{describeAction(action)}</Typography>
          {action.approval_required && (
            <Chip size="small" variant="outlined" label="needs approval" />
          )}
        </Box>
      ))}
    </Stack>
  );
}

function Trigger({ runbook }: { runbook: Runbook }) {
  if (!runbook.trigger) {
    return (
      <Typography variant="body2" color="text.secondary">
        by hand only
      </Typography>
    );
  }
  const firing = runbook.triggeredBy.length;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
        {runbook.trigger.alert}
      </Typography>
      {firing > 0 && (
        <Chip
          size="small"
          color="error"
          label={firing === 1 ? 'firing now' : `${firing} firing now`}
        />
      )}
    </Box>
  );
}

/** The runbooks configured for the project, each with a Run button. */
export function RunbookList(props: {
  entityRef: string;
  runbooks: Runbook[];
  onRequested: (run: RunbookRun) => void;
}) {
  const { entityRef, runbooks, onRequested } = props;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table
        size="small"
        aria-label="Runbooks"
        sx={{ '& th': { whiteSpace: 'nowrap' } }}
      >
        <TableHead>
          <TableRow>
            <TableCell>Runbook</TableCell>
            <TableCell>Trigger alert</TableCell>
            <TableCell>Condition</TableCell>
            <TableCell>Actions</TableCell>
            <TableCell>Cooldown</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {runbooks.map(runbook => (
            <TableRow key={runbook.id}>
              <TableCell>
                <Typography variant="body2">{runbook.name}</Typography>
                {runbook.description && (
                  <Typography variant="caption" color="text.secondary">
                    {runbook.description}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                <Trigger runbook={runbook} />
              </TableCell>
              <TableCell>{runbook.condition ?? '—'}</TableCell>
              <TableCell>
                <Actions actions={runbook.actions} />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {runbook.cooldownMinutes > 0
                  ? `${runbook.cooldownMinutes} min`
                  : 'none'}
              </TableCell>
              <TableCell align="right">
                <RequestRunButton
                  entityRef={entityRef}
                  runbook={runbook}
                  onRequested={onRequested}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
