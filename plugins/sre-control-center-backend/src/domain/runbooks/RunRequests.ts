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

  /**
   * Called for every alert change; starts runs for a firing alert once per
   * firing (the dedupe key holds the fired time), so replays, acknowledgements
   * and reconciliation passes change nothing; and only for recent firings
   * ({@link TRIGGER_MAX_AGE_MS}).
   *
   * Only an alert of the System's own stack (routed by its resource group)
   * may run anything on its own: one routed by a label or the webhook URL
   * says who it is about, not that it is, so its run waits for approval.
   * A firing whose runbook already waits for approval attaches to that
   * request ("3 firings") instead of queuing a second one.
   */
  async alertChanged(alert: Alert): Promise<void> {
    const { entityRef } = alert;
    if (!entityRef) return;
    if (alert.monitorCondition !== 'Fired' || alert.state === 'Closed') return;
    const now = this.options.now?.() ?? new Date();
    if (now.getTime() - Date.parse(alert.firedAt) > TRIGGER_MAX_AGE_MS) return;
    const ownStack = alert.routing === 'resource-group';
    for (const definition of this.options.catalog.triggeredBy(alert)) {
      const dedupeKey = `${definition.id}|${alert.id}|${alert.firedAt}`;
      const waits = !ownStack || requiresApproval(definition.actions);
      if (waits && (await this.attach(definition, alert, dedupeKey, now))) {
        continue;
      }
      await this.create(definition, {
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
  }

  /** Attaches the firing to a request waiting for approval; false when none waits. */
  private async attach(
    definition: RunbookDefinition,
    alert: Alert,
    dedupeKey: string,
    now: Date,
  ): Promise<boolean> {
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
    if (!attached) return false;
    if (attached.attached) {
      await announce(this.options, attached.run, []);
    }
    return true;
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
