// Picks the agent a chat goes to: everyone with presence and load; away, offline and full agents cannot be picked.
import { Badge, Flex, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgentBoardEntry } from '@shared/schemas/chat.js';
import { presenceColors } from '../../components/presence-switch';
import { presenceLabelKey } from '../../i18n/labels';
import { transferTargetState, type TransferTargetState } from '../../rules/presence';

interface AgentTargetSelectProps {
  board: readonly AgentBoardEntry[];
  loading: boolean;
  myUserId: string;
  /** The agent who has the chat now: picking them again changes nothing */
  currentAgentId: string | null;
  value?: string;
  onChange?: (value: string) => void;
  testId: string;
}

const stateOrder: Record<TransferTargetState, number> = { available: 0, full: 1, absent: 2, self: 3 };

export function AgentTargetSelect(props: AgentTargetSelectProps) {
  const { board, loading, myUserId, currentAgentId, value, onChange, testId } = props;
  const { t } = useTranslation();
  const entries = board
    .map((entry) => {
      const state = entry.userId === currentAgentId ? 'self' : transferTargetState(entry, myUserId);
      return { entry, state };
    })
    .sort(
      (a, b) =>
        stateOrder[a.state] - stateOrder[b.state] ||
        a.entry.openChats - b.entry.openChats ||
        a.entry.displayName.localeCompare(b.entry.displayName),
    );

  return (
    <Select<string>
      data-testid={testId}
      showSearch={{ optionFilterProp: 'title' }}
      loading={loading}
      value={value}
      onChange={onChange}
      placeholder={t('workspace.transfer.pickAgent')}
      options={entries.map(({ entry, state }) => ({
        value: entry.userId,
        title: entry.displayName,
        disabled: state !== 'available',
        label: (
          <Flex justify="space-between" align="center" gap={8} data-testid={`agent-option-${entry.userId}`}>
            <Flex align="center" gap={8}>
              <Badge color={presenceColors[entry.status]} />
              <Typography.Text>{entry.displayName}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(presenceLabelKey(entry.status))}
              </Typography.Text>
            </Flex>
            <Flex align="center" gap={4}>
              {state === 'full' ? <Tag color="error">{t('workspace.transfer.full')}</Tag> : null}
              {state === 'self' ? <Tag>{t('workspace.transfer.current')}</Tag> : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('workspace.transfer.load', { open: entry.openChats, max: entry.maxConcurrentChats })}
              </Typography.Text>
            </Flex>
          </Flex>
        ),
      }))}
    />
  );
}
