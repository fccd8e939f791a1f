// The order CSV import: upload a file, then poll its job until it is done (progress, counts, bad rows).
import { useCallback, useEffect, useState } from 'react';
import type { OrderImportDetail } from '@shared/schemas/orders.js';
import { getOrderImport, listOrderImports, startOrderImport } from '../api/orders-api';
import { toApiError, type ApiError } from '../api/client';
import { useApiQuery } from './use-api-query';

const pollMs = 500;

export function useOrderImport() {
  const [job, setJob] = useState<OrderImportDetail | null>(null);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [uploading, setUploading] = useState(false);
  const recent = useApiQuery('order-imports', listOrderImports);
  const reloadRecent = recent.reload;

  const upload = useCallback((file: File) => {
    setUploading(true);
    setError(undefined);
    setJob(null);
    startOrderImport(file).then(
      (started) => {
        setUploading(false);
        setJob({ ...started, errors: [] });
      },
      (failure: unknown) => {
        setUploading(false);
        setError(toApiError(failure));
      },
    );
  }, []);

  const running = job?.status === 'running';
  const jobId = job?.id;
  useEffect(() => {
    if (!running || !jobId) return undefined;
    const timer = setTimeout(() => {
      getOrderImport(jobId).then(
        (latest) => {
          setJob(latest);
          if (latest.status !== 'running') reloadRecent();
        },
        (failure: unknown) => setError(toApiError(failure)),
      );
    }, pollMs);
    return () => clearTimeout(timer);
  }, [running, jobId, job, reloadRecent]);

  return { job, error, uploading, upload, recent: recent.data ?? [] };
}
