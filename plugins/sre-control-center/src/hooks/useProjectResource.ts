import { useApiHolder } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import {
  signalChannelFor,
  type OperationsSignal,
  type ProjectSignal,
} from '@sre-control-center/plugin-sre-control-center-common';
import { useCallback, useEffect, useRef, useState } from 'react';

/** How often data is reloaded when signals (push) are not available. */
export const POLL_WITHOUT_SIGNALS_MS = 15_000;
/**
 * With signals, data is still reloaded now and then: pushes sent while the
 * socket was down are not replayed (the signal API does not say when it
 * reconnects).
 */
export const LIVE_REFRESH_MS = 60_000;
/** A burst of pushes (a run's approve → run → succeed) costs one reload. */
export const SIGNAL_RELOAD_DELAY_MS = 1_000;

/** The default interval: polling without signals, a slow safety net with them. */
export function defaultInterval(live: boolean): number {
  return live ? LIVE_REFRESH_MS : POLL_WITHOUT_SIGNALS_MS;
}

/** A message on one of the Control Center's signal channels. */
export type ControlCenterSignal = ProjectSignal | OperationsSignal;

/** How {@link useProjectResource} loads and when it reloads. */
export interface ProjectResourceOptions<R, T> {
  /**
   * Anything besides the entity ref the answer depends on (filters): when
   * it changes, the value is dropped and loaded afresh, as for another project.
   */
  key?: string;
  /**
   * The signal channel to listen on instead of the project's
   * (`OPERATIONS_SIGNAL_CHANNEL` for the operators' lists).
   */
  channel?: string;
  /** Pushes on the channel that make it reload (once per burst). */
  signalTypes?: ReadonlyArray<ControlCenterSignal['type']>;
  /** How long after the last push of a burst the reload starts. */
  signalDelayMs?: number;
  /**
   * Every message on the project's channel, for hooks that merge pushed
   * items into their value with `mutate` instead of reloading.
   */
  onSignal?: (
    signal: ControlCenterSignal,
    mutate: (update: (current: T | undefined) => T) => void,
  ) => void;
  /**
   * Time from one settled load to the next, given the value on screen and
   * whether signals are available. Defaults to {@link defaultInterval}.
   */
  intervalMs?: (value: T | undefined, live: boolean) => number;
  /**
   * How an answer joins the value on screen; by default it replaces it.
   * Merging keeps pushes that arrived while the request was under way.
   */
  merge?: (current: T | undefined, fetched: R) => T;
}

/** What {@link useProjectResource} gives its hook. */
export interface ProjectResource<T> {
  /** The last answer (or merged value); kept on screen while reloading and after a failed reload. */
  value: T | undefined;
  /** Set when the latest request failed; `value` is then the one before. */
  error: Error | undefined;
  /** True until the first answer, error or mutation. */
  loading: boolean;
  /** Loads again now. A reload asked for during a request starts a new one; only the latest answer counts. */
  reload: () => void;
  /** Changes the value on screen (a pushed item, the user's own change). */
  mutate: (update: (current: T | undefined) => T) => void;
  /** Whether the signal API (push) is available. */
  live: boolean;
}

/**
 * The one way the Control Center's hooks load and refresh a project's data.
 *
 * `R` is what the fetcher answers, `T` the value on screen (the same
 * unless `merge` combines answers with it).
 *
 * Loads `fetcher(entityRef, current)` once, then again:
 * - shortly after a push of one of `signalTypes` on the project's signal
 *   channel `sre-control-center:<entityRef>` (once per burst);
 * - when the tab becomes visible again and when the browser comes back
 *   online: the moments when pushes may have been missed;
 * - `intervalMs` after the last load settled (polling without signals).
 *
 * An empty entity ref (an alert no System claims, the operators' lists)
 * listens to no project channel (`channel` may name another).
 * Another entity ref or `key` starts afresh; answers to requests of the
 * previous one are dropped. The fetcher may change on every render (the
 * latest one is called).
 */
export function useProjectResource<R, T = R>(
  entityRef: string,
  fetcher: (entityRef: string, current: T | undefined) => Promise<R>,
  options: ProjectResourceOptions<R, T> = {},
): ProjectResource<T> {
  const signals = useApiHolder().get(signalApiRef);
  const live = Boolean(signals);
  const [state, setState] = useState<{
    value?: T;
    error?: Error;
    settled: number;
  }>({ settled: 0 });
  const latest = useRef({ fetcher, options, value: state.value });
  latest.current = { fetcher, options, value: state.value };
  const call = useRef(0);
  const resetKey = `${entityRef}\n${options.key ?? ''}`;

  const reload = useCallback(() => {
    const mine = ++call.current;
    const { fetcher: fetch, options: opts, value } = latest.current;
    fetch(entityRef, value).then(
      fetched =>
        mine === call.current &&
        setState(s => ({
          value: opts.merge
            ? opts.merge(s.value, fetched)
            : (fetched as unknown as T),
          settled: s.settled + 1,
        })),
      (error: Error) =>
        mine === call.current &&
        setState(s => ({ ...s, error, settled: s.settled + 1 })),
    );
    // resetKey: a new project gets a new reload (and drops old answers).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resetKey]);

  useEffect(() => {
    setState({ settled: 0 });
    latest.current.value = undefined;
    reload();
  }, [reload]);

  const mutate = useCallback(
    (update: (current: T | undefined) => T) =>
      setState(s => ({ ...s, value: update(s.value) })),
    [],
  );

  // Pushes on the project's channel.
  const signalTypes = (options.signalTypes ?? []).join(',');
  const { signalDelayMs = SIGNAL_RELOAD_DELAY_MS } = options;
  const channel =
    options.channel ?? (entityRef ? signalChannelFor(entityRef) : undefined);
  useEffect(() => {
    if (!signals || !channel) return undefined;
    const wanted = new Set(signalTypes.split(','));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const { unsubscribe } = signals.subscribe(channel, message => {
      const signal = message as ControlCenterSignal;
      latest.current.options.onSignal?.(signal, mutate);
      if (!wanted.has(signal.type)) return;
      clearTimeout(timer);
      timer = setTimeout(reload, signalDelayMs);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [signals, channel, signalTypes, signalDelayMs, reload, mutate]);

  // Back from a sleeping tab or a lost network.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('online', reload);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', reload);
    };
  }, [reload]);

  // The interval runs from the last settled load, whatever started it.
  const interval = (options.intervalMs ?? ((_, l) => defaultInterval(l)))(
    state.value,
    live,
  );
  useEffect(() => {
    if (state.settled === 0) return undefined;
    const timer = setTimeout(reload, interval);
    return () => clearTimeout(timer);
  }, [state.settled, interval, reload]);

  return {
    value: state.value,
    error: state.error,
    // An answer may be undefined (no figures yet): that is loaded too.
    loading: state.settled === 0 && state.value === undefined,
    reload,
    mutate,
    live,
  };
}
