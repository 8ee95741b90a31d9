import { useApi } from '@backstage/core-plugin-api';
import type {
  Escalation,
  OnCallResponse,
} from '@sre-control-center/plugin-sre-control-center-common';
import { sreControlCenterApiRef } from '../api';
import { useProjectResource } from './useProjectResource';

export interface OnCallView {
  onCall: OnCallResponse;
  /** Active escalations, newest first, with their attempts. */
  active: Escalation[];
}

/**
 * Who is on call for the project and its active escalations. Reloaded
 * when an escalation changes (a page, a call outcome, an end) and when
 * alerts change (an acknowledgement ends escalations).
 */
export function useOnCall(entityRef: string) {
  const api = useApi(sreControlCenterApiRef);
  const { value, error, loading, live, reload, mutate } = useProjectResource(
    entityRef,
    async (ref): Promise<OnCallView> => {
      const [onCall, active] = await Promise.all([
        api.getOnCall(ref),
        api.listEscalations(ref, 'active'),
      ]);
      return { onCall, active };
    },
    { signalTypes: ['escalations.changed', 'alerts.changed'] },
  );

  /** Stops one; it leaves the list at once, the reload confirms. */
  const stop = async (id: string) => {
    await api.stopEscalation(id);
    mutate(current => ({
      onCall: current!.onCall,
      active: current!.active.filter(e => e.id !== id),
    }));
    reload();
  };

  return {
    view: value,
    error: value === undefined ? error : undefined,
    loading,
    live,
    stop,
  };
}
