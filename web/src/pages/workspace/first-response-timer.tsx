// The chat header's first-response clock: seconds since assignment until the first agent reply, amber past
// 45 s (seed 003) and red past 60 s (seed 001); after the reply it shows how long the reply took.
import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChatMessage, Conversation } from '@shared/schemas/chat.js';
import { firstResponseClock, firstResponseLimitSeconds, firstResponseWarnSeconds } from '../../rules/chat';
import { formatElapsed } from '../../rules/time';
import { timerColors } from './conversation-list';

interface FirstResponseTimerProps {
  conversation: Conversation;
  messages: readonly ChatMessage[];
  now: number;
}

export function FirstResponseTimer({ conversation, messages, now }: FirstResponseTimerProps) {
  const { t } = useTranslation();
  const clock = firstResponseClock(conversation, messages, now);
  if (!clock) return null;
  const time = formatElapsed(clock.seconds);
  return (
    <Tooltip
      title={t('workspace.timer.help', { warn: firstResponseWarnSeconds, limit: firstResponseLimitSeconds })}
    >
      <Tag
        icon={<ClockCircleOutlined />}
        color={
          clock.running
            ? timerColors[clock.level]
            : clock.level === 'ok'
              ? 'success'
              : timerColors[clock.level]
        }
        data-testid="first-response-timer"
        data-level={clock.level}
        data-running={clock.running}
        style={{ fontVariantNumeric: 'tabular-nums', marginInlineEnd: 0 }}
      >
        {clock.running ? t('workspace.timer.running', { time }) : t('workspace.timer.done', { time })}
      </Tag>
    </Tooltip>
  );
}
