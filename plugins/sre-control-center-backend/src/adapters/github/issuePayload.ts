import { z } from 'zod';
import type { GithubIssueData } from '../../domain/issues/types';

/** A GitHub user as issues and webhooks carry it. */
const userSchema = z.object({ login: z.string().min(1).max(100) });

/**
 * The fields of GitHub's issue object (REST and webhooks) the portal reads.
 * Loose: GitHub adds fields all the time.
 */
export const githubIssueSchema = z.object({
  id: z.number().int(),
  number: z.number().int().positive(),
  title: z.string().max(2000),
  body: z.string().max(300_000).nullable().optional(),
  state: z.enum(['open', 'closed']),
  labels: z
    .array(z.union([z.string(), z.object({ name: z.string() })]))
    .default([]),
  assignees: z.array(userSchema).nullable().optional(),
  comments: z.number().int().nonnegative().default(0),
  // A deleted account shows as null (GitHub's "ghost").
  user: userSchema.nullable(),
  created_at: z.iso.datetime({ offset: true }),
  updated_at: z.iso.datetime({ offset: true }),
  closed_at: z.iso.datetime({ offset: true }).nullable().optional(),
  html_url: z.url().max(2048),
  pull_request: z.unknown().optional(),
});

export type GithubIssueJson = z.infer<typeof githubIssueSchema>;

export function toIssueData(json: GithubIssueJson): GithubIssueData {
  return {
    number: json.number,
    githubId: json.id,
    title: json.title,
    body: json.body ?? null,
    state: json.state,
    labels: json.labels.map(l => (typeof l === 'string' ? l : l.name)),
    assignees: (json.assignees ?? []).map(a => a.login),
    comments: json.comments,
    author: json.user?.login ?? 'ghost',
    createdAt: new Date(json.created_at).toISOString(),
    updatedAt: new Date(json.updated_at).toISOString(),
    closedAt: json.closed_at ? new Date(json.closed_at).toISOString() : null,
    url: json.html_url,
    pullRequest: json.pull_request !== undefined && json.pull_request !== null,
  };
}

const repositorySchema = z.object({ full_name: z.string().min(3).max(200) });

/** `issues` deliveries: opened, edited, closed, reopened, labeled, assigned, ... */
export const issuesEventSchema = z.object({
  action: z.string().min(1).max(64),
  issue: githubIssueSchema,
  repository: repositorySchema,
  sender: userSchema.optional(),
});

/** `issue_comment` deliveries (issues and pull requests alike). */
export const issueCommentEventSchema = z.object({
  action: z.string().min(1).max(64),
  issue: githubIssueSchema,
  comment: z.object({
    user: userSchema.nullable(),
    created_at: z.iso.datetime({ offset: true }),
  }),
  repository: repositorySchema,
  sender: userSchema.optional(),
});
