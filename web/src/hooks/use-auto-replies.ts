// Auto-replies of the shop: the greeting, out-of-hours and queue texts, and promotions with their periods.
import { useCallback } from 'react';
import {
  createPromotion,
  deleteAutoReply,
  listAutoReplies,
  updateAutoReply,
  type CreatePromotionBody,
  type UpdateAutoReplyBody,
} from '../api/replies-api';
import { useApiQuery } from './use-api-query';

export function useAutoReplies() {
  const query = useApiQuery('auto-replies', listAutoReplies);
  const { reload } = query;

  const create = useCallback(
    async (body: CreatePromotionBody) => {
      const reply = await createPromotion(body);
      reload();
      return reply;
    },
    [reload],
  );
  const update = useCallback(
    async (id: string, body: UpdateAutoReplyBody) => {
      const reply = await updateAutoReply(id, body);
      reload();
      return reply;
    },
    [reload],
  );
  const remove = useCallback(
    async (id: string) => {
      await deleteAutoReply(id);
      reload();
    },
    [reload],
  );

  return {
    replies: query.data ?? [],
    loading: query.loading,
    error: query.error,
    reload,
    create,
    update,
    remove,
  };
}
