import type {
  Alert,
  Runbook,
} from '@sre-control-center/plugin-sre-control-center-common';
import { requiresApproval, runbookIdOf, type RunbookDefinition } from './types';

/** One runbook as the SRE agent's runbook file writes it (`sreControlCenter.runbooks`). */
export interface RunbookFileEntry {
  name: string;
  description?: string;
  system?: string;
  trigger?: { alert: string };
  condition?: string;
  cooldown_minutes: number;
  actions: RunbookDefinition['actions'];
}

/** The configured runbooks, per System, and the alerts that trigger them. */
export class RunbookCatalog {
  static fromConfig(entries: RunbookFileEntry[]): RunbookCatalog {
    return new RunbookCatalog(
      entries.map(entry => ({
        id: runbookIdOf(entry.name),
        name: entry.name,
        description: entry.description ?? null,
        system: entry.system ?? null,
        trigger: entry.trigger ?? null,
        condition: entry.condition ?? null,
        cooldownMinutes: entry.cooldown_minutes,
        actions: entry.actions,
      })),
    );
  }

  constructor(private readonly definitions: RunbookDefinition[]) {}

  forProject(entityRef: string): RunbookDefinition[] {
    return this.definitions.filter(
      definition => !definition.system || definition.system === entityRef,
    );
  }

  get(entityRef: string, runbookId: string): RunbookDefinition | undefined {
    return this.forProject(entityRef).find(d => d.id === runbookId);
  }

  /** Runbooks whose trigger is the alert's rule (names compare case-insensitively). */
  triggeredBy(alert: Alert): RunbookDefinition[] {
    const rule = alert.name.toLocaleLowerCase('en-US');
    if (!alert.entityRef) return [];
    return this.forProject(alert.entityRef).filter(
      definition =>
        definition.trigger?.alert.toLocaleLowerCase('en-US') === rule,
    );
  }

  /** The API view: definitions plus the open alerts that would trigger each now. */
  describe(entityRef: string, openAlerts: Alert[]): Runbook[] {
    return this.forProject(entityRef).map(definition => ({
      id: definition.id,
      name: definition.name,
      description: definition.description,
      trigger: definition.trigger,
      condition: definition.condition,
      actions: definition.actions,
      requiresApproval: requiresApproval(definition.actions),
      cooldownMinutes: definition.cooldownMinutes,
      triggeredBy: openAlerts
        .filter(
          alert =>
            alert.monitorCondition === 'Fired' &&
            alert.state !== 'Closed' &&
            this.triggeredBy(alert).includes(definition),
        )
        .map(alert => ({
          alertId: alert.id,
          name: alert.name,
          firedAt: alert.firedAt,
        })),
    }));
  }
}
