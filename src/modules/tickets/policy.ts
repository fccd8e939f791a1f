// Who may see and handle which work orders: supervisors all of the shop's; others those they created or hold, the
// complaint team those handed to it, department members those handed to their department.
import type { WorkOrderTable } from '../../db/schema.js';
import type { Actor } from '../../server/actor.js';
import type { Visibility } from './repo.js';

export interface WorkOrderViewer {
  actor: Actor;
  departmentId: string | null;
}

export function visibilityOf(viewer: WorkOrderViewer): Visibility {
  if (viewer.actor.permissions.has('workorder.supervise')) return { all: true };
  return {
    all: false,
    userId: viewer.actor.userId,
    complaintTeam: viewer.actor.role === 'complaint_team',
    departmentId: viewer.departmentId,
  };
}

export function canHandle(viewer: WorkOrderViewer, row: WorkOrderTable): boolean {
  const visibility = visibilityOf(viewer);
  if (visibility.all) return true;
  return (
    row.createdBy === visibility.userId ||
    row.assigneeId === visibility.userId ||
    (visibility.complaintTeam && row.complaintTeam === 1) ||
    (visibility.departmentId !== null && row.departmentId === visibility.departmentId)
  );
}

/** A team member acting on work their team holds with nobody named takes it on (breaches then name them). */
export function claimsOnAction(viewer: WorkOrderViewer, row: WorkOrderTable): boolean {
  if (row.assigneeId !== null || viewer.actor.permissions.has('workorder.supervise')) return false;
  return (
    (row.complaintTeam === 1 && viewer.actor.role === 'complaint_team') ||
    (row.departmentId !== null && row.departmentId === viewer.departmentId)
  );
}
