import type {
  ClaimedDelivery,
  DeliveryHandler,
  HandledDelivery,
} from '../../domain/inbox/ports';
import type { IssueTracker } from '../../domain/issues/IssueTracker';
import {
  parseProjectSlug,
  repositoryKey,
} from '../../domain/issues/repository';
import type { IssueEvent } from '../../domain/issues/types';
import {
  issueCommentEventSchema,
  issuesEventSchema,
  toIssueData,
} from './issuePayload';

/** Inbox kinds of GitHub deliveries: the event from X-GitHub-Event. */
export const GITHUB_KINDS = {
  issues: 'github.issues',
  issueComment: 'github.issue_comment',
  ignored: 'github.ignored',
} as const;

/**
 * Applies stored `issues` and `issue_comment` deliveries through the issue
 * tracker; any other event was stored as `github.ignored` and is done.
 * A body that is not the event's shape is a delivery error (kept, not retried
 * forever: the processor sets it aside after its attempts).
 */
export class GithubIssueDeliveries implements DeliveryHandler {
  readonly sources = ['github'] as const;

  constructor(private readonly tracker: IssueTracker) {}

  async handle(deliveries: ClaimedDelivery[]): Promise<HandledDelivery[]> {
    const verdicts: HandledDelivery[] = [];
    for (const delivery of deliveries) {
      verdicts.push(await this.one(delivery));
    }
    return verdicts;
  }

  private async one(delivery: ClaimedDelivery): Promise<HandledDelivery> {
    const { id, kind } = delivery;
    if (kind !== GITHUB_KINDS.issues && kind !== GITHUB_KINDS.issueComment) {
      return { id, ok: true, note: 'event not used by the Control Center' };
    }
    const json: unknown = JSON.parse(delivery.body);
    const parsed =
      kind === GITHUB_KINDS.issues
        ? issuesEventSchema.safeParse(json)
        : issueCommentEventSchema.safeParse(json);
    if (!parsed.success) {
      return {
        id,
        ok: false,
        error: `Not a GitHub ${kind.slice(7)} payload: ${parsed.error.issues
          .slice(0, 3)
          .map(i => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}`,
      };
    }
    const payload = parsed.data;
    let repository: string;
    try {
      repository = repositoryKey(
        parseProjectSlug(payload.repository.full_name),
      );
    } catch (error) {
      return { id, ok: true, note: String(error) };
    }
    const issue = toIssueData(payload.issue);
    const events: IssueEvent[] = [];
    const sender = payload.sender?.login ?? null;
    if ('comment' in payload) {
      const { comment } = issueCommentEventSchema.parse(payload);
      if (payload.action === 'created') {
        events.push({
          number: issue.number,
          action: 'commented',
          actor: comment.user?.login ?? null,
          at: new Date(comment.created_at).toISOString(),
        });
      }
    } else if (payload.action === 'opened') {
      events.push({
        number: issue.number,
        action: 'opened',
        actor: issue.author,
        at: issue.createdAt,
      });
    } else if (payload.action === 'closed' && issue.closedAt) {
      events.push({
        number: issue.number,
        action: 'closed',
        actor: sender,
        at: issue.closedAt,
      });
    } else if (payload.action === 'reopened') {
      events.push({
        number: issue.number,
        action: 'reopened',
        actor: sender,
        at: issue.updatedAt,
      });
    }
    const { systems } = await this.tracker.apply(repository, [issue], events);
    return systems.length === 0
      ? { id, ok: true, note: `${repository} is the repository of no System` }
      : { id, ok: true };
  }
}
