import { ComponentType, useCallback, useEffect, useState } from 'react';
import { Progress, WarningPanel } from '@backstage/core-components';
import Button from '@mui/material/Button';

/**
 * A card whose code is its own chunk. Unlike `React.lazy`, a chunk that fails
 * to load (the browser went offline, a redeploy removed the old chunk) takes
 * out this card only, not the tab around it, and is fetched again when the
 * browser comes back online or on Retry.
 */
export function lazyCard<P extends object>(
  title: string,
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  function LazyCard(props: P) {
    const [attempt, setAttempt] = useState(0);
    const [loaded, setLoaded] = useState<{
      Card?: ComponentType<P>;
      error?: Error;
    }>({});
    const retry = useCallback(() => setAttempt(n => n + 1), []);
    useEffect(() => {
      let live = true;
      load().then(
        Card => live && setLoaded({ Card }),
        error => live && setLoaded({ error }),
      );
      return () => {
        live = false;
      };
    }, [attempt]);
    const failed = Boolean(loaded.error);
    useEffect(() => {
      if (!failed) return undefined;
      window.addEventListener('online', retry);
      return () => window.removeEventListener('online', retry);
    }, [failed, retry]);

    if (loaded.Card) return <loaded.Card {...props} />;
    if (loaded.error) {
      return (
        <WarningPanel
          severity="warning"
          defaultExpanded
          title={`The ${title} card could not be loaded`}
          message={loaded.error.message}
        >
          <Button size="small" onClick={retry}>
            Retry
          </Button>
        </WarningPanel>
      );
    }
    return <Progress />;
  }
  LazyCard.displayName = `LazyCard(${title})`;
  return LazyCard;
}
