import CloseIcon from '@material-ui/icons/Close';
import type {
  Alert,
  AlertCondition,
  AlertIssue,
} from '@sre-control-center/plugin-sre-control-center-common';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { issuesOf } from '../../hooks/useIssues';
import { IssueChips } from '../GithubIssuesCard/IssueChips';
import { OpenIssueButton } from '../GithubIssuesCard/OpenIssueButton';
import { AlertActions } from './AlertActions';
import { AlertHistory } from './AlertHistory';
import { portalUrl, resourceName, severityColor } from './alertView';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0 }}>
        {children}
      </Typography>
    </>
  );
}

const time = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString() : '—';

/** "Http5xx GreaterThan 10 (observed 42)", whatever parts the payload had. */
export function describeCondition(condition: AlertCondition): string | null {
  const parts = [condition.metric, condition.operator, condition.threshold]
    .filter(p => p !== undefined && p !== '')
    .join(' ');
  const observed =
    condition.observed !== undefined ? `observed ${condition.observed}` : '';
  const line = [parts, observed && (parts ? `(${observed})` : observed)]
    .filter(Boolean)
    .join(' ');
  return line || null;
}

function Condition({ condition }: { condition: AlertCondition }) {
  const line = describeCondition(condition);
  return (
    <Stack spacing={1}>
      {line && <Typography variant="body2">{line}</Typography>}
      {condition.query && (
        <Box
          component="pre"
          sx={{
            m: 0,
            p: 1,
            bgcolor: 'action.hover',
            borderRadius: 1,
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-word',
            fontSize: 12,
          }}
        >
          {condition.query}
        </Box>
      )}
      {condition.text && (
        <Typography variant="body2">{condition.text}</Typography>
      )}
    </Stack>
  );
}

/** Everything about one alert, beside the feed: details, condition, history. */
export function AlertDrawer(props: {
  /** The alert shown; the drawer is closed when undefined. */
  alert: Alert | undefined;
  onClose: () => void;
  onChanged: (alert: Alert) => void;
  /** The alert's issues from the System's issue list (live). */
  issues?: AlertIssue[];
  /** An issue was opened (or found) for the alert from here. */
  onIssueOpened?: (issue: AlertIssue) => void;
}) {
  const { alert, onClose, onChanged } = props;
  const issues = alert ? issuesOf(alert.issues, props.issues) : [];
  return (
    <Drawer
      anchor="right"
      open={Boolean(alert)}
      onClose={onClose}
      PaperProps={{
        role: 'dialog',
        'aria-label': alert ? `Alert ${alert.name}` : 'Alert',
        sx: { width: { xs: '100%', sm: 520 }, p: 3 },
      }}
    >
      {alert && (
        <Stack spacing={2}>
          <Stack direction="row" alignItems="flex-start" spacing={1}>
            <Typography variant="h5" component="h2" sx={{ flex: 1 }}>
              {alert.name}
            </Typography>
            <IconButton aria-label="Close details" onClick={onClose}>
              <CloseIcon fontSize="small" />
            </IconButton>
          </Stack>
          <Stack direction="row" spacing={1} alignItems="center">
            <Chip
              size="small"
              label={alert.severity}
              color={severityColor[alert.severity]}
            />
            <Chip size="small" variant="outlined" label={alert.state} />
            <Chip
              size="small"
              variant="outlined"
              label={alert.monitorCondition}
            />
          </Stack>
          <AlertActions alert={alert} onChanged={onChanged} />
          <Box
            component="dl"
            sx={{
              display: 'grid',
              gridTemplateColumns: 'max-content 1fr',
              columnGap: 2,
              rowGap: 1,
              m: 0,
            }}
          >
            <Field label="Rule">{alert.name}</Field>
            <Field label="Severity">{alert.severity}</Field>
            <Field label="State">{alert.state}</Field>
            <Field label="Monitor condition">{alert.monitorCondition}</Field>
            <Field label="Resource">
              {alert.targetResourceId ? (
                <Link
                  href={portalUrl(alert.targetResourceId)}
                  target="_blank"
                  rel="noopener noreferrer"
                  title={alert.targetResourceId}
                >
                  {resourceName(alert.targetResourceId)} (Azure portal)
                </Link>
              ) : (
                '—'
              )}
            </Field>
            <Field label="Fired">{time(alert.firedAt)}</Field>
            <Field label="Resolved">{time(alert.resolvedAt)}</Field>
            <Field label="Description">{alert.description ?? '—'}</Field>
          </Box>
          <Divider />
          <Stack direction="row" spacing={1} alignItems="center">
            <Typography variant="h6" component="h3" sx={{ flex: 1 }}>
              GitHub issues
            </Typography>
            {issues.length === 0 && (
              <OpenIssueButton
                alert={alert}
                onOpened={issue => props.onIssueOpened?.(issue)}
              />
            )}
          </Stack>
          {issues.length > 0 ? (
            <Box aria-label="Linked GitHub issues">
              <IssueChips issues={issues} />
            </Box>
          ) : (
            <Typography variant="body2" color="text.secondary">
              No GitHub issue is linked to this alert.
            </Typography>
          )}
          {alert.condition && (
            <>
              <Divider />
              <Typography variant="h6" component="h3">
                Condition
              </Typography>
              <Condition condition={alert.condition} />
            </>
          )}
          <Divider />
          <Typography variant="h6" component="h3">
            History
          </Typography>
          <AlertHistory alert={alert} />
        </Stack>
      )}
    </Drawer>
  );
}
