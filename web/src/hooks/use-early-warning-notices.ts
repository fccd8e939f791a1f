// Early-warning flags (docs/metrics.md §7) as in-app notices for supervisors: each flag pushed with the wallboard is
// announced once per day, on whatever page the supervisor is.
import { App } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EarlyWarning } from '@shared/schemas/metrics.js';
import { useSocketEvent } from './use-agent-socket';

export function warningKey(warning: EarlyWarning): string {
  return `${warning.day}|${warning.kind}|${warning.category ?? ''}`;
}

export function useWarningText() {
  const { t } = useTranslation();
  return (warning: EarlyWarning) =>
    t(`wallboard.warnings.${warning.kind}`, {
      category: warning.category
        ? t(`workOrders.complaintCategories.${warning.category}`, { defaultValue: warning.category })
        : '',
      count: warning.count,
      baseline: warning.baseline,
    });
}

export function useEarlyWarningNotices(): void {
  const { notification } = App.useApp();
  const { t } = useTranslation();
  const text = useWarningText();
  const seen = useRef(new Set<string>());
  useSocketEvent('metrics:wallboard', (board) => {
    for (const warning of board.warnings) {
      const key = warningKey(warning);
      if (seen.current.has(key)) continue;
      seen.current.add(key);
      notification.warning({ message: t('wallboard.warningTitle'), description: text(warning), duration: 0 });
    }
  });
}
