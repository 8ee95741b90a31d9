import type { AlertIssue } from '@sre-control-center/plugin-sre-control-center-common';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';

/** `#12` chips linking to GitHub: green while open, grey once closed. */
export function IssueChips({ issues }: { issues: AlertIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <Stack
      component="span"
      direction="row"
      spacing={0.5}
      sx={{ display: 'inline-flex', flexWrap: 'wrap', ml: 1 }}
    >
      {issues.map(issue => (
        <Chip
          key={issue.number}
          size="small"
          component="a"
          clickable
          href={issue.url}
          target="_blank"
          rel="noopener noreferrer"
          color={issue.state === 'open' ? 'success' : 'default'}
          variant="outlined"
          label={`#${issue.number}`}
          title={`${issue.title} (${issue.state})`}
          aria-label={`GitHub issue #${issue.number} ${issue.state}: ${issue.title}`}
          onClick={e => e.stopPropagation()}
        />
      ))}
    </Stack>
  );
}
