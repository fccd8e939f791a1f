// Translation keys of the shared enums (roles, group kinds, statuses), so enum labels never appear as raw codes.
import type { Role } from '@shared/roles.js';
import type { AgentStatus, GroupKind } from '@shared/schemas/team.js';
import type { Locale } from '@shared/locales.js';

export const roleLabelKey = (role: Role) => `roles.${role}` as const;
export const groupKindLabelKey = (kind: GroupKind) => `groupKinds.${kind}` as const;
export const agentStatusLabelKey = (status: AgentStatus) => `agentStatuses.${status}` as const;

const localeKeys = { 'zh-CN': 'language.zhCN', en: 'language.en' } as const satisfies Record<Locale, string>;
export const localeLabelKey = (locale: Locale) => localeKeys[locale];
