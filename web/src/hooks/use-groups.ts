// The shop's duty groups (售前/售中/售后) and the changes an administrator makes to them.
import { useCallback } from 'react';
import type { CreateGroupBody } from '../api/team-api';
import { createGroup, deleteGroup, listGroups, updateGroup } from '../api/team-api';
import { sortGroups } from '../rules/team';
import { useApiQuery } from './use-api-query';

export function useGroups() {
  const query = useApiQuery('groups', async () => sortGroups(await listGroups()));
  const { reload } = query;

  const create = useCallback(
    async (body: CreateGroupBody) => {
      const group = await createGroup(body);
      reload();
      return group;
    },
    [reload],
  );
  const rename = useCallback(
    async (id: string, name: string) => {
      const group = await updateGroup(id, { name });
      reload();
      return group;
    },
    [reload],
  );
  const remove = useCallback(
    async (id: string) => {
      await deleteGroup(id);
      reload();
    },
    [reload],
  );

  return {
    groups: query.data ?? [],
    loading: query.loading,
    error: query.error,
    reload,
    create,
    rename,
    remove,
  };
}
