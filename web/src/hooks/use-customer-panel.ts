// The customer beside the chat: identity, masked phone and past conversations.
import { fetchCustomerPanel } from '../api/chat-api';
import { useApiQuery } from './use-api-query';

export function useCustomerPanel(customerId: string, refreshKey: string) {
  const query = useApiQuery(`customer:${customerId}:${refreshKey}`, () => fetchCustomerPanel(customerId));
  return { panel: query.data, loading: query.loading, error: query.error, reload: query.reload };
}
