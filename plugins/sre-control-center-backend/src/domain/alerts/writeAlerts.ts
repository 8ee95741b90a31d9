import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import { ConflictError } from '@backstage/errors';
import type { AlertLedger, AlertRepository, AlertWrite } from './ports';

/** Fresh reads before giving up on alerts that others keep changing. */
export const MAX_WRITE_ROUNDS = 5;

/**
 * Optimistic writes: reads the alerts, lets `decide` say what each one
 * becomes, commits, and decides again, on a fresh read, for the alerts
 * someone else changed in between (a webhook, the reconciler and a person
 * acknowledging may all race). Nothing is locked; nobody's change is lost.
 * Resolves the writes that were applied.
 */
export async function writeAlerts(
  store: { alerts: AlertRepository; ledger: AlertLedger },
  ids: string[],
  decide: (current: Map<string, Alert>, ids: string[]) => AlertWrite[],
): Promise<AlertWrite[]> {
  let pending = [...new Set(ids)];
  const applied: AlertWrite[] = [];
  for (let round = 0; round < MAX_WRITE_ROUNDS; round++) {
    const writes = decide(await store.alerts.getMany(pending), pending);
    if (writes.length === 0) return applied;
    const { conflicts } = await store.ledger.commit(writes);
    applied.push(...writes.filter(w => !conflicts.has(w.after.id)));
    if (conflicts.size === 0) return applied;
    pending = [...conflicts];
  }
  throw new ConflictError(
    `Alerts changed by others ${MAX_WRITE_ROUNDS} times in a row: ${pending
      .slice(0, 5)
      .join(', ')}`,
  );
}
