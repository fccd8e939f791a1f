// 自动回复: the greeting, out-of-hours and queue texts with their switches, and promotion replies with their
// periods and state; an expired promotion stops being sent by itself.
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Input,
  Popconfirm,
  Row,
  Switch,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutoReply, AutoReplyKind } from '@shared/schemas/replies.js';
import { toApiError } from '../../api/client';
import type { UpdateAutoReplyBody } from '../../api/replies-api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { PageLoading } from '../../components/page-loading';
import { testId } from '../../components/test-id';
import { useAutoReplies } from '../../hooks/use-auto-replies';
import { useLocale } from '../../hooks/use-locale';
import { useAuthenticatedSession } from '../../hooks/use-session';
import { autoReplyKindLabelKey, autoReplyStateLabelKey } from '../../i18n/labels';
import { formatInstant } from '../../rules/time';
import { PromotionFormModal, type PromotionFormTarget } from './promotion-form-modal';

const fixedKinds: Exclude<AutoReplyKind, 'promotion'>[] = ['greeting', 'off_hours', 'queue'];

const stateColors: Record<AutoReply['state'], string> = {
  active: 'green',
  scheduled: 'blue',
  expired: 'red',
  disabled: 'default',
};

function FixedReplyCard({
  kind,
  reply,
  onSave,
}: {
  kind: Exclude<AutoReplyKind, 'promotion'>;
  reply: AutoReply | undefined;
  onSave: (id: string, body: UpdateAutoReplyBody) => Promise<AutoReply>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState(reply?.text ?? '');
  const [saving, setSaving] = useState(false);
  const [heldText, setHeldText] = useState(reply?.text);

  // The server's text replaces the draft when it changes (after a save or a reload).
  if (reply?.text !== heldText) {
    setHeldText(reply?.text);
    setText(reply?.text ?? '');
  }

  const save = (body: UpdateAutoReplyBody) => {
    if (!reply) return;
    setSaving(true);
    onSave(reply.id, body)
      .then(() => void message.success(t('autoReplies.saved', { kind: t(autoReplyKindLabelKey(kind)) })))
      .catch((failure: unknown) => void message.error(toApiError(failure).message))
      .finally(() => setSaving(false));
  };

  const trimmed = text.trim();
  return (
    <Card
      size="small"
      title={t(autoReplyKindLabelKey(kind))}
      data-testid={`auto-reply-${kind}`}
      extra={
        <Flex align="center" gap={6}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {reply?.enabled ? t('autoReplies.on') : t('autoReplies.off')}
          </Typography.Text>
          <Switch
            size="small"
            checked={reply?.enabled ?? false}
            disabled={!reply || saving}
            onChange={(enabled) => save({ enabled })}
            data-testid={`auto-reply-${kind}-enabled`}
          />
        </Flex>
      }
      style={{ height: '100%' }}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t(`autoReplies.help.${kind}`)}
      </Typography.Paragraph>
      <Input.TextArea
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={4}
        maxLength={1000}
        disabled={!reply || saving}
        data-testid={`auto-reply-${kind}-text`}
      />
      <Flex justify="flex-end" style={{ marginTop: 8 }}>
        <Button
          type="primary"
          size="small"
          loading={saving}
          disabled={!reply || trimmed.length === 0 || trimmed === reply.text}
          onClick={() => save({ text: trimmed })}
          data-testid={`auto-reply-${kind}-save`}
        >
          {t('common.save')}
        </Button>
      </Flex>
    </Card>
  );
}

export function AutoRepliesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useAuthenticatedSession();
  const { locale } = useLocale();
  const timeZone = session.shop.timezone;
  const { replies, loading, error, reload, create, update, remove } = useAutoReplies();
  const [dialog, setDialog] = useState<PromotionFormTarget | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const promotions = replies.filter((reply) => reply.kind === 'promotion');
  const expiredOn = promotions.filter((reply) => reply.state === 'expired' && reply.enabled);

  const run = (reply: AutoReply, action: () => Promise<unknown>, done: string) => {
    setBusyId(reply.id);
    action()
      .then(() => void message.success(done))
      .catch((failure: unknown) => void message.error(toApiError(failure).message))
      .finally(() => setBusyId(null));
  };

  const columns: TableProps<AutoReply>['columns'] = [
    {
      key: 'text',
      title: t('autoReplies.promotions.columns.text'),
      render: (_value, reply) => (
        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
          {reply.text}
        </Typography.Paragraph>
      ),
    },
    {
      key: 'period',
      title: t('autoReplies.promotions.columns.period', { timezone: timeZone }),
      width: 220,
      render: (_value, reply) => (
        <Flex vertical>
          <span>{reply.startsAt ? formatInstant(reply.startsAt, timeZone, locale) : t('common.none')}</span>
          <Typography.Text type="secondary">
            {t('autoReplies.promotions.until', {
              time: reply.endsAt ? formatInstant(reply.endsAt, timeZone, locale) : t('common.none'),
            })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'state',
      title: t('autoReplies.promotions.columns.state'),
      width: 130,
      render: (_value, reply) => (
        <Flex vertical gap={4} align="flex-start">
          <Tag color={stateColors[reply.state]} data-testid={`promotion-state-${reply.id}`}>
            {t(autoReplyStateLabelKey(reply.state))}
          </Tag>
          {reply.state === 'expired' && reply.enabled ? (
            <Tag color="warning" icon={<WarningOutlined />}>
              {t('autoReplies.promotions.expiredOn')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'enabled',
      title: t('autoReplies.promotions.columns.enabled'),
      width: 90,
      render: (_value, reply) => (
        <Switch
          size="small"
          checked={reply.enabled}
          loading={busyId === reply.id}
          onChange={(enabled) =>
            run(
              reply,
              () => update(reply.id, { enabled }),
              t(enabled ? 'autoReplies.promotions.enabled' : 'autoReplies.promotions.disabled'),
            )
          }
          data-testid={`promotion-enabled-${reply.id}`}
        />
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 140,
      render: (_value, reply) => (
        <Flex gap={4}>
          <Button size="small" type="link" onClick={() => setDialog({ kind: 'edit', reply })}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('autoReplies.promotions.confirmDelete')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ ...testId('confirm-ok'), danger: true }}
            onConfirm={() => run(reply, () => remove(reply.id), t('autoReplies.promotions.deleted'))}
          >
            <Button size="small" type="link" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('autoReplies.title')} description={t('autoReplies.description')} />
      <ErrorAlert error={error} onRetry={reload} />
      {loading && replies.length === 0 ? (
        <PageLoading />
      ) : (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {fixedKinds.map((kind) => (
            <Col key={kind} xs={24} lg={8}>
              <FixedReplyCard
                kind={kind}
                reply={replies.find((reply) => reply.kind === kind)}
                onSave={update}
              />
            </Col>
          ))}
        </Row>
      )}
      <Card
        title={t('autoReplies.promotions.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'create' })}
            data-testid="promotion-create"
          >
            {t('autoReplies.promotions.create')}
          </Button>
        }
      >
        {expiredOn.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t('autoReplies.promotions.expiredWarning', { number: expiredOn.length })}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Table<AutoReply>
          data-testid="promotion-table"
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={promotions}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('autoReplies.promotions.empty') }}
          onRow={(reply) => testId(`promotion-row-${reply.id}`)}
        />
      </Card>
      {dialog ? (
        <PromotionFormModal
          target={dialog}
          timeZone={timeZone}
          onCreate={create}
          onUpdate={update}
          onCancel={() => setDialog(null)}
          onDone={() => {
            const key =
              dialog.kind === 'edit' ? 'autoReplies.promotions.updated' : 'autoReplies.promotions.created';
            setDialog(null);
            void message.success(t(key));
          }}
        />
      ) : null}
    </>
  );
}
