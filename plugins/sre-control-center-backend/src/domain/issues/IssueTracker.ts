import type { IssueOrigin } from '@sre-control-center/plugin-sre-control-center-common';
import { exactLinks, fallbackLinks } from './linking';
import type {
  IssueAlertLookup,
  IssuePublisher,
  IssueStore,
  SystemRepositoryDirectory,
} from './ports';
import { parseProjectSlug, repositoryKey } from './repository';
import type { GithubIssueData, IssueEvent, IssueRecord } from './types';

export interface IssueTrackerOptions {
  store: IssueStore;
  systems: SystemRepositoryDirectory;
  alerts: IssueAlertLookup;
  publisher: IssuePublisher;
  /** `sreControlCenter.github.agentLogins`, compared case-insensitively. */
  agentLogins: string[];
  /** `sreControlCenter.github.labels`: issues with one of these count too. */
  labels: string[];
  /** How long after an alert fired an issue may be linked by the fallback rule. */
  linkWindowMs: number;
  onError?: (error: unknown) => void;
}

/**
 * Takes what GitHub says about a repository's issues (a webhook delivery or
 * the scheduled sync), decides who opened each and which alerts it is about,
 * stores the issues worth keeping, and tells the repository's Systems.
 */
export class IssueTracker {
  private readonly agents: Set<string>;
  private readonly labels: Set<string>;

  constructor(private readonly options: IssueTrackerOptions) {
    this.agents = new Set(options.agentLogins.map(l => l.toLowerCase()));
    this.labels = new Set(options.labels.map(l => l.toLowerCase()));
  }

  /** The Systems whose `github.com/project-slug` is this repository (parsed keys). */
  async systemsOf(repository: string): Promise<string[]> {
    const systems = await this.options.systems.list();
    return systems
      .filter(s => {
        try {
          return repositoryKey(parseProjectSlug(s.slug)) === repository;
        } catch {
          return false;
        }
      })
      .map(s => s.entityRef);
  }

  /**
   * Applies issues of one repository (pull requests are dropped). Issues of
   * a repository no System has are not kept. Resolves how many changed.
   */
  async apply(
    repository: string,
    issues: GithubIssueData[],
    events: IssueEvent[] = [],
  ): Promise<{ changed: number; systems: string[] }> {
    const systems = await this.systemsOf(repository);
    if (systems.length === 0) return { changed: 0, systems };
    const records: IssueRecord[] = [];
    const relevant = new Set<number>();
    for (const issue of issues.filter(i => !i.pullRequest)) {
      const origin = this.originOf(issue);
      let links = exactLinks(issue.title, issue.body);
      if (links.length === 0 && origin !== 'other') {
        links = fallbackLinks(
          issue.body,
          issue.createdAt,
          await this.candidates(systems, issue.createdAt),
          this.options.linkWindowMs,
        );
      }
      // Someone else's issue that names no alert is none of the portal's business.
      if (origin === 'other' && links.length === 0) continue;
      const { body: _body, pullRequest: _pr, ...fields } = issue;
      records.push({ ...fields, origin, links });
      relevant.add(issue.number);
    }
    const changed = await this.options.store.save(
      repository,
      records,
      events.filter(e => relevant.has(e.number)),
    );
    if (changed > 0) await this.announce(systems);
    return { changed, systems };
  }

  /** Pushes `issues.changed` to each System's page; a failed push is only reported. */
  async announce(systems: string[]): Promise<void> {
    for (const entityRef of systems) {
      await this.options.publisher
        .issuesChanged(entityRef)
        .catch(error => this.options.onError?.(error));
    }
  }

  private originOf(issue: GithubIssueData): IssueOrigin {
    if (this.agents.has(issue.author.toLowerCase())) return 'agent';
    if (issue.labels.some(l => this.labels.has(l.toLowerCase()))) {
      return 'label';
    }
    return 'other';
  }

  private async candidates(systems: string[], createdAt: string) {
    const since = new Date(Date.parse(createdAt) - this.options.linkWindowMs);
    const lists = await Promise.all(
      systems.map(s => this.options.alerts.firedSince(s, since)),
    );
    return lists.flat();
  }
}

/** The timeline events an issue's own fields tell (what the sync can know). */
export function eventsOf(issue: GithubIssueData): IssueEvent[] {
  const events: IssueEvent[] = [
    {
      number: issue.number,
      action: 'opened',
      actor: issue.author,
      at: issue.createdAt,
    },
  ];
  if (issue.state === 'closed' && issue.closedAt) {
    events.push({
      number: issue.number,
      action: 'closed',
      actor: null,
      at: issue.closedAt,
    });
  }
  return events;
}
