// The shop's departments (warehouse, logistics, product…) that receive transferred work.
import { useCallback } from 'react';
import type { CreateDepartmentBody, UpdateDepartmentBody } from '../api/team-api';
import { createDepartment, deleteDepartment, listDepartments, updateDepartment } from '../api/team-api';
import { useApiQuery } from './use-api-query';

export function useDepartments() {
  const query = useApiQuery('departments', listDepartments);
  const { reload } = query;

  const create = useCallback(
    async (body: CreateDepartmentBody) => {
      const department = await createDepartment(body);
      reload();
      return department;
    },
    [reload],
  );
  const update = useCallback(
    async (id: string, body: UpdateDepartmentBody) => {
      const department = await updateDepartment(id, body);
      reload();
      return department;
    },
    [reload],
  );
  const remove = useCallback(
    async (id: string) => {
      await deleteDepartment(id);
      reload();
    },
    [reload],
  );

  return {
    departments: query.data ?? [],
    loading: query.loading,
    error: query.error,
    reload,
    create,
    update,
    remove,
  };
}
