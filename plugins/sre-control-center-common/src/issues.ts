import { z } from 'zod';
import { entityQuerySchema } from './schemas';

/**
 * Query of `GET /issues`.
 *
 * @public
 */
export const listIssuesQuerySchema = entityQuerySchema;

/**
 * Body of `POST /alerts/:id/issue` (nothing to choose: the alert says it all).
 *
 * @public
 */
export const createIssueBodySchema = z.strictObject({});

/**
 * Who opened an issue, as the card shows it.
 *
 * @public
 */
export const issueOriginSchema = z.enum(['agent', 'portal', 'label', 'other']);

/**
 * How an issue was tied to an alert (docs/github.md, "Linking rule").
 *
 * @public
 */
export const issueLinkRuleSchema = z.enum([
  /** `<!-- sre-control-center:alert=<id> -->` in the body. */
  'marker',
  /** The alert id (or its Azure portal link) in the title or body. */
  'alert-id',
  /** The alert rule's name and its target resource in the body, opened soon after it fired. */
  'rule-and-resource',
]);

/**
 * An issue as alerts carry it (`Alert.issues`).
 *
 * @public
 */
export const alertIssueSchema = z.object({
  number: z.number().int().positive(),
  url: z.string(),
  state: z.enum(['open', 'closed']),
  title: z.string(),
});

/**
 * A linked alert as an issue carries it.
 *
 * @public
 */
export const issueAlertSchema = z.object({
  id: z.string(),
  name: z.string(),
  rule: issueLinkRuleSchema,
});

/**
 * One issue of a System's repository (`GET /issues`).
 *
 * @public
 */
export const trackedIssueSchema = z.object({
  /** `owner/name`, lower-cased. */
  repository: z.string(),
  number: z.number().int().positive(),
  title: z.string(),
  state: z.enum(['open', 'closed']),
  labels: z.array(z.string()),
  assignees: z.array(z.string()),
  comments: z.number().int().nonnegative(),
  /** GitHub login; apps as `name[bot]`. */
  author: z.string(),
  origin: issueOriginSchema,
  url: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  alerts: z.array(issueAlertSchema),
});

/**
 * Answer of `GET /issues?entityRef=`.
 *
 * @public
 */
export const issueListSchema = z.object({
  entityRef: z.string(),
  /** The System's `github.com/project-slug`; null when it has none. */
  repository: z.string().nullable(),
  /** Open issues first, then recently closed, newest first within each. */
  items: z.array(trackedIssueSchema),
  /** When the scheduled sync last read the repository (null: not yet). */
  syncedAt: z.string().nullable(),
  /** Why the last sync failed, if it did; the items are from syncedAt. */
  lastError: z.string().nullable(),
  /** Days closed issues stay listed. */
  closedWindowDays: z.number().int(),
});

/**
 * Answer of `POST /alerts/:id/issue`: 201 when it was opened now, 200 when it existed.
 *
 * @public
 */
export const createdIssueSchema = z.object({
  created: z.boolean(),
  issue: alertIssueSchema,
});

/** @public */
export type ListIssuesQuery = z.infer<typeof listIssuesQuerySchema>;
/** @public */
export type IssueOrigin = z.infer<typeof issueOriginSchema>;
/** @public */
export type IssueLinkRule = z.infer<typeof issueLinkRuleSchema>;
/** @public */
export type AlertIssue = z.infer<typeof alertIssueSchema>;
/** @public */
export type IssueAlert = z.infer<typeof issueAlertSchema>;
/** @public */
export type TrackedIssue = z.infer<typeof trackedIssueSchema>;
/** @public */
export type IssueList = z.infer<typeof issueListSchema>;
/** @public */
export type CreatedIssue = z.infer<typeof createdIssueSchema>;

/**
 * Message on a project's signal channel when its GitHub issues (or their links) changed.
 *
 * @public
 */
export type IssuesSignal = {
  type: 'issues.changed';
  entityRef: string;
};

/**
 * The marker the portal writes and the SRE agent's template should carry.
 *
 * @public
 */
export function alertMarker(alertId: string): string {
  return `<!-- sre-control-center:alert=${alertId} -->`;
}
