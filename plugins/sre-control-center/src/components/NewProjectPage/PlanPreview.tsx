import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type {
  PlanStory,
  ProjectPlan,
} from '@sre-control-center/plugin-sre-control-center-common';
import { planSummary } from './requirementsForm';

const FIBONACCI = [1, 2, 3, 5, 8, 13];

export type PlanChange =
  | { kind: 'remove'; storyId: string }
  | { kind: 'points'; storyId: string; points: number }
  | { kind: 'sprint'; storyId: string; sprint: number };

function StoryRow(props: {
  story: PlanStory;
  plan: ProjectPlan;
  disabled: boolean;
  onChange: (change: PlanChange) => void;
}) {
  const { story, plan, disabled, onChange } = props;
  return (
    <TableRow data-testid={`story-${story.id}`}>
      <TableCell>{story.id}</TableCell>
      <TableCell>
        <Typography variant="body2">{story.title}</Typography>
        <Typography variant="caption" color="text.secondary" component="div">
          {story.userStory}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="div">
          Rule: {story.rule.join('; ')}
        </Typography>
      </TableCell>
      <TableCell>
        <Chip
          size="small"
          label={story.priority}
          color={story.priority === 'must-have' ? 'error' : 'default'}
        />
      </TableCell>
      <TableCell>
        <TextField
          select
          size="small"
          variant="standard"
          value={story.points}
          disabled={disabled}
          SelectProps={{
            SelectDisplayProps: {
              'aria-label': `Points of ${story.id}`,
              // MUI names the select by its value otherwise.
              'aria-labelledby': undefined,
            } as object,
          }}
          onChange={e =>
            onChange({
              kind: 'points',
              storyId: story.id,
              points: Number(e.target.value),
            })
          }
        >
          {FIBONACCI.map(p => (
            <MenuItem key={p} value={p}>
              {p}
            </MenuItem>
          ))}
        </TextField>
      </TableCell>
      <TableCell>
        <TextField
          select
          size="small"
          variant="standard"
          value={story.sprint ?? ''}
          disabled={disabled}
          SelectProps={{
            SelectDisplayProps: {
              'aria-label': `Sprint of ${story.id}`,
              // MUI names the select by its value otherwise.
              'aria-labelledby': undefined,
            } as object,
          }}
          onChange={e =>
            onChange({
              kind: 'sprint',
              storyId: story.id,
              sprint: Number(e.target.value),
            })
          }
        >
          {story.sprint === undefined && (
            <MenuItem value="">not scheduled</MenuItem>
          )}
          {plan.sprints.map(s => (
            <MenuItem key={s.number} value={s.number}>
              {s.number}
            </MenuItem>
          ))}
        </TextField>
      </TableCell>
      <TableCell>{story.dependsOn.join(', ') || '-'}</TableCell>
      <TableCell>
        <Tooltip title={`Remove ${story.id} from the plan`}>
          <span>
            <IconButton
              size="small"
              disabled={disabled}
              aria-label={`Remove ${story.id}`}
              onClick={() => onChange({ kind: 'remove', storyId: story.id })}
            >
              ✕
            </IconButton>
          </span>
        </Tooltip>
      </TableCell>
    </TableRow>
  );
}

/**
 * The plan the template's dry run produced: epics → features → stories
 * with points, sprint and dependencies (editable), the sprints against
 * their capacity, the budget and the planner's warnings.
 */
export function PlanPreview(props: {
  plan: ProjectPlan;
  disabled?: boolean;
  onChange: (change: PlanChange) => void;
}) {
  const { plan, onChange } = props;
  const disabled = props.disabled ?? false;
  const byId = new Map(plan.stories.map(s => [s.id, s]));
  return (
    <Stack spacing={2} aria-label="Plan preview" component="section">
      <Typography variant="h6" component="h2">
        Plan: {planSummary(plan)}
      </Typography>
      <Typography variant="body2">
        Repository {plan.repository.owner}/{plan.repository.name} · System{' '}
        {plan.systemName} ·{' '}
        {plan.budget
          ? `budget ${plan.budget.amount} ${plan.budget.currency} a month`
          : 'no budget'}
        {plan.cost
          ? ` · named SKUs ${plan.cost.monthly} EUR a month (${plan.cost.lines
              .map(l => l.sku)
              .join(', ')})`
          : ''}
      </Typography>
      {plan.warnings.map((w, i) => (
        <Alert
          key={i}
          severity={
            w.code === 'over-budget' || w.code === 'not-scheduled'
              ? 'warning'
              : 'info'
          }
        >
          {w.message}
        </Alert>
      ))}
      <Table size="small" aria-label="Sprints">
        <TableHead>
          <TableRow>
            <TableCell>Sprint</TableCell>
            <TableCell>Due</TableCell>
            <TableCell>Points</TableCell>
            <TableCell>Stories</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {plan.sprints.map(s => (
            <TableRow key={s.number}>
              <TableCell>{s.title}</TableCell>
              <TableCell>{s.dueOn}</TableCell>
              <TableCell>
                {s.points}/{s.capacity}
              </TableCell>
              <TableCell>{s.storyIds.join(', ') || '-'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {plan.epics.map(epic => (
        <section key={epic.id} aria-label={`Epic ${epic.title}`}>
          <Typography variant="subtitle1" component="h3">
            Epic: {epic.title}
          </Typography>
          {epic.features.map(feature => (
            <div key={feature.id}>
              <Typography variant="subtitle2" component="h4">
                Feature: {feature.title}
              </Typography>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>Id</TableCell>
                    <TableCell>Story</TableCell>
                    <TableCell>Priority</TableCell>
                    <TableCell>Points</TableCell>
                    <TableCell>Sprint</TableCell>
                    <TableCell>Depends on</TableCell>
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {feature.storyIds.map(id => (
                    <StoryRow
                      key={id}
                      story={byId.get(id)!}
                      plan={plan}
                      disabled={disabled}
                      onChange={onChange}
                    />
                  ))}
                </TableBody>
              </Table>
            </div>
          ))}
        </section>
      ))}
    </Stack>
  );
}
