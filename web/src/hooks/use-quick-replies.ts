// Quick replies I can use: the shop's and my own; create, change and delete them.
import { createQuickReply, deleteQuickReply, listQuickReplies, updateQuickReply } from '../api/replies-api';
import { useCrudList } from './use-crud-list';

const calls = {
  list: listQuickReplies,
  create: createQuickReply,
  update: updateQuickReply,
  remove: deleteQuickReply,
};

export function useQuickReplies() {
  const { items, ...rest } = useCrudList('quick-replies', calls);
  return { replies: items, ...rest };
}
