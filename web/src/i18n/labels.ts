// Translation keys of the shared enums (roles, groups, statuses, presence, sources), so labels never show raw codes.
import type { Role } from '@shared/roles.js';
import type { AgentStatus, GroupKind } from '@shared/schemas/team.js';
import type { Locale } from '@shared/locales.js';
import type { ConversationStatus, EntrySource, PresenceStatus, RoutingGroup } from '@shared/chat.js';
import type { AutoReply, AutoReplyKind, QuickReplyScope } from '@shared/schemas/replies.js';
import type { ChatRating } from '@shared/schemas/chat.js';

export const roleLabelKey = (role: Role) => `roles.${role}` as const;
export const groupKindLabelKey = (kind: GroupKind) => `groupKinds.${kind}` as const;
export const agentStatusLabelKey = (status: AgentStatus) => `agentStatuses.${status}` as const;

const localeKeys = { 'zh-CN': 'language.zhCN', en: 'language.en' } as const satisfies Record<Locale, string>;
export const localeLabelKey = (locale: Locale) => localeKeys[locale];

export const presenceLabelKey = (status: PresenceStatus) => `presence.${status}` as const;
export const sourceLabelKey = (source: EntrySource) => `chat.sources.${source}` as const;
export const conversationStatusLabelKey = (status: ConversationStatus) => `chat.statuses.${status}` as const;
export const routingGroupLabelKey = (group: RoutingGroup) => `groupKinds.${group}` as const;
export const quickReplyScopeLabelKey = (scope: QuickReplyScope) => `quickReplies.scopes.${scope}` as const;
export const autoReplyKindLabelKey = (kind: AutoReplyKind) => `autoReplies.kinds.${kind}` as const;
export const autoReplyStateLabelKey = (state: AutoReply['state']) => `autoReplies.states.${state}` as const;
export const ratingScoreLabelKey = (score: ChatRating['score']) => `workspace.rating.${score}` as const;
