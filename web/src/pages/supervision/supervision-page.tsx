// 现场监控: the supervisor's live board. Every agent's presence, load against their cap and idle-while-online
// (highlighted), the idle events that are violation candidates (SPEC §1, seed 003), and the queue with its wait.
import { WarningOutlined } from '@ant-design/icons';
import {
  App,
  Badge,
  Button,
  Card,
  Col,
  Flex,
  Progress,
  Row,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentBoardEntry, Conversation, IdleEvent } from '@shared/schemas/chat.js';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { presenceColors } from '../../components/presence-switch';
import { testId } from '../../components/test-id';
import { useAgentBoard } from '../../hooks/use-agent-board';
import { useConversations } from '../../hooks/use-conversations';
import { useIdleEvents } from '../../hooks/use-idle-events';
import { useLocale } from '../../hooks/use-locale';
import { useNow } from '../../hooks/use-now';
import { useAuthenticatedSession } from '../../hooks/use-session';
import { groupKindLabelKey, presenceLabelKey, sourceLabelKey } from '../../i18n/labels';
import { queueStats } from '../../rules/chat';
import { idleEventSeconds, idleSeconds, isIdleWhileOnline, sortBoard } from '../../rules/presence';
import { formatElapsed, formatInstant, formatRecent } from '../../rules/time';
import { AssignModal } from '../workspace/assign-modal';

export function SupervisionPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useAuthenticatedSession();
  const timeZone = session.shop.timezone;
  const { locale } = useLocale();
  const now = useNow(1000);
  const { board, loading, error, reload } = useAgentBoard();
  const idle = useIdleEvents();
  const { lists, adopt } = useConversations();
  const [assigning, setAssigning] = useState<Conversation | null>(null);

  const queue = lists.queue;
  const stats = queueStats(queue, now);
  const agents = sortBoard(board);
  const count = (status: AgentBoardEntry['status']) =>
    board.filter((entry) => entry.status === status).length;
  const idleNow = board.filter(isIdleWhileOnline).length;

  const agentColumns: TableProps<AgentBoardEntry>['columns'] = [
    {
      key: 'name',
      title: t('supervision.columns.agent'),
      render: (_value, entry) => <Typography.Text strong>{entry.displayName}</Typography.Text>,
    },
    {
      key: 'groups',
      title: t('supervision.columns.groups'),
      render: (_value, entry) => (
        <Flex gap={4} wrap>
          {entry.groups.map((kind) => (
            <Tag key={kind}>{t(groupKindLabelKey(kind))}</Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'presence',
      title: t('supervision.columns.presence'),
      render: (_value, entry) => (
        <Flex vertical gap={0}>
          <Badge color={presenceColors[entry.status]} text={t(presenceLabelKey(entry.status))} />
          {entry.statusSince ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('supervision.since', { time: formatRecent(entry.statusSince, timeZone, locale, now) })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'load',
      title: t('supervision.columns.load'),
      width: 200,
      render: (_value, entry) => (
        <Flex align="center" gap={8}>
          <Progress
            percent={Math.round((entry.openChats / Math.max(1, entry.maxConcurrentChats)) * 100)}
            showInfo={false}
            size="small"
            status={entry.openChats >= entry.maxConcurrentChats ? 'exception' : 'normal'}
            style={{ width: 100, margin: 0 }}
          />
          <span>
            {entry.openChats}/{entry.maxConcurrentChats}
          </span>
        </Flex>
      ),
    },
    {
      key: 'idle',
      title: t('supervision.columns.idle'),
      render: (_value, entry) => {
        const seconds = idleSeconds(entry.idleSince, now);
        if (seconds === null) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
        return (
          <Tag
            color={isIdleWhileOnline(entry) ? 'error' : 'default'}
            icon={isIdleWhileOnline(entry) ? <WarningOutlined /> : undefined}
            data-testid={`board-idle-${entry.userId}`}
          >
            {t('supervision.idleFor', { time: formatElapsed(seconds) })}
          </Tag>
        );
      },
    },
  ];

  const eventColumns: TableProps<IdleEvent>['columns'] = [
    {
      key: 'detectedAt',
      title: t('supervision.events.detectedAt', { timezone: timeZone }),
      render: (_value, event) => formatInstant(event.detectedAt, timeZone, locale),
    },
    { key: 'agent', title: t('supervision.columns.agent'), dataIndex: 'displayName' },
    {
      key: 'idleSince',
      title: t('supervision.events.idleSince'),
      render: (_value, event) => formatInstant(event.idleSince, timeZone, locale),
    },
    {
      key: 'duration',
      title: t('supervision.events.duration'),
      render: (_value, event) => (
        <Flex gap={6} align="center">
          <span>{formatElapsed(idleEventSeconds(event, now))}</span>
          {event.endedAt ? null : <Tag color="error">{t('supervision.events.ongoing')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'limit',
      title: t('supervision.events.limit'),
      render: (_value, event) => t('supervision.events.seconds', { seconds: event.limitSeconds }),
    },
  ];

  const queueColumns: TableProps<Conversation>['columns'] = [
    {
      key: 'customer',
      title: t('supervision.queue.customer'),
      render: (_value, conversation) => conversation.customer.displayName,
    },
    {
      key: 'source',
      title: t('supervision.queue.source'),
      render: (_value, conversation) => <Tag>{t(sourceLabelKey(conversation.source))}</Tag>,
    },
    {
      key: 'wait',
      title: t('supervision.queue.wait'),
      render: (_value, conversation) => {
        const since = Date.parse(conversation.queuedAt ?? conversation.createdAt);
        return formatElapsed(Math.max(0, (now - since) / 1000));
      },
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_value, conversation) => (
        <Button
          size="small"
          type="link"
          onClick={() => setAssigning(conversation)}
          data-testid={`queue-assign-${conversation.id}`}
        >
          {t('workspace.chat.assign')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('supervision.title')} description={t('supervision.description')} />
      <ErrorAlert error={error} onRetry={reload} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {(
          [
            ['online', count('online')],
            ['busy', count('busy')],
            ['away', count('away')],
            ['offline', count('offline')],
          ] as const
        ).map(([status, value]) => (
          <Col key={status} xs={12} md={6} xl={3}>
            <Card size="small">
              <Statistic title={t(presenceLabelKey(status))} value={value} />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={6} xl={4}>
          <Card size="small">
            <Statistic
              title={t('supervision.stats.idle')}
              value={idleNow}
              styles={{ content: idleNow > 0 ? { color: '#cf1322' } : {} }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Card size="small" data-testid="supervision-queue-length">
            <Statistic title={t('supervision.stats.queue')} value={stats.length} />
          </Card>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Card size="small" data-testid="supervision-longest-wait">
            <Statistic
              title={t('supervision.stats.longestWait')}
              value={
                stats.longestWaitSeconds === null ? t('common.none') : formatElapsed(stats.longestWaitSeconds)
              }
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('supervision.agentsTitle')} style={{ marginBottom: 16 }}>
        <Table<AgentBoardEntry>
          data-testid="supervision-board"
          rowKey="userId"
          loading={loading}
          columns={agentColumns}
          dataSource={agents}
          pagination={false}
          size="middle"
          rowClassName={(entry) => (isIdleWhileOnline(entry) ? 'kefu-row-alert' : '')}
          onRow={(entry) => testId(`board-row-${entry.userId}`)}
          locale={{ emptyText: t('supervision.noAgents') }}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card
            title={t('supervision.events.title')}
            extra={<Typography.Text type="secondary">{t('supervision.events.help')}</Typography.Text>}
          >
            <ErrorAlert error={idle.error} onRetry={idle.reload} />
            <Table<IdleEvent>
              data-testid="supervision-idle-events"
              rowKey="id"
              loading={idle.loading}
              columns={eventColumns}
              dataSource={idle.events}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              size="small"
              locale={{ emptyText: t('supervision.events.empty') }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('supervision.queue.title', { number: stats.length })}>
            <Table<Conversation>
              data-testid="supervision-queue"
              rowKey="id"
              columns={queueColumns}
              dataSource={queue.filter((conversation) => conversation.status === 'queued')}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              size="small"
              locale={{ emptyText: t('supervision.queue.empty') }}
            />
          </Card>
        </Col>
      </Row>
      {assigning ? (
        <AssignModal
          conversation={assigning}
          onCancel={() => setAssigning(null)}
          onDone={(assigned) => {
            adopt(assigned);
            setAssigning(null);
            reload();
            void message.success(t('workspace.assign.done', { name: assigned.customer.displayName }));
          }}
        />
      ) : null}
    </>
  );
}
