// The staff notes chat writes into a conversation's history (transfers and reassignments), in the shop's language.
import type { RoutingGroup } from '../../shared/chat.js';
import type { Locale } from '../../shared/locales.js';

export interface HandOverNote {
  kind: 'transfer' | 'assign' | 'reassign';
  by: string;
  from: string | null;
  to?: string;
  toGroup?: RoutingGroup;
  note: string;
}

const groupNames: Record<Locale, Record<RoutingGroup, string>> = {
  'zh-CN': { pre_sale: '售前组', after_sale: '售后组' },
  en: { pre_sale: 'pre-sale group', after_sale: 'after-sale group' },
};

export function chatNote(locale: Locale, note: HandOverNote): string {
  const target = note.toGroup ? groupNames[locale][note.toGroup] : (note.to ?? '');
  const zh = locale === 'zh-CN';
  let text: string;
  if (note.kind === 'transfer') {
    text = zh ? `${note.by} 将会话转接给 ${target}` : `${note.by} transferred the chat to ${target}`;
  } else if (note.kind === 'assign') {
    text = zh ? `${note.by} 将排队会话分配给 ${target}` : `${note.by} assigned the queued chat to ${target}`;
  } else {
    text = zh
      ? `${note.by} 将会话从 ${note.from ?? ''} 改派给 ${target}`
      : `${note.by} reassigned the chat from ${note.from ?? ''} to ${target}`;
  }
  if (note.note) text += zh ? `；备注：${note.note}` : `; note: ${note.note}`;
  return text;
}
