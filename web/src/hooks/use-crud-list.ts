// A list loaded from the API with create, update and delete calls that reload it afterwards.
import { useCallback } from 'react';
import { useApiQuery } from './use-api-query';

export interface CrudCalls<Item, CreateBody, UpdateBody> {
  list: () => Promise<Item[]>;
  create: (body: CreateBody) => Promise<Item>;
  update: (id: string, body: UpdateBody) => Promise<Item>;
  remove: (id: string) => Promise<unknown>;
}

export function useCrudList<Item, CreateBody, UpdateBody>(
  key: string,
  calls: CrudCalls<Item, CreateBody, UpdateBody>,
) {
  const query = useApiQuery(key, calls.list);
  const { reload } = query;
  const { create: createCall, update: updateCall, remove: removeCall } = calls;

  const create = useCallback(
    async (body: CreateBody) => {
      const item = await createCall(body);
      reload();
      return item;
    },
    [createCall, reload],
  );
  const update = useCallback(
    async (id: string, body: UpdateBody) => {
      const item = await updateCall(id, body);
      reload();
      return item;
    },
    [updateCall, reload],
  );
  const remove = useCallback(
    async (id: string) => {
      await removeCall(id);
      reload();
    },
    [removeCall, reload],
  );

  return {
    items: query.data ?? [],
    loading: query.loading,
    error: query.error,
    reload,
    create,
    update,
    remove,
  };
}
