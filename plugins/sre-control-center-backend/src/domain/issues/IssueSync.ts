import type { GithubIssueApi, IssueListName, IssueStore } from './ports';
import type { IssueTracker } from './IssueTracker';
import { eventsOf } from './IssueTracker';
import { parseProjectSlug, repositoryKey, RepositoryRef } from './repository';
import type { SystemRepositoryDirectory } from './ports';

const DAY_MS = 24 * 3_600_000;

/** What one sync did, for the logs and the benchmark. */
export interface IssueSyncReport {
  repositories: number;
  /** GitHub requests made (304s included: they cost no rate limit). */
  requests: number;
  notModified: number;
  changed: number;
  failures: Array<{ repository: string; error: string }>;
}

/**
 * The scheduled catch-up for missed webhook deliveries. Per repository it
 * reads two lists, most recently updated first: open issues, and issues
 * closed within the window (`since` rounded to the day so the URL, and so
 * the ETag, stays the same all day). Each is a conditional request on the
 * first page's ETag: an unchanged repository answers 304 twice and costs no
 * rate limit. Any change moves the changed issue to the first page, so an
 * unchanged first page means an unchanged list.
 */
export class IssueSync {
  constructor(
    private readonly options: {
      tracker: IssueTracker;
      store: IssueStore;
      systems: SystemRepositoryDirectory;
      github: GithubIssueApi;
      closedWindowDays: number;
      now?: () => Date;
    },
  ) {}

  async sync(): Promise<IssueSyncReport> {
    const report: IssueSyncReport = {
      repositories: 0,
      requests: 0,
      notModified: 0,
      changed: 0,
      failures: [],
    };
    const repos = new Map<string, RepositoryRef>();
    for (const { slug } of await this.options.systems.list()) {
      try {
        const repo = parseProjectSlug(slug);
        repos.set(repositoryKey(repo), repo);
      } catch {
        // A bad annotation is reported where the System's issues are read.
      }
    }
    for (const [key, repo] of repos) {
      report.repositories += 1;
      for (const list of ['open', 'closed'] as const) {
        try {
          await this.syncList(key, repo, list, report);
        } catch (error) {
          const message =
            error instanceof Error ? error.message : String(error);
          report.failures.push({ repository: key, error: message });
          await this.options.store.recordSync(key, list, {
            error: message.slice(0, 2000),
            at: this.now(),
          });
        }
      }
    }
    return report;
  }

  /** Syncs one repository now (the route does it when a System was never synced). */
  private async syncList(
    key: string,
    repo: RepositoryRef,
    list: IssueListName,
    report: IssueSyncReport,
  ): Promise<void> {
    const state = (await this.options.store.syncState(key))[list];
    const since =
      list === 'closed'
        ? new Date(
            Math.floor(
              (this.now().getTime() - this.options.closedWindowDays * DAY_MS) /
                DAY_MS,
            ) * DAY_MS,
          ).toISOString()
        : undefined;
    const result = await this.options.github.listIssues(repo, {
      state: list,
      since,
      etag: state.etag,
    });
    report.requests += result.requests;
    if (result.notModified) {
      report.notModified += 1;
      await this.options.store.recordSync(key, list, {
        etag: state.etag,
        at: this.now(),
      });
      return;
    }
    const issues = result.issues.filter(i => !i.pullRequest);
    const { changed } = await this.options.tracker.apply(
      key,
      issues,
      issues.flatMap(eventsOf),
    );
    report.changed += changed;
    await this.options.store.recordSync(key, list, {
      etag: result.etag,
      at: this.now(),
    });
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
