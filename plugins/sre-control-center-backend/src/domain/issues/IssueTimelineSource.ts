import type { TimelineEntry } from '@sre-control-center/plugin-sre-control-center-common';
import type { TimelineEntrySource } from '../timeline';
import type { IssueReader } from './IssueReader';
import type { IssueStore } from './ports';

/** Issue opened, commented, closed, reopened on the System's timeline, next to the alert it is about. */
export class IssueTimelineSource implements TimelineEntrySource {
  constructor(
    private readonly store: IssueStore,
    private readonly reader: Pick<IssueReader, 'repositoryOf'>,
  ) {}

  async entries(entityRef: string, limit: number): Promise<TimelineEntry[]> {
    const repository = await this.reader
      .repositoryOf(entityRef)
      .catch(() => null);
    if (!repository) return [];
    const events = await this.store.events(repository, entityRef, limit);
    return events.map(e => ({
      at: e.at,
      kind: 'issue',
      action: `issue.${e.action}`,
      actor: e.actor,
      summary: `Issue #${e.number} ${e.action}: ${e.title}`,
      target: e.alertId ?? e.url,
    }));
  }
}
