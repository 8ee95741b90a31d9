/**
 * In-memory fakes of the domain's ports, for domain tests: they keep what
 * they are given and behave as the ports promise (conditional writes
 * included), without a database, Azure or the catalog.
 */
import type {
  Alert,
  AlertEvent,
} from '@sre-control-center/plugin-sre-control-center-common';
import type {
  AlertChangeListener,
  AlertLedger,
  AlertListFilter,
  AlertPage,
  AlertRepository,
  AlertSnapshot,
  AlertSource,
  AlertWrite,
  AzureAlertId,
} from '../alerts';
import type { AuditEntry, AuditMirror } from '../audit';
import type { ProjectResolver, ProjectScope } from '../projects';

export const SYSTEM = 'system:default/mindful-moments';
export const SUBSCRIPTION = '3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f';
export const RESOURCE_GROUP = `/subscriptions/${SUBSCRIPTION}/resourcegroups/rg-mindful-moments-dev`;
export const SITE = `${RESOURCE_GROUP}/providers/microsoft.web/sites/app-mindful-moments-dev`;

/** An Azure alert id of the fake subscription; `n` makes the GUID. */
export function azureAlertId(n: number, subscription = SUBSCRIPTION): string {
  const hex = n.toString(16).padStart(12, '0');
  return `/subscriptions/${subscription}/providers/microsoft.alertsmanagement/alerts/00000000-0000-4000-8000-${hex}`;
}

export function sampleAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: azureAlertId(1),
    entityRef: SYSTEM,
    routing: 'resource-group',
    name: 'alert-high-response-time',
    severity: 'Sev2',
    state: 'New',
    monitorCondition: 'Fired',
    targetResourceId: SITE,
    description: null,
    firedAt: '2026-11-28T10:00:00.000Z',
    resolvedAt: null,
    updatedAt: '2026-11-28T10:00:00.000Z',
    ...overrides,
  };
}

/** Projects from a fixed list; Systems without a resource group can be added. */
export class FakeProjects implements ProjectResolver {
  constructor(
    public projects: ProjectScope[] = [
      { entityRef: SYSTEM, resourceGroupId: RESOURCE_GROUP },
    ],
    public otherSystems: string[] = [],
  ) {}

  async projectForResourceGroup(id: string) {
    return this.projects.find(p => p.resourceGroupId === id.toLowerCase())
      ?.entityRef;
  }

  async listProjects() {
    return this.projects;
  }

  async isSystem(entityRef: string) {
    return (
      this.otherSystems.includes(entityRef) ||
      this.projects.some(p => p.entityRef === entityRef)
    );
  }
}

/**
 * Alerts in memory, with the ledger's promise: a write applies only while
 * the fields it changes still hold their `before` values. `beforeCommit`
 * lets a test change an alert between a writer's read and its commit.
 */
export class InMemoryAlerts implements AlertRepository, AlertLedger {
  readonly alerts = new Map<string, Alert>();
  readonly events: Array<AlertEvent & { alertId: string }> = [];
  readonly audit: AuditEntry[] = [];
  beforeCommit?: () => void;

  constructor(initial: Alert[] = []) {
    for (const alert of initial) this.alerts.set(alert.id, alert);
  }

  async list(filter: AlertListFilter): Promise<AlertPage> {
    const items = [...this.alerts.values()]
      .filter(a => a.entityRef === filter.entityRef)
      .sort((a, b) => b.firedAt.localeCompare(a.firedAt));
    return { items: items.slice(0, filter.limit), next: null };
  }

  async listUnrouted(query: { limit: number }): Promise<AlertPage> {
    const items = [...this.alerts.values()].filter(a => !a.entityRef);
    return { items: items.slice(0, query.limit), next: null };
  }

  async get(id: string) {
    return this.alerts.get(id);
  }

  async getMany(ids: string[]) {
    const found = new Map<string, Alert>();
    for (const id of ids) {
      const alert = this.alerts.get(id);
      if (alert) found.set(id, alert);
    }
    return found;
  }

  async history(id: string) {
    return this.events
      .filter(e => e.alertId === id)
      .map(({ alertId: _id, ...e }) => e);
  }

  async firedSince(entityRef: string, since: Date) {
    return [...this.alerts.values()].filter(
      a =>
        a.entityRef === entityRef && Date.parse(a.firedAt) >= since.getTime(),
    );
  }

  async commit(writes: AlertWrite[]) {
    const hook = this.beforeCommit;
    this.beforeCommit = undefined;
    hook?.();
    const conflicts = new Set<string>();
    for (const write of writes) {
      const current = this.alerts.get(write.after.id);
      const applies = write.before
        ? current !== undefined &&
          unchangedFields(write.before, write.after, current)
        : current === undefined;
      if (!applies) {
        conflicts.add(write.after.id);
        continue;
      }
      this.alerts.set(
        write.after.id,
        mergeChanged(write.before, write.after, current),
      );
      for (const e of write.events) {
        this.events.push({
          alertId: e.alertId,
          type: e.type,
          actor: e.actor,
          at: e.at.toISOString(),
          details: e.details,
        });
      }
      if (write.audit) this.audit.push(write.audit);
    }
    return { conflicts };
  }
}

const FIELDS: Array<keyof Alert> = [
  'entityRef',
  'routing',
  'name',
  'severity',
  'state',
  'monitorCondition',
  'targetResourceId',
  'description',
  'firedAt',
  'resolvedAt',
  'condition',
];

function same(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Every field the write changes still holds its `before` value. */
function unchangedFields(before: Alert, after: Alert, current: Alert) {
  return FIELDS.every(
    f => same(before[f], after[f]) || same(before[f], current[f]),
  );
}

/** The current alert with only the written fields changed, as the store does. */
function mergeChanged(
  before: Alert | undefined,
  after: Alert,
  current: Alert | undefined,
): Alert {
  if (!before || !current) return after;
  const merged: Record<string, unknown> = {
    ...current,
    updatedAt: after.updatedAt,
  };
  for (const f of FIELDS) {
    if (!same(before[f], after[f])) merged[f] = after[f];
  }
  return merged as Alert;
}

/** Azure's Alerts Management: snapshots to list, and a record of state changes asked for. */
export class FakeAlertSource implements AlertSource {
  snapshots: AlertSnapshot[] = [];
  readonly changes: Array<{ id: AzureAlertId; state: string }> = [];
  failWith?: Error;

  async listAlerts() {
    if (this.failWith) throw this.failWith;
    return this.snapshots;
  }

  async changeState(id: AzureAlertId, state: string) {
    if (this.failWith) throw this.failWith;
    this.changes.push({ id, state });
  }
}

/** Remembers every batch of changed alerts it is told about. */
export class RecordingListener implements AlertChangeListener {
  readonly batches: Alert[][] = [];

  async alertsChanged(alerts: Alert[]) {
    this.batches.push(alerts);
  }

  get alerts(): Alert[] {
    return this.batches.flat();
  }
}

/** Keeps what would go to Backstage's auditor. */
export class RecordingMirror implements AuditMirror {
  readonly entries: AuditEntry[] = [];

  record(entry: AuditEntry) {
    this.entries.push(entry);
  }
}
