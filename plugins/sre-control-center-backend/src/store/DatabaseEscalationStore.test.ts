import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { type Knex } from 'knex';
import type { AuditEntry } from '../domain/audit';
import type { NewEscalation } from '../domain/escalation';
import { DatabaseEscalationStore } from './DatabaseEscalationStore';
import { migrationsDir } from './migrations';

jest.setTimeout(60_000);

const SYSTEM = 'system:default/mindful-moments';
const T0 = new Date('2026-12-01T12:00:00Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const audit = (action: string): AuditEntry => ({
  entityRef: SYSTEM,
  actor: 'sre-control-center',
  action,
  target: null,
  at: T0,
  details: { summary: action },
});

function escalation(alertId: string, due = T0): NewEscalation {
  return {
    alertId,
    alertName: 'alert-high-response-time',
    entityRef: SYSTEM,
    policy: 'mindful-moments',
    urgency: 'high',
    state: 'active',
    level: 0,
    round: 0,
    nextStepAt: due,
    startedAt: T0,
  };
}

async function addAlert(knex: Knex, id: string) {
  await knex('alerts').insert({
    id,
    entity_ref: SYSTEM,
    name: 'alert-high-response-time',
    severity: 'Sev1',
    state: 'New',
    monitor_condition: 'Fired',
    fired_at: T0,
    updated_at: T0,
  });
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });

describe.each(databases.eachSupportedId())(
  'DatabaseEscalationStore on %p',
  databaseId => {
    let knex: Knex;
    /** A second connection pool to the same database: another replica. */
    let other: Knex;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      other =
        knex.client.config.client === 'pg'
          ? knexFactory({
              client: 'pg',
              connection: knex.client.config.connection,
            })
          : knex;
    });

    afterAll(async () => {
      if (other !== knex) await other.destroy();
    });

    it('starts one escalation per alert, whichever replica is first', async () => {
      await addAlert(knex, 'alertmanager:once');
      const a = new DatabaseEscalationStore(knex);
      const b = new DatabaseEscalationStore(other);
      const results = await Promise.all([
        a.create(escalation('alertmanager:once'), audit('escalation.started')),
        b.create(escalation('alertmanager:once'), audit('escalation.started')),
        a.create(escalation('alertmanager:once'), audit('escalation.started')),
      ]);
      expect(results.filter(r => r.created)).toHaveLength(1);
      expect(new Set(results.map(r => r.escalation.id)).size).toBe(1);
      const audited = await knex('audit_log').where(
        'action',
        'escalation.started',
      );
      expect(audited).toHaveLength(1);
    });

    it('says which alerts have an escalation, in parts of a few hundred', async () => {
      await addAlert(knex, 'alertmanager:has-one');
      await new DatabaseEscalationStore(knex).create(
        escalation('alertmanager:has-one'),
        audit('escalation.started'),
      );
      const asked = [
        'alertmanager:has-one',
        ...Array.from({ length: 1200 }, (_, i) => `alertmanager:none-${i}`),
      ];
      expect(
        await new DatabaseEscalationStore(other).alertsWithEscalation(asked),
      ).toEqual(new Set(['alertmanager:has-one']));
    });

    it('leases each due step to one replica, and lets a dead holder’s lease run out', async () => {
      // Only this test's escalations are due.
      await knex('escalations').update({ state: 'stopped' });
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) {
        await addAlert(knex, `alertmanager:claim-${i}`);
        ids.push(
          (
            await new DatabaseEscalationStore(knex).create(
              escalation(`alertmanager:claim-${i}`),
              audit('escalation.started'),
            )
          ).escalation.id,
        );
      }
      const a = new DatabaseEscalationStore(knex);
      const b = new DatabaseEscalationStore(other);
      const claims = await Promise.all(
        [a, b, a, b].map((store, i) =>
          store.claimDue({
            holder: i % 2 ? 'b' : 'a',
            now: at(1),
            leaseMs: 60_000,
            limit: 4,
          }),
        ),
      );
      const claimed = claims.flat().map(e => e.id);
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed.filter(id => ids.includes(id)).length).toBe(
        claimed.length,
      );

      // Nothing is due for another replica while the leases hold.
      expect(
        await b.claimDue({
          holder: 'c',
          now: at(2),
          leaseMs: 60_000,
          limit: 50,
        }),
      ).toHaveLength(ids.length - claimed.length);
      // A holder that died: its steps are due again after the lease.
      const again = await b.claimDue({
        holder: 'c',
        now: at(62),
        leaseMs: 60_000,
        limit: 50,
      });
      expect(again.length).toBe(ids.length);
      // The dead holder cannot advance what it lost.
      const first = claims.flat()[0];
      expect(
        await a.advance(first.id, 'a', {
          level: 1,
          round: 0,
          nextStepAt: at(120),
        }),
      ).toBe(false);
      expect(
        await b.advance(first.id, 'c', {
          level: 1,
          round: 0,
          nextStepAt: at(120),
        }),
      ).toBe(true);
    });

    it('records an attempt once, with a history line and an audit entry; outcomes change only while the call is open', async () => {
      await addAlert(knex, 'alertmanager:attempt');
      const a = new DatabaseEscalationStore(knex);
      const b = new DatabaseEscalationStore(other);
      const { escalation: e } = await a.create(
        escalation('alertmanager:attempt'),
        audit('escalation.started'),
      );
      const context = {
        alertId: 'alertmanager:attempt',
        alertName: 'alert-high-response-time',
        entityRef: SYSTEM,
      };
      const attempt = {
        escalationId: e.id,
        level: 1,
        round: 0,
        channel: 'phone' as const,
        target: 'user:default/guest',
        phoneNumber: '+4915100000001',
        outcome: 'calling' as const,
        detail: null,
        at: at(1),
      };
      const [x, y] = await Promise.all([
        a.addAttempt(attempt, context),
        b.addAttempt(attempt, context),
      ]);
      const made = [x, y].filter(Boolean);
      expect(made).toHaveLength(1);
      const id = made[0]!.id;
      await a.recordCall(id, 'acs', 'call-1');
      expect(
        await a.updateAttempt(
          id,
          {
            from: ['calling', 'ringing', 'answered'],
            outcome: 'acknowledged',
            detail: 'pressed 1',
            at: at(2),
          },
          context,
        ),
      ).toMatchObject({
        outcome: 'acknowledged',
        providerCallId: 'call-1',
        provider: 'acs',
      });
      // A retried callback after the end changes nothing.
      expect(
        await b.updateAttempt(
          id,
          {
            from: ['calling', 'ringing', 'answered'],
            outcome: 'no_answer',
            at: at(3),
          },
          context,
        ),
      ).toBeUndefined();
      const history = await knex('alert_events')
        .where({ alert_id: 'alertmanager:attempt', type: 'escalation' })
        .orderBy('id');
      expect(history.map(h => JSON.parse(h.details).outcome)).toEqual([
        'calling',
        'acknowledged',
      ]);
      expect(history[1].actor).toBe('user:default/guest');
      const audited = await knex('audit_log')
        .where({ action: 'escalation.attempt', target: 'alertmanager:attempt' })
        .orderBy('id');
      expect(JSON.parse(audited[1].details).summary).toBe(
        'alert-high-response-time: level 2 phone +4915100000001 to user:default/guest: acknowledged (pressed 1)',
      );

      // Finishing is conditional too: the second finish is a no-op.
      const ends = await Promise.all([
        a.finish(
          e.id,
          { state: 'acknowledged', endedBy: 'user:default/guest', at: at(2) },
          audit('escalation.acknowledged'),
        ),
        b.finish(
          e.id,
          { state: 'resolved', endedBy: null, at: at(2) },
          audit('escalation.resolved'),
        ),
      ]);
      expect(ends.filter(Boolean)).toHaveLength(1);
      const [listed] = await a.list({
        entityRef: SYSTEM,
        state: ends[0] ? 'acknowledged' : 'resolved',
        limit: 1,
      });
      expect(listed.id).toBe(e.id);
      expect(await a.attemptsOf([e.id])).toHaveLength(1);
    });

    it('hurries only the level it waits after', async () => {
      await addAlert(knex, 'alertmanager:hurry');
      const a = new DatabaseEscalationStore(knex);
      const { escalation: e } = await a.create(
        escalation('alertmanager:hurry', at(600)),
        audit('escalation.started'),
      );
      expect(await a.hurry(e.id, { level: 1, round: 0 }, at(1))).toBe(false);
      expect(await a.hurry(e.id, { level: 0, round: 0 }, at(1))).toBe(true);
      expect((await a.get(e.id))!.nextStepAt).toEqual(at(1));
    });
  },
);
