// A tiny data-fetching hook: load on mount and whenever the key changes, keep the last data while reloading.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api/client';

export interface ApiQuery<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** True until the answer for the current key (and reload) has arrived. */
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  key: string;
  data: T | undefined;
  error: ApiError | undefined;
}

/** `key` names what is fetched (include every parameter); a new key fetches again. */
export function useApiQuery<T>(key: string, fetcher: () => Promise<T>): ApiQuery<T> {
  const [version, setVersion] = useState(0);
  const requestKey = `${key}#${version}`;
  const [settled, setSettled] = useState<Settled<T>>({ key: '', data: undefined, error: undefined });
  const fetcherRef = useRef(fetcher);

  useLayoutEffect(() => {
    fetcherRef.current = fetcher;
  });

  useEffect(() => {
    let current = true;
    fetcherRef.current().then(
      (data) => {
        if (current) setSettled({ key: requestKey, data, error: undefined });
      },
      (error: unknown) => {
        if (current)
          setSettled((previous) => ({ key: requestKey, data: previous.data, error: toApiError(error) }));
      },
    );
    return () => {
      current = false;
    };
  }, [requestKey]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { data: settled.data, error: settled.error, loading: settled.key !== requestKey, reload };
}
