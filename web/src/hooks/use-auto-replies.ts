// Auto-replies of the shop: the greeting, out-of-hours and queue texts, and promotions with their periods.
import { createPromotion, deleteAutoReply, listAutoReplies, updateAutoReply } from '../api/replies-api';
import { useCrudList } from './use-crud-list';

const calls = {
  list: listAutoReplies,
  create: createPromotion,
  update: updateAutoReply,
  remove: deleteAutoReply,
};

export function useAutoReplies() {
  const { items, ...rest } = useCrudList('auto-replies', calls);
  return { replies: items, ...rest };
}
