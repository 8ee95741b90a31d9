import { TestDatabases } from '@backstage/backend-test-utils';
import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../domain/audit';
import {
  RunSweeper,
  type NewRun,
  type RunRecord,
  type RunRequests,
} from '../domain/runbooks';
import { DatabaseRunStore } from './DatabaseRunStore';
import { connectAndMigrate } from './migrations';
import { mockServices } from '@backstage/backend-test-utils';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });
const SYSTEM = 'system:default/mindful-moments';
const T0 = new Date('2026-11-30T10:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

function newRun(overrides: Partial<NewRun> = {}): NewRun {
  return {
    id: randomUUID(),
    entityRef: SYSTEM,
    runbookId: 'restart',
    runbookName: 'Restart',
    status: 'pending_approval',
    requiresApproval: true,
    requestedBy: 'user:default/sam.dev',
    requestedAt: T0.toISOString(),
    reason: null,
    triggerAlert: null,
    expiresAt: minutes(60).toISOString(),
    actions: [{ type: 'restart', resource: 'app', approval_required: true }],
    dedupeKey: null,
    firings: 1,
    ...overrides,
  };
}

const audit = (action: string, at = T0): AuditEntry => ({
  entityRef: SYSTEM,
  actor: 'test',
  action,
  target: null,
  at,
  details: null,
});

describe.each(databases.eachSupportedId())('DatabaseRunStore on %p', id => {
  async function store() {
    const knex = await databases.init(id);
    const db = await connectAndMigrate(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    return { db, runs: new DatabaseRunStore(db) };
  }

  it('stores one run per dedupe key', async () => {
    const { runs } = await store();
    const key = 'restart|alert-1|2026-11-30T10:00:00.000Z';
    const first = await runs.create(newRun({ dedupeKey: key }), audit('a'));
    const second = await runs.create(newRun({ dedupeKey: key }), audit('a'));
    expect(first?.status).toBe('pending_approval');
    expect(second).toBeUndefined();
    expect(await runs.list(SYSTEM, 10)).toHaveLength(1);
  });

  it('gives the cooldown to one automatic run until it runs out', async () => {
    const { runs } = await store();
    const automatic = (at: Date, n: number) =>
      runs.create(
        newRun({
          status: 'approved',
          requiresApproval: false,
          expiresAt: null,
          dedupeKey: `k${n}`,
        }),
        audit('run.requested', at),
        {
          key: 'cool',
          until: new Date(at.getTime() + 15 * 60_000),
          whenHeld: { error: 'held', audit: audit('run.skipped', at) },
        },
      );
    expect((await automatic(T0, 1))?.status).toBe('approved');
    const held = await automatic(minutes(5), 2);
    expect(held).toMatchObject({ status: 'skipped', error: 'held' });
    expect((await automatic(minutes(15), 3))?.status).toBe('approved');
  });

  it('lets exactly one of many concurrent approvals through', async () => {
    const { db, runs } = await store();
    const run = (await runs.create(newRun(), audit('run.requested')))!;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        runs.transition({
          id: run.id,
          transition: 'approve',
          patch: { decidedBy: `user:default/a${i}` },
          notExpiredAt: T0,
          approval: {
            approver: `user:default/a${i}`,
            decision: 'approved',
            comment: null,
            at: T0,
          },
          audit: [audit('run.approved')],
        }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db('approvals').where('run_id', run.id)).toHaveLength(1);
    expect(await db('audit_log').where('action', 'run.approved')).toHaveLength(
      1,
    );
  });

  it('refuses to approve after the expiry', async () => {
    const { runs } = await store();
    const run = (await runs.create(newRun(), audit('run.requested')))!;
    const late = await runs.transition({
      id: run.id,
      transition: 'approve',
      patch: {},
      notExpiredAt: minutes(61),
      audit: [],
    });
    expect(late).toBeUndefined();
  });

  it('sweeps: expires unanswered requests and flags runs whose executor died', async () => {
    const { runs } = await store();
    const pending = (await runs.create(newRun(), audit('run.requested')))!;
    const approved = (await runs.create(
      newRun({ status: 'approved', expiresAt: null }),
      audit('run.requested'),
    ))!;
    // A backend claimed it, then died: its lease ran out at T0 + 1 min.
    await runs.transition({
      id: approved.id,
      transition: 'claim',
      patch: { startedAt: T0.toISOString() },
      lease: { holder: 'dead-replica', until: minutes(1) },
      audit: [],
    });
    const changed: RunRecord[] = [];
    const executed: string[] = [];
    const sweeper = new RunSweeper({
      store: runs,
      publisher: { runChanged: async run => void changed.push(run) },
      alerts: { get: async () => undefined, firedSince: async () => [] },
      projects: {
        projectForResourceGroup: async () => undefined,
        listProjects: async () => [],
        isSystem: async () => false,
      },
      requests: {} as RunRequests,
      execute: runId => executed.push(runId),
      now: () => minutes(61),
    });
    await sweeper.sweep();
    expect((await runs.get(pending.id))?.status).toBe('expired');
    const interrupted = await runs.get(approved.id);
    expect(interrupted).toMatchObject({ status: 'interrupted' });
    expect(interrupted?.error).toMatch(/not re-run automatically/);
    expect(changed.map(r => r.status).sort()).toEqual([
      'expired',
      'interrupted',
    ]);
    expect(executed).toEqual([]);
    // Nothing more to do on a second pass.
    await sweeper.sweep();
    expect(changed).toHaveLength(2);
  });
});
