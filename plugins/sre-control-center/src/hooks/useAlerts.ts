import { useApi } from '@backstage/core-plugin-api';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  signalChannelFor,
  type Alert,
  type ProjectSignal,
} from '@internal/plugin-sre-control-center-common';
import { useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sreControlCenterApiRef } from '../api';
import { mergeAlert } from './mergeAlert';

/** How often the list is reloaded when signals (push) are not available. */
export const POLL_INTERVAL_MS = 15_000;

/**
 * The newest alerts of one project, kept live: alerts pushed on the
 * project's signal channel are merged in as they arrive; without signals the
 * list is polled.
 */
export function useAlerts(entityRef: string) {
  const api = useApi(sreControlCenterApiRef);
  const { lastSignal, isSignalsAvailable } = useSignal<ProjectSignal>(
    signalChannelFor(entityRef),
  );
  const loaded = useAsyncRetry(
    () => api.listAlerts({ entityRef, limit: 50 }),
    [api, entityRef],
  );
  const [items, setItems] = useState<Alert[] | undefined>(undefined);

  useEffect(() => {
    if (loaded.value) setItems(loaded.value.items);
  }, [loaded.value]);

  useEffect(() => {
    if (lastSignal?.type === 'alert.changed') {
      setItems(current => mergeAlert(current ?? [], lastSignal.alert));
    }
  }, [lastSignal]);

  const { retry } = loaded;
  useEffect(() => {
    if (isSignalsAvailable) return undefined;
    const timer = setInterval(retry, POLL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [isSignalsAvailable, retry]);

  return {
    items,
    /** Shows an alert the user just changed, before its signal arrives. */
    showChanged: (alert: Alert) =>
      setItems(current => mergeAlert(current ?? [], alert)),
    // A reload keeps the list on screen; only the first load shows progress.
    loading: loaded.loading && items === undefined,
    error: items === undefined ? loaded.error : undefined,
    live: isSignalsAvailable,
  };
}
