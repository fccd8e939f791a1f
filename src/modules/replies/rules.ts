// Auto-reply rules (SPEC §3): which replies a chat gets, and a promotion's state from its validity period.
import type { Locale } from '../../shared/locales.js';
import type { AutoReply, AutoReplyKind } from '../../shared/schemas/replies.js';

export interface AutoReplyRule {
  kind: AutoReplyKind;
  text: string;
  enabled: boolean;
  startsAt: number | null;
  endsAt: number | null;
}

/** active: sent now; scheduled: not yet started; expired: past its end (sent no more); disabled: switched off. */
export function autoReplyState(reply: AutoReplyRule, now: number): AutoReply['state'] {
  if (reply.kind === 'promotion' && reply.endsAt !== null && now >= reply.endsAt) return 'expired';
  if (!reply.enabled) return 'disabled';
  if (reply.kind === 'promotion' && reply.startsAt !== null && now < reply.startsAt) return 'scheduled';
  return 'active';
}

/** The replies of one kind that are sent at `now`; promotions switch themselves off when their period ends. */
export function activeReplies<T extends AutoReplyRule>(
  replies: readonly T[],
  kind: AutoReplyKind,
  now: number,
): T[] {
  return replies.filter((reply) => reply.kind === kind && autoReplyState(reply, now) === 'active');
}

/** The texts a new shop starts with; variables are filled by renderTemplate. */
export const defaultAutoReplies: Record<Locale, Record<Exclude<AutoReplyKind, 'promotion'>, string>> = {
  'zh-CN': {
    greeting: '您好，欢迎光临{shopName}！我是客服{agentName}，很高兴为您服务，请问有什么可以帮您？',
    off_hours:
      '您好，现在是非工作时间（客服在线时间 {opensAt}–{closesAt}）。请留下您的问题和联系方式，我们会在 {replyBy} 前回复您。',
    queue: '当前咨询人数较多，您排在第 {position} 位，请您稍候，客服会尽快为您服务。',
  },
  en: {
    greeting: 'Hello and welcome to {shopName}! I am {agentName}. How can I help you?',
    off_hours:
      'Hello, our agents are offline now (service hours {opensAt}–{closesAt}). Leave your question and contact details and we will reply by {replyBy}.',
    queue:
      'Many customers are waiting; you are number {position} in the queue. An agent will be with you soon.',
  },
};
