import { useApiHolder } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import {
  signalChannelFor,
  type ProjectSignal,
} from '@sre-control-center/plugin-sre-control-center-common';
import { useEffect } from 'react';

/** A burst of pushes (a run's approve → run → succeed) costs one reload. */
export const SIGNAL_RELOAD_DELAY_MS = 1_000;

/**
 * Calls `reload` shortly after a push of one of `types` on the project's
 * signal channel, once per burst. Returns whether signals are available.
 */
export function useReloadOnSignal(
  entityRef: string,
  types: ReadonlyArray<ProjectSignal['type']>,
  reload: () => void,
): boolean {
  const signals = useApiHolder().get(signalApiRef);
  // A string, so that callers may pass a fresh array literal on each render.
  const typeList = types.join(',');
  useEffect(() => {
    if (!signals) return undefined;
    const wanted = new Set(typeList.split(','));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const { unsubscribe } = signals.subscribe(
      signalChannelFor(entityRef),
      message => {
        if (!wanted.has((message as ProjectSignal).type)) return;
        clearTimeout(timer);
        timer = setTimeout(reload, SIGNAL_RELOAD_DELAY_MS);
      },
    );
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [signals, entityRef, typeList, reload]);
  return Boolean(signals);
}
