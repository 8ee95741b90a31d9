import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '@backstage/errors';
import type { CooldownClaim, NewRun, RunStore } from './ports';
import type { RunbookCatalog } from './RunbookCatalog';
import { announce, runAudit, type RunAnnouncer } from './runEvents';
import {
  AUTOMATION_ACTOR,
  requiresApproval,
  type RunbookDefinition,
  type RunRecord,
} from './types';

/**
 * Only alerts that fired this recently start runs. An alert the portal first
 * sees hours after it fired (history imported by reconciliation, a backend
 * that was down) was handled or not back then; restarting the app now for
 * it would surprise everyone.
 */
export const TRIGGER_MAX_AGE_MS = 30 * 60_000;

export interface RunRequestsOptions extends RunAnnouncer {
  catalog: RunbookCatalog;
  store: RunStore;
  /** Minutes a run waits for approval before it expires. */
  pendingExpiryMinutes: number;
  /** Starts executing an approved run (in the background). */
  execute: (runId: string) => void;
  now?: () => Date;
}

/**
 * Creates runs: by hand from the runbook list, or when an alert fires whose
 * rule is a runbook's trigger. Runs that need no approval execute at once;
 * the others wait as pending_approval.
 */
export class RunRequests {
  constructor(private readonly options: RunRequestsOptions) {}

  async request(input: {
    entityRef: string;
    runbookId: string;
    actor: string;
    reason?: string;
  }): Promise<RunRecord> {
    const definition = this.options.catalog.get(
      input.entityRef,
      input.runbookId,
    );
    if (!definition) {
      throw new NotFoundError(
        `${input.entityRef} has no runbook ${input.runbookId}`,
      );
    }
    const run = await this.create(definition, {
      entityRef: input.entityRef,
      actor: input.actor,
      reason: input.reason ?? null,
      triggerAlert: null,
      dedupeKey: null,
      approvalReason: null,
    });
    // Without a dedupe key creation always stores the run.
    return run!;
  }

  /** {@link RunRequests.alertsChanged} for one alert. */
  async alertChanged(alert: Alert): Promise<void> {
    await this.alertsChanged([alert]);
  }

  /**
   * Called for every batch of alert changes; starts runs for a firing alert
   * once per firing (the dedupe key holds the fired time), so replays,
   * acknowledgements and reconciliation passes change nothing; and only for
   * recent firings ({@link TRIGGER_MAX_AGE_MS}).
   *
   * Only an alert of the System's own stack (routed by its resource group)
   * may run anything on its own: one routed by a label or the webhook URL
   * says who it is about, not that it is, so its run waits for approval.
   * A firing whose runbook already waits for approval attaches to that
   * request ("3 firings") instead of queuing a second one.
   *
   * A storm fires one rule for many alerts at once: where one run stands
   * for several firings (it waits for approval, or it holds a cooldown),
   * the batch's first firing is handled on its own and the others are
   * counted towards the run it led to, in one write, instead of one run
   * (mostly "skipped") per alert.
   */
  async alertsChanged(alerts: Alert[]): Promise<void> {
    const now = this.options.now?.() ?? new Date();
    const groups = new Map<
      string,
      { definition: RunbookDefinition; firings: Alert[] }
    >();
    for (const alert of alerts) {
      if (!this.mayTrigger(alert, now)) continue;
      for (const definition of this.options.catalog.triggeredBy(alert)) {
        const waits = this.waits(definition, alert);
        if (!waits && definition.cooldownMinutes <= 0) {
          // Every firing runs: nothing to share.
          await this.fire(definition, alert, now);
          continue;
        }
        const key = `${alert.entityRef}|${definition.id}|${waits}`;
        const group = groups.get(key) ?? { definition, firings: [] };
        group.firings.push(alert);
        groups.set(key, group);
      }
    }
    for (const { definition, firings } of groups.values()) {
      let anchor: RunRecord | undefined;
      let next = 0;
      // A replayed firing leads to no run: the next one decides.
      while (!anchor && next < firings.length) {
        anchor = await this.fire(definition, firings[next++], now);
      }
      const rest = firings.slice(next);
      if (anchor && rest.length > 0) {
        await this.attachRest(anchor, definition, rest, now);
      }
    }
  }

  private mayTrigger(alert: Alert, now: Date): boolean {
    if (!alert.entityRef) return false;
    if (alert.monitorCondition !== 'Fired' || alert.state === 'Closed') {
      return false;
    }
    return now.getTime() - Date.parse(alert.firedAt) <= TRIGGER_MAX_AGE_MS;
  }

  private waits(definition: RunbookDefinition, alert: Alert): boolean {
    return (
      alert.routing !== 'resource-group' || requiresApproval(definition.actions)
    );
  }

  /** One firing of one runbook: attached to a waiting request, or a new run; the run it led to. */
  private async fire(
    definition: RunbookDefinition,
    alert: Alert,
    now: Date,
  ): Promise<RunRecord | undefined> {
    const entityRef = alert.entityRef!;
    const ownStack = alert.routing === 'resource-group';
    const dedupeKey = firingKey(definition, alert);
    if (this.waits(definition, alert)) {
      const waiting = await this.attach(definition, alert, dedupeKey, now);
      if (waiting) return waiting;
    }
    return this.create(definition, {
      entityRef,
      actor: AUTOMATION_ACTOR,
      reason: `${alert.name} fired at ${alert.firedAt}`,
      triggerAlert: { id: alert.id, name: alert.name },
      dedupeKey,
      approvalReason: ownStack
        ? null
        : `the alert reached ${entityRef} by ${
            alert.routing === 'label' ? 'its label' : 'the webhook URL'
          }, not by the System's resource group: automatic actions need an approval`,
    });
  }

  /** Counts the batch's other firings towards the run the first one led to. */
  private async attachRest(
    run: RunRecord,
    definition: RunbookDefinition,
    alerts: Alert[],
    now: Date,
  ): Promise<void> {
    const result = await this.options.store.attachFirings({
      runId: run.id,
      firings: alerts.map(alert => ({
        dedupeKey: firingKey(definition, alert),
        at: now,
      })),
      audit: (stored, attached) =>
        runAudit(stored, AUTOMATION_ACTOR, 'run.firing-attached', now, {
          alerts: alerts.slice(0, 20).map(a => a.id),
          attached,
          firings: stored.firings,
        }),
    });
    if (result && result.attached > 0) {
      await announce(this.options, result.run, []);
    }
  }

  /** Attaches the firing to a request waiting for approval; that request, or undefined when none waits. */
  private async attach(
    definition: RunbookDefinition,
    alert: Alert,
    dedupeKey: string,
    now: Date,
  ): Promise<RunRecord | undefined> {
    const attached = await this.options.store.attachFiring({
      entityRef: alert.entityRef!,
      runbookId: definition.id,
      dedupeKey,
      at: now,
      audit: run =>
        runAudit(run, AUTOMATION_ACTOR, 'run.firing-attached', now, {
          alert: alert.id,
          firedAt: alert.firedAt,
          firings: run.firings,
        }),
    });
    if (!attached) return undefined;
    if (attached.attached) {
      await announce(this.options, attached.run, []);
    }
    return attached.run;
  }

  private async create(
    definition: RunbookDefinition,
    input: {
      entityRef: string;
      actor: string;
      reason: string | null;
      triggerAlert: { id: string; name: string } | null;
      dedupeKey: string | null;
      /** Why a runbook that needs none still waits for an approval. */
      approvalReason: string | null;
    },
  ): Promise<RunRecord | undefined> {
    const now = this.options.now?.() ?? new Date();
    const needsApproval =
      requiresApproval(definition.actions) || input.approvalReason !== null;
    const run: NewRun = {
      id: randomUUID(),
      entityRef: input.entityRef,
      runbookId: definition.id,
      runbookName: definition.name,
      status: needsApproval ? 'pending_approval' : 'approved',
      requiresApproval: needsApproval,
      requestedBy: input.actor,
      requestedAt: now.toISOString(),
      reason: input.reason,
      triggerAlert: input.triggerAlert,
      expiresAt: needsApproval
        ? new Date(
            now.getTime() + this.options.pendingExpiryMinutes * 60_000,
          ).toISOString()
        : null,
      actions: definition.actions,
      dedupeKey: input.dedupeKey,
      firings: 1,
    };
    // Only alert-started automatic runs are held back by the cooldown: a
    // person asking for a restart means it.
    const details = {
      reason: input.reason,
      alert: input.triggerAlert?.id ?? null,
      approval: needsApproval ? 'required' : 'not required',
      ...(input.approvalReason ? { approvalReason: input.approvalReason } : {}),
    };
    const audit = runAudit(run, input.actor, 'run.requested', now, details);
    let cooldown: CooldownClaim | undefined;
    if (
      !needsApproval &&
      input.triggerAlert &&
      definition.cooldownMinutes > 0
    ) {
      const error = `Skipped: ${definition.name} already ran automatically within its ${definition.cooldownMinutes} min cooldown`;
      cooldown = {
        key: cooldownKey(input.entityRef, definition),
        until: new Date(now.getTime() + definition.cooldownMinutes * 60_000),
        whenHeld: {
          error,
          audit: runAudit(run, input.actor, 'run.skipped', now, {
            ...details,
            error,
          }),
        },
      };
    }
    const stored = await this.options.store.create(run, audit, cooldown);
    if (!stored) return undefined;
    await announce(this.options, stored, [
      stored.status === 'skipped' ? cooldown!.whenHeld.audit : audit,
    ]);
    if (stored.status === 'approved') this.options.execute(stored.id);
    return stored;
  }
}

/** One firing of an alert for one runbook: replays and other replicas see the same key. */
function firingKey(definition: RunbookDefinition, alert: Alert): string {
  return `${definition.id}|${alert.id}|${alert.firedAt}`;
}

/** One cooldown per runbook and the resources it acts on, within a System. */
export function cooldownKey(
  entityRef: string,
  definition: RunbookDefinition,
): string {
  const resources = definition.actions
    .map(action => action.resource.toLocaleLowerCase('en-US'))
    .sort()
    .join(',');
  return `${entityRef}|${definition.id}|${resources}`;
}
