import type {
  RunbookAction,
  RunbookRun,
} from '@sre-control-center/plugin-sre-control-center-common';

/** A configured runbook, as the domain uses it. */
export interface RunbookDefinition {
  /** Stable id derived from the name. */
  id: string;
  name: string;
  description: string | null;
  /** Only this System may run it; null: every System. */
  system: string | null;
  trigger: { alert: string } | null;
  condition: string | null;
  cooldownMinutes: number;
  actions: RunbookAction[];
}

/**
 * A run as stored: the API's run without the caller-specific `decision`, plus
 * the actions it was requested with (a config change never alters a run that
 * is already waiting).
 */
export type RunRecord = Omit<RunbookRun, 'decision'> & {
  actions: RunbookAction[];
};

/** An action bound to the System's Azure resources. */
export interface ResolvedAction {
  action: RunbookAction;
  /** The System the run is for. */
  entityRef: string;
  /** ARM id of the resource (site, plan or PostgreSQL flexible server), lower-cased. */
  resourceId: string;
}

/** The actor of runs that alerts start. */
export const AUTOMATION_ACTOR = 'automation';

/** `Restart App Service on High Response Time` → `restart-app-service-on-high-response-time`. */
export function runbookIdOf(name: string): string {
  return name
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function requiresApproval(actions: RunbookAction[]): boolean {
  return actions.some(action => action.approval_required);
}
