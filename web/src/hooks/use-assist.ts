// Reply suggestions and the classification of the open conversation, refetched when the customer writes again.
import { getClassification, listSuggestions } from '../api/knowledge-api';
import { useApiQuery } from './use-api-query';

export function useSuggestions(conversationId: string, lastCustomerSeq: number) {
  return useApiQuery(`suggestions:${conversationId}:${lastCustomerSeq}`, () =>
    lastCustomerSeq > 0 ? listSuggestions(conversationId) : Promise.resolve([]),
  );
}

export function useClassification(conversationId: string, lastCustomerSeq: number) {
  return useApiQuery(`classification:${conversationId}:${lastCustomerSeq}`, () =>
    lastCustomerSeq > 0 ? getClassification(conversationId) : Promise.resolve(null),
  );
}
