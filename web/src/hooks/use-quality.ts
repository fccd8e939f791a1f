// Data of the quality and discipline pages: the sample queue, a workspace, my inspections, appeals, the ledger.
import { App } from 'antd';
import { useCallback, useState } from 'react';
import { toApiError } from '../api/client';
import {
  getLedger,
  getWorkspace,
  listAppeals,
  listInspections,
  listSamples,
  listScorecards,
} from '../api/quality-api';
import { useApiQuery } from './use-api-query';

export const useSamples = (week: string | undefined, status: 'open' | 'done' | 'all', enabled: boolean) =>
  useApiQuery(`qa-samples:${week ?? ''}:${status}:${String(enabled)}`, () =>
    enabled ? listSamples(week, status) : Promise.resolve([]),
  );

export const useWorkspace = (id: string) => useApiQuery(`qa-workspace:${id}`, () => getWorkspace(id));

export const useMyInspections = () => useApiQuery('qa-inspections', listInspections);

export const useAppeals = (enabled: boolean) =>
  useApiQuery(`appeals:${String(enabled)}`, () => (enabled ? listAppeals('all') : Promise.resolve([])));

export const useScorecards = () => useApiQuery('qa-scorecards', listScorecards);

export const useLedger = (month: string | undefined, userId: string | undefined) =>
  useApiQuery(`ledger:${month ?? ''}:${userId ?? ''}`, () => getLedger(month, userId));

export { useCallAction as useAction } from './use-calls';

/** Sends one change at a time: `saving` while it runs, its result to `onSaved`, its error as a message. */
export function useSave() {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const save = useCallback(
    <R>(action: () => Promise<R>, onSaved: (result: R) => void) => {
      setSaving(true);
      action().then(
        (result) => {
          setSaving(false);
          onSaved(result);
        },
        (error: unknown) => {
          setSaving(false);
          void message.error(toApiError(error).message);
        },
      );
    },
    [message],
  );
  return { saving, save };
}
