import { EmulatorContext } from '../context';
import {
  GithubComment,
  GithubIssue,
  GithubLabel,
  GithubMilestone,
  GithubRepoState,
  GithubUser,
} from '../world/state';

/**
 * JSON representations of the GitHub REST API (api version 2022-11-28).
 * API URLs point at the emulator so clients can follow them; html_url points
 * at github.com as in the real payloads.
 */
const HTML = 'https://github.com';

const nodeId = (prefix: string, id: number) =>
  `${prefix}_kwDO${Buffer.from(String(id))
    .toString('base64')
    .replace(/=+$/, '')}`;

export function renderUser(ctx: EmulatorContext, user: GithubUser) {
  const login = encodeURIComponent(user.login);
  const api = `${ctx.baseUrl}/users/${login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type === 'Bot' ? 'BOT' : 'U', user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url:
      user.type === 'Bot'
        ? `${HTML}/apps/${user.login.replace('[bot]', '')}`
        : `${HTML}/${user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function repoApiUrl(
  ctx: EmulatorContext,
  repo: GithubRepoState,
): string {
  return `${ctx.baseUrl}/repos/${repo.owner.login}/${repo.name}`;
}

export function renderLabel(
  ctx: EmulatorContext,
  repo: GithubRepoState,
  label: GithubLabel,
) {
  return {
    id: label.id,
    node_id: nodeId('LA', label.id),
    url: `${repoApiUrl(ctx, repo)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description,
  };
}

function authorAssociation(repo: GithubRepoState, user: GithubUser): string {
  if (user.login === repo.owner.login) return 'OWNER';
  return user.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR';
}

const emptyReactions = (url: string) => ({
  url,
  total_count: 0,
  '+1': 0,
  '-1': 0,
  laugh: 0,
  hooray: 0,
  confused: 0,
  heart: 0,
  rocket: 0,
  eyes: 0,
});

export function renderIssue(
  ctx: EmulatorContext,
  repo: GithubRepoState,
  issue: GithubIssue,
  opts: { single?: boolean } = {},
) {
  const repoUrl = repoApiUrl(ctx, repo);
  const url = `${repoUrl}/issues/${issue.number}`;
  const kind = issue.pullRequest ? 'pull' : 'issues';
  const htmlUrl = `${HTML}/${repo.owner.login}/${repo.name}/${kind}/${issue.number}`;
  const labels = issue.labels
    .map(name => repo.labels.find(l => l.name === name))
    .filter((l): l is GithubLabel => l !== undefined)
    .map(l => renderLabel(ctx, repo, l));
  const assignees = issue.assignees.map(login =>
    renderUser(ctx, { login, id: 6_000_000 + login.length, type: 'User' }),
  );
  return {
    url,
    repository_url: repoUrl,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: htmlUrl,
    id: issue.id,
    node_id: nodeId(issue.pullRequest ? 'PR' : 'I', issue.id),
    number: issue.number,
    title: issue.title,
    user: renderUser(ctx, issue.user),
    labels,
    state: issue.state,
    locked: false,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: renderIssueMilestone(ctx, repo, issue),
    comments: issue.comments.length,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    author_association: authorAssociation(repo, issue.user),
    type: null,
    active_lock_reason: null,
    ...(issue.pullRequest
      ? {
          draft: false,
          pull_request: {
            url: `${repoUrl}/pulls/${issue.number}`,
            html_url: htmlUrl,
            diff_url: `${htmlUrl}.diff`,
            patch_url: `${htmlUrl}.patch`,
            merged_at: issue.pullRequest.merged_at,
          },
        }
      : {}),
    body: issue.body,
    ...(opts.single
      ? { closed_by: issue.closed_by ? renderUser(ctx, issue.closed_by) : null }
      : {}),
    reactions: emptyReactions(`${url}/reactions`),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.state_reason,
    sub_issues_summary: subIssuesSummary(repo, issue),
  };
}

function subIssuesSummary(repo: GithubRepoState, issue: GithubIssue) {
  const children = (issue.subIssueIds ?? [])
    .map(id => repo.issues.find(i => i.id === id))
    .filter((i): i is GithubIssue => i !== undefined);
  const completed = children.filter(i => i.state === 'closed').length;
  return {
    total: children.length,
    completed,
    percent_completed:
      children.length === 0
        ? 0
        : Math.floor((completed * 100) / children.length),
  };
}

function renderIssueMilestone(
  ctx: EmulatorContext,
  repo: GithubRepoState,
  issue: GithubIssue,
) {
  const milestone = repo.milestones?.find(m => m.number === issue.milestone);
  return milestone ? renderMilestone(ctx, repo, milestone) : null;
}

export function renderMilestone(
  ctx: EmulatorContext,
  repo: GithubRepoState,
  milestone: GithubMilestone,
) {
  const url = `${repoApiUrl(ctx, repo)}/milestones/${milestone.number}`;
  const issues = repo.issues.filter(
    i => i.milestone === milestone.number && !i.pullRequest,
  );
  return {
    url,
    html_url: `${HTML}/${repo.owner.login}/${repo.name}/milestone/${milestone.number}`,
    labels_url: `${url}/labels`,
    id: milestone.id,
    node_id: nodeId('MI', milestone.id),
    number: milestone.number,
    state: milestone.state,
    title: milestone.title,
    description: milestone.description,
    creator: renderUser(ctx, milestone.creator),
    open_issues: issues.filter(i => i.state === 'open').length,
    closed_issues: issues.filter(i => i.state === 'closed').length,
    created_at: milestone.created_at,
    updated_at: milestone.updated_at,
    closed_at: null,
    due_on: milestone.due_on,
  };
}

export function renderComment(
  ctx: EmulatorContext,
  repo: GithubRepoState,
  issue: GithubIssue,
  comment: GithubComment,
) {
  const repoUrl = repoApiUrl(ctx, repo);
  return {
    url: `${repoUrl}/issues/comments/${comment.id}`,
    html_url: `${HTML}/${repo.owner.login}/${repo.name}/issues/${issue.number}#issuecomment-${comment.id}`,
    issue_url: `${repoUrl}/issues/${issue.number}`,
    id: comment.id,
    node_id: nodeId('IC', comment.id),
    user: renderUser(ctx, comment.user),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    author_association: authorAssociation(repo, comment.user),
    body: comment.body,
    reactions: emptyReactions(
      `${repoUrl}/issues/comments/${comment.id}/reactions`,
    ),
    performed_via_github_app: null,
  };
}

export function renderRepo(ctx: EmulatorContext, repo: GithubRepoState) {
  const url = repoApiUrl(ctx, repo);
  const fullName = `${repo.owner.login}/${repo.name}`;
  const updated = repo.issues.reduce(
    (t, i) => (i.updated_at > t ? i.updated_at : t),
    repo.created_at,
  );
  return {
    id: repo.id,
    node_id: nodeId('R', repo.id),
    name: repo.name,
    full_name: fullName,
    private: repo.private,
    owner: renderUser(ctx, repo.owner),
    html_url: `${HTML}/${fullName}`,
    description: repo.description,
    fork: false,
    url,
    issues_url: `${url}/issues{/number}`,
    labels_url: `${url}/labels{/name}`,
    pulls_url: `${url}/pulls{/number}`,
    created_at: repo.created_at,
    updated_at: updated,
    pushed_at: updated,
    homepage: null,
    size: 2048,
    stargazers_count: 3,
    watchers_count: 3,
    language: 'TypeScript',
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    archived: false,
    disabled: false,
    open_issues_count: repo.issues.filter(i => i.state === 'open').length,
    license: null,
    topics: [],
    visibility: repo.private ? 'private' : 'public',
    forks: 0,
    open_issues: repo.issues.filter(i => i.state === 'open').length,
    watchers: 3,
    default_branch: 'main',
  };
}
