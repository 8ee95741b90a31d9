import {
  ConflictError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  alertMarker,
  type Alert,
  type AlertIssue,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { AuditLog, AuditMirror } from '../audit';
import type { IssueTracker } from './IssueTracker';
import type {
  GithubIssueApi,
  IssueStore,
  SystemRepositoryDirectory,
} from './ports';
import { parseProjectSlug, repositoryKey } from './repository';

/** A claim without an issue this old belongs to a replica that died mid-create. */
export const STALE_CLAIM_MS = 60_000;
/** How long a second caller waits for the first one's issue. */
const WAIT_MS = 20_000;
const POLL_MS = 100;

const defaultSleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

export interface IssueOpenerOptions {
  store: IssueStore;
  tracker: IssueTracker;
  systems: SystemRepositoryDirectory;
  github: GithubIssueApi;
  audit: AuditLog;
  mirror: AuditMirror;
  /** Labels put on issues opened here. */
  labels: string[];
  /** The System's Control Center page, for the issue body. */
  portalLink(alert: Alert): string;
  holder: string;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * "Open an issue" for an alert: one issue per alert, however many clicks and
 * replicas. The first caller takes the alert's claim in the database
 * (insert-or-nothing) and creates the issue; the others wait for its number.
 * An issue already linked to the alert (the SRE agent's, say) is the answer
 * instead of a new one.
 */
export class IssueOpener {
  constructor(private readonly options: IssueOpenerOptions) {}

  async open(
    alert: Alert,
    actor: string,
  ): Promise<{ created: boolean; issue: AlertIssue }> {
    const { store } = this.options;
    if (!alert.entityRef) {
      throw new ConflictError(
        `Alert ${alert.id} belongs to no System yet: route it before opening an issue`,
      );
    }
    const repo = await this.repositoryOf(alert.entityRef);
    const key = repositoryKey(repo);
    const linked = (await store.forAlerts(key, [alert.id])).get(alert.id);
    if (linked && linked.length > 0)
      return { created: false, issue: linked[0] };

    const now = this.now();
    const claim = await store.claimRequest({
      alertId: alert.id,
      repository: key,
      holder: this.options.holder,
      at: now,
      staleBefore: new Date(now.getTime() - STALE_CLAIM_MS),
    });
    if (!claim.claimed) {
      return {
        created: false,
        issue: await this.waitFor(key, alert.id, claim.number),
      };
    }

    let created;
    try {
      created = await this.options.github.createIssue(repo, {
        title: `[Alert] ${alert.name} (${alert.severity})${
          alert.targetResourceId
            ? ` on ${alert.targetResourceId.split('/').pop()}`
            : ''
        }`,
        body: this.body(alert, actor),
        labels: this.options.labels,
      });
    } catch (error) {
      await store.releaseRequest(alert.id, this.options.holder);
      throw new ServiceUnavailableError(
        `GitHub did not create the issue in ${key}: ${
          error instanceof Error ? error.message : String(error)
        }`,
      );
    }
    const { body: _body, pullRequest: _pr, ...fields } = created;
    await store.save(
      key,
      [
        {
          ...fields,
          origin: 'portal',
          links: [{ alertId: alert.id, rule: 'marker' }],
        },
      ],
      [
        {
          number: created.number,
          action: 'opened',
          actor: created.author,
          at: created.createdAt,
        },
      ],
    );
    await store.completeRequest(alert.id, created.number);
    const entry = {
      entityRef: alert.entityRef,
      actor,
      action: 'issue.opened',
      target: alert.id,
      at: this.now(),
      details: {
        summary: `GitHub issue #${created.number} opened for ${alert.name}`,
        repository: key,
        number: created.number,
        url: created.url,
      },
    };
    await this.options.audit.append(entry);
    this.options.mirror.record(entry);
    await this.options.tracker.announce([alert.entityRef]);
    return {
      created: true,
      issue: {
        number: created.number,
        url: created.url,
        state: created.state,
        title: created.title,
      },
    };
  }

  /** The System's repository, or a 409 saying what is missing. */
  private async repositoryOf(entityRef: string) {
    const slug = await this.options.systems.slugOf(entityRef);
    if (slug === undefined) throw new NotFoundError(`No System ${entityRef}`);
    if (slug === null) {
      throw new ConflictError(
        `${entityRef} has no github.com/project-slug annotation: add one (owner/repo) to open issues for its alerts`,
      );
    }
    try {
      return parseProjectSlug(slug);
    } catch (error) {
      throw new ConflictError(
        `${entityRef}: ${error instanceof Error ? error.message : error}`,
      );
    }
  }

  /** The issue another caller is opening for the alert. */
  private async waitFor(
    repository: string,
    alertId: string,
    known: number | null,
  ): Promise<AlertIssue> {
    const deadline = this.now().getTime() + WAIT_MS;
    for (;;) {
      const linked = (
        await this.options.store.forAlerts(repository, [alertId])
      ).get(alertId);
      if (linked && linked.length > 0) return linked[0];
      if (known !== null) {
        const issue = await this.options.store.get(repository, known);
        if (issue) {
          return {
            number: issue.number,
            url: issue.url,
            state: issue.state,
            title: issue.title,
          };
        }
      }
      if (this.now().getTime() > deadline) {
        throw new ConflictError(
          `An issue for alert ${alertId} is being opened by another request; try again shortly`,
        );
      }
      await (this.options.sleep ?? defaultSleep)(POLL_MS);
    }
  }

  private body(alert: Alert, actor: string): string {
    const c = alert.condition;
    const condition = c
      ? c.text ??
        [c.metric, c.operator, c.threshold]
          .filter(v => v !== undefined)
          .join(' ') +
          (c.observed !== undefined ? ` (observed ${c.observed})` : '')
      : null;
    return [
      `Alert **${alert.name}** (${
        alert.severity
      }) is ${alert.monitorCondition.toLowerCase()}, state ${alert.state}.`,
      '',
      `Alert: ${alert.id}`,
      `- Target resource: ${alert.targetResourceId ?? 'none'}`,
      `- Fired at: ${alert.firedAt}`,
      ...(alert.resolvedAt ? [`- Resolved at: ${alert.resolvedAt}`] : []),
      ...(condition ? [`- Condition: ${condition}`] : []),
      ...(alert.description ? [`- Description: ${alert.description}`] : []),
      `- Control Center: ${this.options.portalLink(alert)}`,
      '',
      `_Opened from the SRE Control Center by ${actor}._`,
      '',
      alertMarker(alert.id),
    ].join('\n');
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
