import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Loads once, then again whenever `reload` is called, and keeps the last
 * answer on screen meanwhile. Unlike react-use's useAsyncRetry, a reload
 * asked for while a request is under way is not dropped: it starts a new
 * request, and only the answer to the latest one is kept. Pass a `load`
 * wrapped in useCallback; a new `load` (another project) starts afresh.
 */
export function useReloadable<T>(load: () => Promise<T>) {
  const [state, setState] = useState<{ value?: T; error?: Error }>({});
  const latest = useRef(0);

  const reload = useCallback(() => {
    const call = ++latest.current;
    load().then(
      value => {
        if (call === latest.current) setState({ value });
      },
      (error: Error) => {
        if (call === latest.current) setState(s => ({ ...s, error }));
      },
    );
  }, [load]);

  useEffect(() => {
    setState({});
    reload();
  }, [reload]);

  return {
    value: state.value,
    /** Set when the latest request failed; `value` is then the one before. */
    error: state.error,
    loading: state.value === undefined && state.error === undefined,
    reload,
  };
}
