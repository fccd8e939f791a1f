// The shop's agents, filtered on the server, and the account changes an administrator makes.
import { useCallback } from 'react';
import type { CreateAgentBody, UpdateAgentBody } from '@shared/schemas/team.js';
import type { AgentQuery } from '../api/team-api';
import { createAgent, listAgents, resetAgentPassword, updateAgent } from '../api/team-api';
import { useApiQuery } from './use-api-query';

export function useAgents(filter: AgentQuery) {
  const query = useApiQuery(`agents:${JSON.stringify(filter)}`, () => listAgents(filter));
  const { reload } = query;

  const create = useCallback(
    async (body: CreateAgentBody) => {
      const agent = await createAgent(body);
      reload();
      return agent;
    },
    [reload],
  );
  const update = useCallback(
    async (id: string, body: UpdateAgentBody) => {
      const agent = await updateAgent(id, body);
      reload();
      return agent;
    },
    [reload],
  );
  const resetPassword = useCallback(
    (id: string, password: string) => resetAgentPassword(id, { password }),
    [],
  );

  return {
    agents: query.data ?? [],
    loading: query.loading,
    error: query.error,
    reload,
    create,
    update,
    resetPassword,
  };
}
