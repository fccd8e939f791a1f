// Quick replies I can use: the shop's and my own; create, change and delete them.
import { useCallback } from 'react';
import {
  createQuickReply,
  deleteQuickReply,
  listQuickReplies,
  updateQuickReply,
  type CreateQuickReplyBody,
  type UpdateQuickReplyBody,
} from '../api/replies-api';
import { useApiQuery } from './use-api-query';

export function useQuickReplies() {
  const query = useApiQuery('quick-replies', listQuickReplies);
  const { reload } = query;

  const create = useCallback(
    async (body: CreateQuickReplyBody) => {
      const reply = await createQuickReply(body);
      reload();
      return reply;
    },
    [reload],
  );
  const update = useCallback(
    async (id: string, body: UpdateQuickReplyBody) => {
      const reply = await updateQuickReply(id, body);
      reload();
      return reply;
    },
    [reload],
  );
  const remove = useCallback(
    async (id: string) => {
      await deleteQuickReply(id);
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
