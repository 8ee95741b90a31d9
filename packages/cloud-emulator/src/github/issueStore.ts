import { EmulatorContext } from '../context';
import {
  GithubComment,
  GithubIssue,
  GithubLabel,
  GithubRepoState,
  GithubUser,
} from '../world/state';
import {
  renderComment,
  renderIssue,
  renderLabel,
  renderRepo,
  renderUser,
} from './render';
import { sendGithubWebhook } from './webhooks';

/** Colour GitHub gives labels created implicitly through an issue. */
const DEFAULT_LABEL_COLOR = 'ededed';

export function findRepo(ctx: EmulatorContext, owner: string, name: string) {
  return ctx.state.github.repos.find(
    r =>
      r.owner.login.toLowerCase() === owner.toLowerCase() &&
      r.name.toLowerCase() === name.toLowerCase(),
  );
}

function nextId(ctx: EmulatorContext): number {
  return ctx.state.github.nextId++;
}

export function ensureLabel(
  ctx: EmulatorContext,
  repo: GithubRepoState,
  name: string,
): GithubLabel {
  const existing = repo.labels.find(
    l => l.name.toLowerCase() === name.toLowerCase(),
  );
  if (existing) return existing;
  const label: GithubLabel = {
    id: nextId(ctx),
    name,
    color: DEFAULT_LABEL_COLOR,
    description: null,
    default: false,
  };
  repo.labels.push(label);
  return label;
}

function issuePayload(
  ctx: EmulatorContext,
  repo: GithubRepoState,
  issue: GithubIssue,
  action: string,
  sender: GithubUser,
  extra: Record<string, unknown> = {},
) {
  return {
    action,
    issue: renderIssue(ctx, repo, issue),
    ...extra,
    repository: renderRepo(ctx, repo),
    sender: renderUser(ctx, sender),
  };
}

export function createIssue(
  ctx: EmulatorContext,
  repo: GithubRepoState,
  actor: GithubUser,
  input: {
    title: string;
    body?: string | null;
    labels?: string[];
    assignees?: string[];
    milestone?: number;
  },
): GithubIssue {
  const now = ctx.now().toISOString();
  const labels = (input.labels ?? []).map(
    name => ensureLabel(ctx, repo, name).name,
  );
  const issue: GithubIssue = {
    id: nextId(ctx),
    number: repo.issues.reduce((max, i) => Math.max(max, i.number), 0) + 1,
    title: input.title,
    body: input.body ?? null,
    state: 'open',
    state_reason: null,
    user: actor,
    labels,
    assignees: input.assignees ?? [],
    comments: [],
    created_at: now,
    updated_at: now,
    closed_at: null,
    closed_by: null,
    ...(input.milestone !== undefined && { milestone: input.milestone }),
  };
  repo.issues.push(issue);
  sendGithubWebhook(
    ctx,
    'issues',
    issuePayload(ctx, repo, issue, 'opened', actor),
  );
  return issue;
}

export interface IssuePatch {
  title?: string;
  body?: string | null;
  state?: 'open' | 'closed';
  state_reason?: 'completed' | 'not_planned' | 'reopened' | null;
  labels?: string[];
  assignees?: string[];
}

export function updateIssue(
  ctx: EmulatorContext,
  repo: GithubRepoState,
  issue: GithubIssue,
  actor: GithubUser,
  patch: IssuePatch,
): void {
  const now = ctx.now().toISOString();
  const changes: Record<string, { from: string | null }> = {};
  if (patch.title !== undefined && patch.title !== issue.title) {
    changes.title = { from: issue.title };
    issue.title = patch.title;
  }
  if (patch.body !== undefined && patch.body !== issue.body) {
    changes.body = { from: issue.body };
    issue.body = patch.body;
  }
  if (patch.assignees !== undefined) issue.assignees = patch.assignees;
  const events: Array<[string, Record<string, unknown>]> = [];
  if (Object.keys(changes).length > 0) events.push(['edited', { changes }]);
  if (patch.labels !== undefined) {
    const next = patch.labels.map(name => ensureLabel(ctx, repo, name).name);
    for (const added of next.filter(l => !issue.labels.includes(l))) {
      events.push([
        'labeled',
        { label: renderLabel(ctx, repo, ensureLabel(ctx, repo, added)) },
      ]);
    }
    for (const removed of issue.labels.filter(l => !next.includes(l))) {
      events.push([
        'unlabeled',
        { label: renderLabel(ctx, repo, ensureLabel(ctx, repo, removed)) },
      ]);
    }
    issue.labels = next;
  }
  if (patch.state !== undefined && patch.state !== issue.state) {
    issue.state = patch.state;
    if (patch.state === 'closed') {
      issue.closed_at = now;
      issue.closed_by = actor;
      issue.state_reason = patch.state_reason ?? 'completed';
      events.push(['closed', {}]);
    } else {
      issue.closed_at = null;
      issue.closed_by = null;
      issue.state_reason = 'reopened';
      events.push(['reopened', {}]);
    }
  } else if (patch.state_reason !== undefined && issue.state === 'closed') {
    issue.state_reason = patch.state_reason;
  }
  issue.updated_at = now;
  for (const [action, extra] of events) {
    sendGithubWebhook(
      ctx,
      'issues',
      issuePayload(ctx, repo, issue, action, actor, extra),
    );
  }
}

export function addComment(
  ctx: EmulatorContext,
  repo: GithubRepoState,
  issue: GithubIssue,
  actor: GithubUser,
  body: string,
): GithubComment {
  const now = ctx.now().toISOString();
  const comment: GithubComment = {
    id: nextId(ctx),
    body,
    user: actor,
    created_at: now,
    updated_at: now,
  };
  issue.comments.push(comment);
  issue.updated_at = now;
  sendGithubWebhook(ctx, 'issue_comment', {
    action: 'created',
    issue: renderIssue(ctx, repo, issue),
    comment: renderComment(ctx, repo, issue, comment),
    repository: renderRepo(ctx, repo),
    sender: renderUser(ctx, actor),
  });
  return comment;
}
