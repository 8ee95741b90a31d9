import { useEffect } from 'react';

/** How often lists are reloaded when signals (push) are not available. */
export const POLL_WITHOUT_SIGNALS_MS = 15_000;
/**
 * With signals, lists are still reloaded now and then: pushes sent while
 * the socket was down are not replayed.
 */
export const LIVE_REFRESH_MS = 60_000;

/**
 * Calls `refresh` every `intervalMs`, when the tab becomes visible again and
 * when the browser comes back online. Signals sent while the page slept or
 * the socket was reconnecting are lost (the signal API does not say when it
 * reconnects), so these are the moments the page may have missed something.
 */
export function useRefreshTriggers(refresh: () => void, intervalMs: number) {
  useEffect(() => {
    const timer = setInterval(refresh, intervalMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('online', refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', refresh);
    };
  }, [refresh, intervalMs]);
}
