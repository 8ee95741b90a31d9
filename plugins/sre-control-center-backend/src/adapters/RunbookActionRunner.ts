import type { RunbookActionType } from '@sre-control-center/plugin-sre-control-center-common';
import type { ActionRunner } from '../domain/runbooks/ports';
import type { ResolvedAction } from '../domain/runbooks/types';

/** Sends each runbook action to the adapter for its type. */
export class RunbookActionRunner implements ActionRunner {
  constructor(
    private readonly byType: Record<RunbookActionType, ActionRunner>,
  ) {}

  run(resolved: ResolvedAction, signal: AbortSignal): Promise<string> {
    return this.byType[resolved.action.type].run(resolved, signal);
  }
}
