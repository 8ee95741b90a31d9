import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  Alert,
  IssueList,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { IssueStore, SystemRepositoryDirectory } from './ports';
import { parseProjectSlug, repositoryKey } from './repository';

const DAY_MS = 24 * 3_600_000;
/** Issues listed at most; a System with more open ones sees the newest. */
const LIST_LIMIT = 200;

/** Reads a System's issues for the card, and the issues of alerts for the feed. */
export class IssueReader {
  constructor(
    private readonly options: {
      store: IssueStore;
      systems: SystemRepositoryDirectory;
      closedWindowDays: number;
      now?: () => Date;
    },
  ) {}

  /** The repository key of a System: null without the annotation, a 409 when it is not owner/repo. */
  async repositoryOf(entityRef: string): Promise<string | null> {
    const slug = await this.options.systems.slugOf(entityRef);
    if (slug === undefined) throw new NotFoundError(`No System ${entityRef}`);
    if (slug === null) return null;
    try {
      return repositoryKey(parseProjectSlug(slug));
    } catch (error) {
      throw new ConflictError(
        `${entityRef}: ${error instanceof Error ? error.message : error}`,
      );
    }
  }

  async list(entityRef: string): Promise<IssueList> {
    const { store, closedWindowDays } = this.options;
    const repository = await this.repositoryOf(entityRef);
    const base = { entityRef, repository, closedWindowDays };
    if (!repository) {
      return { ...base, items: [], syncedAt: null, lastError: null };
    }
    const now = this.options.now?.() ?? new Date();
    const [items, state] = await Promise.all([
      store.list(repository, entityRef, {
        closedSince: new Date(now.getTime() - closedWindowDays * DAY_MS),
        limit: LIST_LIMIT,
      }),
      store.syncState(repository),
    ]);
    const lists = [state.open, state.closed];
    const synced = lists.map(l => l.syncedAt);
    // Synced when both lists were read; the older of the two is the honest age.
    const syncedAt = synced.every(Boolean) ? synced.sort()[0] : null;
    const failing = lists
      .filter(l => l.lastError && (!l.syncedAt || l.errorAt! > l.syncedAt))
      .map(l => l.lastError!);
    return { ...base, items, syncedAt, lastError: failing[0] ?? null };
  }

  /** The alerts with `issues` set: the linked issues of their own System's repository. */
  async withIssues<A extends Alert>(alerts: A[]): Promise<A[]> {
    const byRepo = new Map<string, string[]>();
    const repoOf = new Map<string, string | null>();
    for (const alert of alerts) {
      if (!alert.entityRef) continue;
      if (!repoOf.has(alert.entityRef)) {
        repoOf.set(
          alert.entityRef,
          await this.repositoryOf(alert.entityRef).catch(() => null),
        );
      }
      const repo = repoOf.get(alert.entityRef);
      if (!repo) continue;
      byRepo.set(repo, [...(byRepo.get(repo) ?? []), alert.id]);
    }
    const found = new Map<string, Alert['issues']>();
    for (const [repo, ids] of byRepo) {
      for (const [id, issues] of await this.options.store.forAlerts(
        repo,
        ids,
      )) {
        found.set(id, issues);
      }
    }
    return alerts.map(a => ({ ...a, issues: found.get(a.id) ?? [] }));
  }
}
