// The audit log, newest first, one page at a time: a new filter starts over, "load more" follows the cursor.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AuditEntry } from '@shared/schemas/audit.js';
import { listAudit, type AuditQuery } from '../api/audit-api';
import { toApiError, type ApiError } from '../api/client';

const pageSize = 50;

export type AuditFilter = Omit<AuditQuery, 'before' | 'limit'>;

interface Loaded {
  /** The filter and reload count these entries were read for. */
  key: string;
  items: AuditEntry[];
  nextCursor: string | null;
  error: ApiError | undefined;
}

export function useAuditLog(filter: AuditFilter) {
  const [version, setVersion] = useState(0);
  const requestKey = `${JSON.stringify(filter)}#${version}`;
  const [loaded, setLoaded] = useState<Loaded>({ key: '', items: [], nextCursor: null, error: undefined });
  const [loadingMore, setLoadingMore] = useState(false);
  const filterRef = useRef(filter);

  useLayoutEffect(() => {
    filterRef.current = filter;
  });

  useEffect(() => {
    let current = true;
    listAudit({ ...filterRef.current, limit: pageSize }).then(
      (page) => {
        if (current)
          setLoaded({ key: requestKey, items: page.items, nextCursor: page.nextCursor, error: undefined });
      },
      (error: unknown) => {
        if (current) setLoaded({ key: requestKey, items: [], nextCursor: null, error: toApiError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [requestKey]);

  const { key: loadedKey, nextCursor } = loaded;
  const loadMore = useCallback(async () => {
    if (!nextCursor || loadedKey !== requestKey) return;
    setLoadingMore(true);
    try {
      const page = await listAudit({ ...filterRef.current, before: nextCursor, limit: pageSize });
      setLoaded((previous) =>
        previous.key === loadedKey
          ? {
              ...previous,
              items: [...previous.items, ...page.items],
              nextCursor: page.nextCursor,
              error: undefined,
            }
          : previous,
      );
    } catch (error) {
      setLoaded((previous) =>
        previous.key === loadedKey ? { ...previous, error: toApiError(error) } : previous,
      );
    } finally {
      setLoadingMore(false);
    }
  }, [loadedKey, nextCursor, requestKey]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  const current = loaded.key === requestKey;

  return {
    entries: current ? loaded.items : [],
    error: current ? loaded.error : undefined,
    loading: !current,
    hasMore: current && nextCursor !== null,
    loadingMore,
    loadMore,
    reload,
  };
}
