// A live SLA countdown: ticks every second toward the server's due instant; amber on warning, red on breach.
import { ClockCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlaClock } from '@shared/schemas/sla.js';
import { useNow } from '../hooks/use-now';
import { countdownOf, formatCountdown, type CountdownTone } from '../rules/work-orders';

const toneColors: Record<CountdownTone, string> = {
  ok: 'blue',
  warning: 'orange',
  breached: 'red',
  paused: 'default',
  met: 'green',
};

export function SlaCountdown({ clock, showName = false }: { clock: SlaClock | null; showName?: boolean }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  if (!clock) return <Tag data-testid="sla-countdown">{t('sla.countdown.none')}</Tag>;
  const { tone, remainingMs } = countdownOf(clock, now);
  const text =
    remainingMs === null
      ? t(`sla.countdown.${tone === 'paused' ? 'paused' : tone === 'met' ? 'met' : 'breached'}`)
      : remainingMs > 0
        ? t('sla.countdown.left', { time: formatCountdown(remainingMs, t('sla.countdown.dayUnit')) })
        : t('sla.countdown.overdue', { time: formatCountdown(remainingMs, t('sla.countdown.dayUnit')) });
  return (
    <Tooltip title={clock.policyName}>
      <Tag
        color={toneColors[tone]}
        icon={tone === 'paused' ? <PauseCircleOutlined /> : <ClockCircleOutlined />}
        data-testid="sla-countdown"
        data-tone={tone}
        data-policy={clock.policyKey}
      >
        {showName ? `${clock.policyName} · ${text}` : text}
      </Tag>
    </Tooltip>
  );
}
