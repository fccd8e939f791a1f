// The header's 在线 / 忙碌 / 离开 / 离线 switch, showing the current presence with its colour (for staff who take chats).
import { App, Badge, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { presenceStatuses, type PresenceStatus } from '@shared/chat.js';
import { toApiError } from '../api/client';
import { useMyPresence } from '../hooks/use-my-presence';
import { presenceLabelKey } from '../i18n/labels';

export const presenceColors: Record<PresenceStatus, string> = {
  online: '#52c41a',
  busy: '#faad14',
  away: '#8c8c8c',
  offline: '#d9d9d9',
};

export function PresenceSwitch() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { status, listed, change } = useMyPresence();

  const onChange = (next: PresenceStatus) => {
    change(next).catch((error: unknown) => {
      void message.error(t('presence.changeFailed', { message: toApiError(error).message }));
    });
  };

  // Staff the agent board does not list (no duty group) receive no chats, so they have no presence to set.
  if (listed === false) return null;

  return (
    <Select<PresenceStatus>
      data-testid="presence-switch"
      data-status={status ?? 'unknown'}
      aria-label={t('presence.label')}
      value={status ?? undefined}
      placeholder={t('presence.unknown')}
      onChange={onChange}
      popupMatchSelectWidth={false}
      style={{ width: 112 }}
      options={presenceStatuses.map((value) => ({
        value,
        label: <Badge color={presenceColors[value]} text={t(presenceLabelKey(value))} />,
      }))}
    />
  );
}
