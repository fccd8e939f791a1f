// My SLA warnings and breaches whose clocks still run: loaded, then kept live by 'sla:alert' pushes.
import { useState } from 'react';
import type { SlaAlert } from '@shared/schemas/sla.js';
import { listSlaAlerts } from '../api/work-orders-api';
import { useAgentSocket, useSocketEvent } from './use-agent-socket';
import { useApiQuery } from './use-api-query';

export function useSlaAlerts(myUserId: string) {
  const { reconnects } = useAgentSocket();
  const query = useApiQuery(`sla-alerts#${reconnects}`, () => listSlaAlerts({ scope: 'mine', open: 'true' }));
  const [pushed, setPushed] = useState<SlaAlert[]>([]);
  useSocketEvent('sla:alert', (alert) => {
    // Supervisors hear the whole shop's; the badge counts the ones attributed to me.
    if (alert.agentId === myUserId) setPushed((held) => [alert, ...held.filter((a) => a.id !== alert.id)]);
  });
  const loaded = query.data ?? [];
  const alerts = [...pushed.filter((alert) => !loaded.some((held) => held.id === alert.id)), ...loaded];
  return { alerts, reload: query.reload };
}
