// The call log with its filters, the week's spot-check sample, and the actions on a record (reloading after each).
import { useCallback, useState } from 'react';
import type { QueryParams } from '../api/client';
import { listCalls, spotCheckSample } from '../api/calls-api';
import { useApiQuery } from './use-api-query';

export function useCallLog(filter: QueryParams) {
  const key = JSON.stringify(filter);
  return useApiQuery(`calls:${key}`, () => listCalls(filter));
}

export function useSpotCheckSample(enabled: boolean) {
  return useApiQuery(`calls-sample:${String(enabled)}`, () =>
    enabled ? spotCheckSample() : Promise.resolve(undefined),
  );
}

/** Runs one action on a record at a time; `busy` names the record being changed. */
export function useCallAction(onDone: () => void, onError: (message: string) => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback(
    (id: string, action: () => Promise<unknown>) => {
      setBusy(id);
      action().then(
        () => {
          setBusy(null);
          onDone();
        },
        (error: unknown) => {
          setBusy(null);
          onError(error instanceof Error ? error.message : String(error));
        },
      );
    },
    [onDone, onError],
  );
  return { busy, run };
}
