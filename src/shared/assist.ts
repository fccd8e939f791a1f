// Smart service 智能服务 (SPEC §10, seed 002 §4): the problem types a consultation is classified into, the kinds of
// knowledge entries and the customer's reactions to an FAQ auto-answer. Zod-free so web and widget can use it.
export { complaintCategories, type ComplaintCategory } from './work-orders.js';

/** What a consultation is about (问题类型); complaint 投诉 also gets a complaint category. */
export const problemTypes = [
  'product',
  'shipping',
  'return_exchange',
  'refund',
  'invoice',
  'payment',
  'order_change',
  'promotion',
  'account',
  'after_sale',
  'complaint',
  'other',
] as const;
export type ProblemType = (typeof problemTypes)[number];

/** faq: a question with its phrasings and answer (auto-answered); article: longer reading for agents. */
export const knowledgeKinds = ['faq', 'article'] as const;
export type KnowledgeKind = (typeof knowledgeKinds)[number];

/** Unified reply templates 统一回复模板 (seed 002 §3) are used only once approved. */
export const templateStatuses = ['pending', 'approved', 'rejected'] as const;
export type TemplateStatus = (typeof templateStatuses)[number];

/** The customer's answer to an FAQ auto-answer: this solved it / talk to a person. */
export const autoAnswerReactions = ['solved', 'handover'] as const;
export type AutoAnswerReaction = (typeof autoAnswerReactions)[number];

export const classificationSources = ['auto', 'agent'] as const;
export type ClassificationSource = (typeof classificationSources)[number];
