import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  ANNOTATION_GITHUB_PROJECT_SLUG,
  type TrackedIssue,
} from '@sre-control-center/plugin-sre-control-center-common';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useIssues } from '../../hooks/useIssues';

const ORIGIN_LABEL: Record<TrackedIssue['origin'], string | null> = {
  agent: 'from the SRE agent',
  portal: 'opened here',
  label: 'labelled',
  other: null,
};

const when = (iso: string) => new Date(iso).toLocaleString();

function IssueRow({ issue }: { issue: TrackedIssue }) {
  const origin = ORIGIN_LABEL[issue.origin];
  return (
    <ListItem
      disableGutters
      divider
      sx={{ display: 'block', py: 1 }}
      data-testid={`issue-${issue.number}`}
    >
      <Stack
        direction="row"
        spacing={1}
        alignItems="center"
        sx={{ flexWrap: 'wrap' }}
      >
        <Chip
          size="small"
          color={issue.state === 'open' ? 'success' : 'default'}
          label={issue.state}
        />
        <Link href={issue.url} target="_blank" rel="noopener noreferrer">
          #{issue.number} {issue.title}
        </Link>
        {origin && <Chip size="small" variant="outlined" label={origin} />}
      </Stack>
      <Stack
        direction="row"
        spacing={1}
        alignItems="center"
        sx={{ mt: 0.5, flexWrap: 'wrap' }}
      >
        <Typography variant="body2" color="text.secondary">
          {issue.author} · opened {when(issue.createdAt)}
          {issue.closedAt ? ` · closed ${when(issue.closedAt)}` : ''} ·{' '}
          {issue.comments} {issue.comments === 1 ? 'comment' : 'comments'}
          {issue.assignees.length > 0 ? ` · ${issue.assignees.join(', ')}` : ''}
        </Typography>
        {issue.labels.map(label => (
          <Chip key={label} size="small" variant="outlined" label={label} />
        ))}
        {issue.alerts.map(alert => (
          <Chip
            key={alert.id}
            size="small"
            color="warning"
            label={alert.name}
            title={`Linked by ${alert.rule}: ${alert.id}`}
            aria-label={`Alert ${alert.name}`}
          />
        ))}
      </Stack>
    </ListItem>
  );
}

/**
 * The System's GitHub issues: open first, then recently closed; the SRE
 * agent's and the portal's marked, linked alerts as chips. Live through
 * `issues.changed`.
 */
export function GithubIssuesCard({ entityRef }: { entityRef: string }) {
  const { value, error, loading } = useIssues(entityRef);
  let content;
  if (loading) {
    content = <Progress />;
  } else if (!value) {
    content = error ? <ResponseErrorPanel error={error} /> : null;
  } else if (!value.repository) {
    content = (
      <Typography variant="body2" color="text.secondary">
        This System has no <code>{ANNOTATION_GITHUB_PROJECT_SLUG}</code>{' '}
        annotation: add one (<code>owner/repo</code>) to see its GitHub issues.
      </Typography>
    );
  } else {
    const open = value.items.filter(i => i.state === 'open');
    const closed = value.items.filter(i => i.state === 'closed');
    content = (
      <Stack spacing={1}>
        {(value.lastError || error) && (
          <Alert severity="warning">
            Reading GitHub failed: {value.lastError ?? error?.message}.{' '}
            {value.syncedAt
              ? `Issues as of ${when(value.syncedAt)}.`
              : 'Not synced yet.'}
          </Alert>
        )}
        {value.items.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            No issues from the SRE agent or opened here in {value.repository}{' '}
            (closed ones stay {value.closedWindowDays} days).
          </Typography>
        ) : (
          <>
            <Typography variant="subtitle2" component="h3">
              Open ({open.length})
            </Typography>
            <List dense disablePadding aria-label="Open issues">
              {open.map(issue => (
                <IssueRow key={issue.number} issue={issue} />
              ))}
            </List>
            {closed.length > 0 && (
              <>
                <Typography variant="subtitle2" component="h3">
                  Closed in the last {value.closedWindowDays} days (
                  {closed.length})
                </Typography>
                <List dense disablePadding aria-label="Closed issues">
                  {closed.map(issue => (
                    <IssueRow key={issue.number} issue={issue} />
                  ))}
                </List>
              </>
            )}
          </>
        )}
        <Box>
          <Typography variant="caption" color="text.secondary">
            {value.repository}
            {value.syncedAt && !value.lastError
              ? ` · synced ${when(value.syncedAt)}`
              : ''}
          </Typography>
        </Box>
      </Stack>
    );
  }
  return <InfoCard title="GitHub issues">{content}</InfoCard>;
}
