import type { MaintenanceWindow } from '@sre-control-center/plugin-sre-control-center-common';
import { normalizeArmId } from '../alerts/resourceIds';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import {
  findProject,
  type ProjectResolver,
  type ProjectScope,
} from '../projects';
import type { AuditEntry, AuditLog, AuditMirror } from '../audit';
import type { AlertSuppressions, MaintenancePublisher } from './ports';
import { MAINTENANCE_RULE_PREFIX, type SuppressionRule } from './types';

export interface MaintenanceWindowsOptions {
  projects: ProjectResolver;
  suppressions: AlertSuppressions;
  audit: AuditLog;
  /** Backstage's auditor gets every start and end too. */
  mirror?: AuditMirror;
  publisher: MaintenancePublisher;
  now?: () => Date;
}

const SIGNATURE = / \(started by (\S+) in the SRE Control Center\)$/;

/** The rule's description: readable in the Azure portal, and how the portal finds reason and person again. */
export function describeWindow(reason: string, actor: string): string {
  return `${reason} (started by ${actor} in the SRE Control Center)`;
}

/** `sre-cc-maintenance-20261128t101500123z`: sortable, and unique unless two start in the same millisecond. */
export function windowName(at: Date): string {
  return `${MAINTENANCE_RULE_PREFIX}${at
    .toISOString()
    .replace(/[-:.]/g, '')
    .toLowerCase()}`;
}

/**
 * Starts, lists and ends maintenance windows of a System. Azure is the only
 * record of a window (the rule and its schedule), so every replica and the
 * Azure portal see the same thing; the audit log records who did what.
 */
export class MaintenanceWindows {
  constructor(private readonly options: MaintenanceWindowsOptions) {}

  async start(
    entityRef: string,
    minutes: number,
    reason: string,
    actor: string,
  ): Promise<MaintenanceWindow> {
    const scope = await this.scopeOf(entityRef);
    const now = this.now();
    // The schedule has whole seconds; rounding down keeps the start in the past.
    const from = new Date(Math.floor(now.getTime() / 1000) * 1000);
    const until = new Date(from.getTime() + minutes * 60_000);
    const rule = await this.upstream('start the maintenance window', () =>
      this.options.suppressions.create({
        resourceGroupId: scope.resourceGroupId,
        name: windowName(now),
        description: describeWindow(reason, actor),
        from,
        until,
      }),
    );
    const window = this.toWindow(scope.entityRef, rule);
    if (!window) {
      throw new ServiceUnavailableError(
        `Azure stored alert processing rule ${rule.name} without the requested schedule`,
      );
    }
    await this.audit({
      entityRef: scope.entityRef,
      actor,
      action: 'maintenance.start',
      target: rule.id,
      at: now,
      details: { name: rule.name, reason, minutes, endsAt: window.endsAt },
    });
    await this.options.publisher.maintenanceChanged(scope.entityRef);
    await this.removeExpired(scope, rule.name);
    return window;
  }

  /** The System's windows that have not ended yet, ending soonest first. */
  async list(entityRef: string): Promise<MaintenanceWindow[]> {
    const scope = await this.scopeOf(entityRef);
    const rules = await this.upstream('read the maintenance windows', () =>
      this.options.suppressions.list(scope.resourceGroupId),
    );
    const now = this.now().getTime();
    return rules
      .filter(
        rule =>
          this.isOurs(rule) &&
          rule.enabled &&
          // A rule on one resource of the group does not silence the System.
          rule.scopes.some(
            s => normalizeArmId(s) === normalizeArmId(scope.resourceGroupId),
          ),
      )
      .map(rule => this.toWindow(scope.entityRef, rule))
      .filter((w): w is MaintenanceWindow => !!w)
      .filter(w => Date.parse(w.endsAt) > now)
      .sort((a, b) => a.endsAt.localeCompare(b.endsAt));
  }

  /** Ends an active window now by deleting its rule. */
  async end(
    entityRef: string,
    name: string,
    actor: string,
  ): Promise<MaintenanceWindow> {
    const scope = await this.scopeOf(entityRef);
    const window = (await this.list(scope.entityRef)).find(
      w => w.name.toLowerCase() === name.toLowerCase(),
    );
    if (!window) {
      throw new NotFoundError(
        `No active maintenance window ${name} for ${scope.entityRef}`,
      );
    }
    await this.upstream('end the maintenance window', () =>
      this.options.suppressions.delete(scope.resourceGroupId, window.name),
    );
    const at = this.now();
    await this.audit({
      entityRef: scope.entityRef,
      actor,
      action: 'maintenance.end',
      target: window.ruleId,
      at,
      details: {
        name: window.name,
        reason: window.reason,
        startedBy: window.startedBy,
        plannedEnd: window.endsAt,
      },
    });
    await this.options.publisher.maintenanceChanged(scope.entityRef);
    return window;
  }

  private async scopeOf(entityRef: string): Promise<ProjectScope> {
    const scope = await findProject(this.options.projects, entityRef);
    if (!scope) {
      throw new NotFoundError(
        `${entityRef} has no Azure resource group: add the sre-control-center/azure-resource-group annotation to the System`,
      );
    }
    return scope;
  }

  private isOurs(rule: SuppressionRule): boolean {
    return rule.name.toLowerCase().startsWith(MAINTENANCE_RULE_PREFIX);
  }

  private toWindow(
    entityRef: string,
    rule: SuppressionRule,
  ): MaintenanceWindow | undefined {
    if (!rule.window) return undefined;
    const description = rule.description ?? '';
    const signed = SIGNATURE.exec(description);
    return {
      name: rule.name,
      ruleId: rule.id,
      entityRef,
      reason: signed
        ? description.slice(0, signed.index)
        : description || 'no reason given',
      startedBy: signed ? signed[1] : rule.createdBy,
      startedAt: rule.window.from.toISOString(),
      endsAt: rule.window.until.toISOString(),
    };
  }

  /**
   * Our rules stay in Azure after their schedule ends; starting a window
   * tidies them up. Best effort: a failure here must not fail the start.
   */
  private async removeExpired(scope: ProjectScope, keep: string) {
    const now = this.now().getTime();
    try {
      const rules = await this.options.suppressions.list(scope.resourceGroupId);
      for (const rule of rules) {
        if (
          this.isOurs(rule) &&
          rule.name !== keep &&
          rule.window &&
          rule.window.until.getTime() <= now
        ) {
          await this.options.suppressions.delete(
            scope.resourceGroupId,
            rule.name,
          );
        }
      }
    } catch {
      // The next start tries again.
    }
  }

  private async upstream<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw new ServiceUnavailableError(
        `Azure did not let the portal ${what}: ${(error as Error).message}`,
      );
    }
  }

  private async audit(entry: AuditEntry): Promise<void> {
    await this.options.audit.append(entry);
    this.options.mirror?.record(entry);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
