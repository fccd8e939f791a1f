// The list that `/` opens above the reply box: shortcut, title and the text as it will be inserted.
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QuickReply } from '@shared/schemas/replies.js';
import type { TemplateValues } from '@shared/templates.js';
import { quickReplyScopeLabelKey } from '../../i18n/labels';
import { renderQuickReply } from '../../rules/quick-replies';

interface QuickReplyPickerProps {
  replies: readonly QuickReply[];
  activeIndex: number;
  templateValues: TemplateValues;
  onHover: (index: number) => void;
  onPick: (reply: QuickReply) => void;
}

export function QuickReplyPicker({
  replies,
  activeIndex,
  templateValues,
  onHover,
  onPick,
}: QuickReplyPickerProps) {
  const { t } = useTranslation();
  return (
    <div
      role="listbox"
      aria-label={t('workspace.quickReplies.title')}
      data-testid="quick-reply-picker"
      style={{
        position: 'absolute',
        left: 12,
        right: 12,
        bottom: '100%',
        marginBottom: 4,
        maxHeight: 280,
        overflowY: 'auto',
        background: '#fff',
        borderRadius: 8,
        boxShadow: '0 6px 16px rgba(0, 0, 0, 0.12)',
        zIndex: 10,
        padding: 4,
      }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12, padding: '4px 8px', display: 'block' }}>
        {t('workspace.quickReplies.hint')}
      </Typography.Text>
      {replies.map((reply, index) => (
        <div
          key={reply.id}
          role="option"
          aria-selected={index === activeIndex}
          data-testid={`quick-reply-option-${reply.shortcut}`}
          onMouseEnter={() => onHover(index)}
          // mousedown, not click: the reply box keeps its focus and caret
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(reply);
          }}
          style={{
            padding: '6px 8px',
            borderRadius: 6,
            cursor: 'pointer',
            background: index === activeIndex ? '#e6f4ff' : undefined,
          }}
        >
          <Flex gap={8} align="center">
            <Typography.Text code>/{reply.shortcut}</Typography.Text>
            <Typography.Text strong ellipsis>
              {reply.title}
            </Typography.Text>
            <Tag style={{ marginInlineStart: 'auto' }}>{t(quickReplyScopeLabelKey(reply.scope))}</Tag>
          </Flex>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, display: 'block' }}>
            {renderQuickReply(reply, templateValues)}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}
