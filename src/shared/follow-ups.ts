// Follow-up 回访 and feedback (SPEC §6): the kinds, statuses and sources every side (server, web) names the same
// way. Zod-free so the web app can use it without the schemas.

/**
 * phone: a phone follow-up within 2 workdays after a work order is resolved; consultation: the next-day follow-up of
 * a consultation (seed 003 §4 征询单第二日必须跟踪); questionnaire: within 2 weeks for important or repeat customers;
 * on_site: an on-site visit when the problem concerns product use.
 */
export const followUpKinds = ['phone', 'consultation', 'questionnaire', 'on_site'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

export const followUpStatuses = ['open', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

/** Who gets a rule's task: the agent who handled the work order or chat, or one named staff member. */
export const followUpOwnerModes = ['handler', 'user'] as const;
export type FollowUpOwnerMode = (typeof followUpOwnerModes)[number];

/** verdict: the three-level verdict on one work order; questionnaire: an admin's questionnaire. */
export const surveyKinds = ['verdict', 'questionnaire'] as const;
export type SurveyKind = (typeof surveyKinds)[number];

export const questionKinds = ['single_choice', 'scale', 'text'] as const;
export type QuestionKind = (typeof questionKinds)[number];

export const suggestionSources = [
  'chat',
  'call',
  'work_order',
  'follow_up',
  'questionnaire',
  'manual',
] as const;
export type SuggestionSource = (typeof suggestionSources)[number];

export const suggestionStatuses = ['open', 'adopted', 'declined'] as const;
export type SuggestionStatus = (typeof suggestionStatuses)[number];

/** The items of a customer's timeline 客户档案 (SPEC §6). */
export const timelineKinds = [
  'chat',
  'call',
  'work_order',
  'verdict',
  'follow_up',
  'rating',
  'suggestion',
  'survey',
  'order',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];
