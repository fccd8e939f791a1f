// The shop's departments (warehouse, logistics, product…) that receive transferred work.
import { createDepartment, deleteDepartment, listDepartments, updateDepartment } from '../api/team-api';
import { useCrudList } from './use-crud-list';

const calls = {
  list: listDepartments,
  create: createDepartment,
  update: updateDepartment,
  remove: deleteDepartment,
};

export function useDepartments() {
  const { items, ...rest } = useCrudList('departments', calls);
  return { departments: items, ...rest };
}
