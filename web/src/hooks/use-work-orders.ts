// Work orders: the filtered list and one work order's detail, both kept live by 'workorder:updated' pushes.
import { useCallback, useState } from 'react';
import type { WorkOrder, WorkOrderDetail } from '@shared/schemas/work-orders.js';
import { getWorkOrder, listWorkOrders, type WorkOrderQuery } from '../api/work-orders-api';
import { useAgentSocket, useSocketEvent } from './use-agent-socket';
import { useApiQuery } from './use-api-query';

export function useWorkOrders(query: WorkOrderQuery) {
  const { reconnects } = useAgentSocket();
  const result = useApiQuery(`work-orders:${JSON.stringify(query)}#${reconnects}`, () =>
    listWorkOrders(query),
  );
  const { reload } = result;
  // A change may move a work order into or out of the filter: the list is asked again.
  useSocketEvent('workorder:updated', () => reload());
  return { workOrders: result.data ?? [], loading: result.loading, error: result.error, reload };
}

export function useWorkOrder(id: string) {
  const { reconnects } = useAgentSocket();
  const result = useApiQuery(`work-order:${id}#${reconnects}`, () => getWorkOrder(id));
  const { reload } = result;
  const [latest, setLatest] = useState<WorkOrderDetail | undefined>(undefined);
  const detail =
    latest && result.data && latest.workOrder.version > result.data.workOrder.version ? latest : result.data;

  useSocketEvent('workorder:updated', (workOrder: WorkOrder) => {
    if (workOrder.id === id && (!detail || workOrder.version > detail.workOrder.version)) reload();
  });

  /** An answer of one of our own changes replaces what is shown at once. */
  const accept = useCallback((next: WorkOrderDetail) => setLatest(next), []);
  return { detail, loading: result.loading && !detail, error: result.error, reload, accept };
}
