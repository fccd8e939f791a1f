// Smart service in the chat pane: the three reply suggestions (inserted with Alt+1…3 or a click) and the
// conversation's problem type / complaint category, which the agent can correct.
import { BulbOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popover, Select, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  complaintCategories,
  problemTypes,
  type ComplaintCategory,
  type ProblemType,
} from '@shared/assist.js';
import type { ConversationClassification, ReplySuggestion } from '@shared/schemas/knowledge.js';
import { toApiError } from '../../api/client';
import { correctClassification } from '../../api/knowledge-api';

export function SuggestionStrip(props: {
  suggestions: readonly ReplySuggestion[];
  disabled: boolean;
  onInsert: (text: string) => void;
}) {
  const { t } = useTranslation();
  if (props.suggestions.length === 0) return null;
  return (
    <Flex align="center" gap={6} wrap style={{ marginBottom: 8 }} data-testid="reply-suggestions">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <BulbOutlined /> {t('assist.suggestions')}
      </Typography.Text>
      {props.suggestions.map((suggestion, index) => (
        <Tooltip key={`${suggestion.source}:${suggestion.id}`} title={suggestion.text}>
          <Button
            size="small"
            disabled={props.disabled}
            onClick={() => props.onInsert(suggestion.text)}
            data-testid={`reply-suggestion-${index + 1}`}
            style={{ maxWidth: 260 }}
          >
            <Typography.Text keyboard style={{ fontSize: 11 }}>
              Alt+{index + 1}
            </Typography.Text>
            <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {suggestion.source === 'template' ? `${t('assist.template')} · ` : ''}
              {suggestion.title}
            </span>
          </Button>
        </Tooltip>
      ))}
    </Flex>
  );
}

export function ClassificationTag(props: {
  conversationId: string;
  classification: ConversationClassification | null | undefined;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [problemType, setProblemType] = useState<ProblemType | undefined>();
  const [category, setCategory] = useState<ComplaintCategory | null>(null);
  const [saving, setSaving] = useState(false);
  const current = props.classification;

  const openEditor = (next: boolean) => {
    if (next) {
      setProblemType(current?.problemType);
      setCategory(current?.complaintCategory ?? null);
    }
    setOpen(next);
  };

  const save = () => {
    if (!problemType) return;
    setSaving(true);
    correctClassification(props.conversationId, {
      problemType,
      complaintCategory: problemType === 'complaint' ? (category ?? 'other') : null,
    })
      .then(() => {
        setOpen(false);
        props.onChanged();
        void message.success(t('assist.corrected'));
      })
      .catch((error: unknown) => void message.error(toApiError(error).message))
      .finally(() => setSaving(false));
  };

  const label = current
    ? `${t(`assist.problemTypes.${current.problemType}`)}${
        current.complaintCategory
          ? ` · ${t(`workOrders.complaintCategories.${current.complaintCategory}`)}`
          : ''
      }`
    : t('assist.unclassified');

  return (
    <Popover
      open={open}
      onOpenChange={openEditor}
      trigger="click"
      title={t('assist.correctTitle')}
      content={
        <Flex vertical gap={8} style={{ width: 240 }} data-testid="classification-editor">
          <Select
            value={problemType}
            onChange={setProblemType}
            placeholder={t('assist.problemType')}
            options={problemTypes.map((value) => ({ value, label: t(`assist.problemTypes.${value}`) }))}
            data-testid="classification-problem-type"
          />
          {problemType === 'complaint' ? (
            <Select
              value={category ?? undefined}
              onChange={setCategory}
              placeholder={t('assist.complaintCategory')}
              options={complaintCategories.map((value) => ({
                value,
                label: t(`workOrders.complaintCategories.${value}`),
              }))}
              data-testid="classification-category"
            />
          ) : null}
          <Button type="primary" loading={saving} onClick={save} data-testid="classification-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Tag
        color={current?.problemType === 'complaint' ? 'red' : current ? 'geekblue' : 'default'}
        style={{ cursor: 'pointer' }}
        data-testid="chat-classification"
        data-source={current?.source ?? ''}
      >
        {label}
        {current?.source === 'auto' ? ` (${t('assist.auto')})` : ''} <EditOutlined />
      </Tag>
    </Popover>
  );
}
