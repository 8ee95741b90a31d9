import { useApi } from '@backstage/core-plugin-api';
import { useEffect, useState } from 'react';
import { sreControlCenterApiRef } from '../api';
import { defaultInterval, useProjectResource } from './useProjectResource';

/** Without signals (push), look again this often. */
export const MAINTENANCE_POLL_MS = 60_000;
/** setTimeout's ceiling; a window ending later is looked at again by then. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** `maintenance.changed` is one message per change. */
const MAINTENANCE_SIGNAL_DELAY_MS = 100;

/**
 * The System's active maintenance windows, kept current: reloaded when the
 * backend signals `maintenance.changed` (a window started or ended anywhere),
 * when the soonest window's end passes, and on the shared triggers.
 * `windows` is undefined while loading, after an error, and when the System
 * has no Azure resource group.
 */
export function useMaintenance(entityRef: string) {
  const api = useApi(sreControlCenterApiRef);
  const { value, error, loading, reload } = useProjectResource(
    entityRef,
    ref => api.listMaintenance(ref),
    {
      signalTypes: ['maintenance.changed'],
      signalDelayMs: MAINTENANCE_SIGNAL_DELAY_MS,
      intervalMs: (_, live) =>
        live ? defaultInterval(live) : MAINTENANCE_POLL_MS,
    },
  );

  // Azure ends a window on its own: at its end, drop it here and ask again.
  const [now, setNow] = useState(() => Date.now());
  const windows = value?.filter(w => Date.parse(w.endsAt) > now);
  const soonestEnd = windows?.length
    ? Math.min(...windows.map(w => Date.parse(w.endsAt)))
    : undefined;
  useEffect(() => {
    if (soonestEnd === undefined) return undefined;
    const timer = setTimeout(() => {
      setNow(Date.now());
      reload();
    }, Math.min(Math.max(soonestEnd - Date.now(), 0) + 500, MAX_TIMER_MS));
    return () => clearTimeout(timer);
  }, [soonestEnd, reload]);

  return { windows, error, loading, reload };
}
