import type {
  AlertIssue,
  IssueLinkRule,
  TrackedIssue,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { Knex } from 'knex';
import type {
  IssueListName,
  IssueStore,
  SyncListState,
} from '../domain/issues/ports';
import type { IssueEvent, IssueRecord } from '../domain/issues/types';
import { toIso, toIsoOrNull } from './time';

type Time = Date | string | number;

interface IssueRow {
  repository: string;
  number: number;
  github_id: number | string;
  title: string;
  state: 'open' | 'closed';
  labels: string;
  assignees: string;
  comments: number;
  author: string;
  origin: TrackedIssue['origin'];
  url: string;
  created_at: Time;
  updated_at: Time;
  closed_at: Time | null;
}

const toRow = (repository: string, issue: IssueRecord, origin: string) => ({
  repository,
  number: issue.number,
  github_id: issue.githubId,
  title: issue.title.slice(0, 1024),
  state: issue.state,
  labels: JSON.stringify(issue.labels),
  assignees: JSON.stringify(issue.assignees),
  comments: issue.comments,
  author: issue.author.slice(0, 100),
  origin,
  url: issue.url,
  created_at: new Date(issue.createdAt),
  updated_at: new Date(issue.updatedAt),
  closed_at: issue.closedAt ? new Date(issue.closedAt) : null,
});

const ms = (t: Time) => new Date(toIso(t)).getTime();

/** knex implementation of the issue store (SQLite and PostgreSQL). */
export class DatabaseIssueStore implements IssueStore {
  constructor(private readonly db: Knex) {}

  async save(
    repository: string,
    issues: IssueRecord[],
    events: IssueEvent[],
  ): Promise<number> {
    let changed = 0;
    await this.db.transaction(async tx => {
      for (const issue of issues) {
        if (await this.saveIssue(tx, repository, issue)) changed += 1;
      }
      for (const event of events) {
        const inserted = await tx('github_issue_events')
          .insert({
            repository,
            number: event.number,
            action: event.action,
            actor: event.actor?.slice(0, 100) ?? null,
            at: new Date(event.at),
          })
          .onConflict(['repository', 'number', 'action', 'at'])
          .ignore()
          .returning('id');
        if (inserted.length > 0 && event.action === 'commented') changed += 1;
      }
    });
    return changed;
  }

  /** Stores one issue; true when what the portal shows of it changed. */
  private async saveIssue(
    tx: Knex.Transaction,
    repository: string,
    issue: IssueRecord,
  ): Promise<boolean> {
    const where = { repository, number: issue.number };
    let existing: IssueRow | undefined = await tx('github_issues')
      .where(where)
      .first();
    if (!existing) {
      const inserted = await tx('github_issues')
        .insert(toRow(repository, issue, issue.origin))
        .onConflict(['repository', 'number'])
        .ignore()
        .returning('number');
      if (inserted.length > 0) {
        await this.replaceLinks(tx, repository, issue);
        return true;
      }
      // Another transaction stored it first (on PostgreSQL, a sync of the
      // repository while the portal opens the issue): merge with its row,
      // or the portal's origin would be lost.
      existing = (await tx('github_issues').where(where).first()) as IssueRow;
    }
    // The portal's own issues stay "opened here" whoever reports them later.
    const origin = existing.origin === 'portal' ? 'portal' : issue.origin;
    const row = toRow(repository, issue, origin);
    if (ms(row.updated_at) < ms(existing.updated_at)) {
      // An older copy (a late delivery) only says who opened it.
      if (origin === existing.origin) return false;
      await tx('github_issues').where(where).update({ origin });
      return true;
    }
    await tx('github_issues').where(where).update(row);
    const linksChanged = await this.replaceLinks(tx, repository, issue);
    return (
      linksChanged ||
      ms(row.updated_at) !== ms(existing.updated_at) ||
      origin !== existing.origin ||
      row.state !== existing.state ||
      row.title !== existing.title ||
      row.comments !== Number(existing.comments)
    );
  }

  /** Links follow the issue's text: the newest copy's links replace the old (a portal link stays). */
  private async replaceLinks(
    tx: Knex.Transaction,
    repository: string,
    issue: IssueRecord,
  ): Promise<boolean> {
    const now = new Date();
    const current = await tx('issue_links').where({
      repository,
      number: issue.number,
    });
    const wanted = new Map(issue.links.map(l => [l.alertId, l.rule]));
    const stale = current
      .filter(l => !wanted.has(l.alert_id) && l.rule !== 'marker')
      .map(l => l.alert_id);
    if (stale.length > 0) {
      await tx('issue_links')
        .where({ repository, number: issue.number })
        .whereIn('alert_id', stale)
        .delete();
    }
    const had = new Map(current.map(l => [l.alert_id, l.rule]));
    let changed = stale.length > 0;
    for (const [alertId, rule] of wanted) {
      if (had.get(alertId) === rule) continue;
      changed = true;
      await tx('issue_links')
        .insert({
          repository,
          number: issue.number,
          alert_id: alertId,
          rule,
          linked_at: now,
        })
        .onConflict(['repository', 'number', 'alert_id'])
        .merge(['rule']);
    }
    return changed;
  }

  async list(
    repository: string,
    entityRef: string,
    options: { closedSince: Date; limit: number },
  ): Promise<TrackedIssue[]> {
    const rows: IssueRow[] = await this.db('github_issues')
      .where({ repository })
      .whereNot('origin', 'other')
      .andWhere(q =>
        q
          .where('state', 'open')
          .orWhere('closed_at', '>=', options.closedSince),
      )
      // Open first, then closed; newest first within each.
      .orderByRaw("case when state = 'open' then 0 else 1 end")
      .orderBy('created_at', 'desc')
      .limit(options.limit);
    const links = await this.linksOf(
      repository,
      entityRef,
      rows.map(r => r.number),
    );
    return rows.map(r => ({
      repository: r.repository,
      number: r.number,
      title: r.title,
      state: r.state,
      labels: JSON.parse(r.labels),
      assignees: JSON.parse(r.assignees),
      comments: Number(r.comments),
      author: r.author,
      origin: r.origin,
      url: r.url,
      createdAt: toIso(r.created_at),
      updatedAt: toIso(r.updated_at),
      closedAt: toIsoOrNull(r.closed_at),
      alerts: links.get(r.number) ?? [],
    }));
  }

  /** Links of the given issues to alerts of `entityRef` (alerts of other Systems stay unseen). */
  private async linksOf(
    repository: string,
    entityRef: string,
    numbers: number[],
  ) {
    const result = new Map<
      number,
      Array<{ id: string; name: string; rule: IssueLinkRule }>
    >();
    if (numbers.length === 0) return result;
    const rows = await this.db('issue_links as l')
      .join('alerts as a', 'a.id', 'l.alert_id')
      .where('l.repository', repository)
      .whereIn('l.number', numbers)
      .andWhere('a.entity_ref', entityRef)
      .select('l.number', 'l.alert_id', 'l.rule', 'a.name')
      .orderBy('l.alert_id');
    for (const row of rows) {
      const list = result.get(row.number) ?? [];
      list.push({ id: row.alert_id, name: row.name, rule: row.rule });
      result.set(row.number, list);
    }
    return result;
  }

  async forAlerts(
    repository: string,
    alertIds: string[],
  ): Promise<Map<string, AlertIssue[]>> {
    const result = new Map<string, AlertIssue[]>();
    for (let i = 0; i < alertIds.length; i += 500) {
      const rows = await this.db('issue_links as l')
        .join('github_issues as i', q =>
          q.on('i.repository', 'l.repository').andOn('i.number', 'l.number'),
        )
        .where('l.repository', repository)
        .whereIn('l.alert_id', alertIds.slice(i, i + 500))
        .select('l.alert_id', 'i.number', 'i.url', 'i.state', 'i.title')
        .orderBy('i.number');
      for (const row of rows) {
        const list = result.get(row.alert_id) ?? [];
        list.push({
          number: row.number,
          url: row.url,
          state: row.state,
          title: row.title,
        });
        result.set(row.alert_id, list);
      }
    }
    return result;
  }

  async get(
    repository: string,
    number: number,
  ): Promise<TrackedIssue | undefined> {
    const row: IssueRow | undefined = await this.db('github_issues')
      .where({ repository, number })
      .first();
    if (!row) return undefined;
    return {
      repository: row.repository,
      number: row.number,
      title: row.title,
      state: row.state,
      labels: JSON.parse(row.labels),
      assignees: JSON.parse(row.assignees),
      comments: Number(row.comments),
      author: row.author,
      origin: row.origin,
      url: row.url,
      createdAt: toIso(row.created_at),
      updatedAt: toIso(row.updated_at),
      closedAt: toIsoOrNull(row.closed_at),
      alerts: [],
    };
  }

  async syncState(
    repository: string,
  ): Promise<Record<IssueListName, SyncListState>> {
    const rows = await this.db('github_sync_state').where({ repository });
    const of = (list: IssueListName): SyncListState => {
      const row = rows.find(r => r.list === list);
      return {
        etag: row?.etag ?? null,
        syncedAt: row ? toIsoOrNull(row.synced_at) : null,
        lastError: row?.last_error ?? null,
        errorAt: row ? toIsoOrNull(row.error_at) : null,
      };
    };
    return { open: of('open'), closed: of('closed') };
  }

  async recordSync(
    repository: string,
    list: IssueListName,
    outcome: { etag: string | null; at: Date } | { error: string; at: Date },
  ): Promise<void> {
    const values =
      'error' in outcome
        ? { last_error: outcome.error, error_at: outcome.at }
        : {
            etag: outcome.etag?.slice(0, 255) ?? null,
            synced_at: outcome.at,
            last_error: null,
            error_at: null,
          };
    await this.db('github_sync_state')
      .insert({ repository, list, ...values })
      .onConflict(['repository', 'list'])
      .merge(Object.keys(values));
  }

  async events(repository: string, entityRef: string, limit: number) {
    const rows = await this.db('github_issue_events as e')
      .join('github_issues as i', q =>
        q.on('i.repository', 'e.repository').andOn('i.number', 'e.number'),
      )
      .where('e.repository', repository)
      .select('e.number', 'e.action', 'e.actor', 'e.at', 'i.title', 'i.url')
      .orderBy('e.at', 'desc')
      .limit(limit);
    const numbers = [...new Set(rows.map(r => r.number as number))];
    const links = await this.linksOf(repository, entityRef, numbers);
    return rows.map(r => ({
      number: r.number as number,
      action: r.action as IssueEvent['action'],
      actor: (r.actor as string | null) ?? null,
      at: toIso(r.at),
      title: r.title as string,
      url: r.url as string,
      alertId: links.get(r.number)?.[0]?.id ?? null,
    }));
  }

  async claimRequest(claim: {
    alertId: string;
    repository: string;
    holder: string;
    at: Date;
    staleBefore: Date;
  }): Promise<{ claimed: true } | { claimed: false; number: number | null }> {
    const inserted = await this.db('issue_requests')
      .insert({
        alert_id: claim.alertId,
        repository: claim.repository,
        holder: claim.holder,
        claimed_at: claim.at,
      })
      .onConflict('alert_id')
      .ignore()
      .returning('alert_id');
    if (inserted.length > 0) return { claimed: true };
    // A claim without an issue whose holder died: take it over (conditional update).
    const taken = await this.db('issue_requests')
      .where({ alert_id: claim.alertId })
      .whereNull('number')
      .andWhere('claimed_at', '<', claim.staleBefore)
      .update({ holder: claim.holder, claimed_at: claim.at });
    if (taken > 0) return { claimed: true };
    const row = await this.db('issue_requests')
      .where({ alert_id: claim.alertId })
      .first();
    return { claimed: false, number: row?.number ?? null };
  }

  async completeRequest(alertId: string, number: number): Promise<void> {
    await this.db('issue_requests')
      .where({ alert_id: alertId })
      .update({ number });
  }

  async releaseRequest(alertId: string, holder: string): Promise<void> {
    await this.db('issue_requests')
      .where({ alert_id: alertId, holder })
      .whereNull('number')
      .delete();
  }
}
