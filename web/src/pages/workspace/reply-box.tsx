// The reply box: Enter sends, Shift+Enter breaks the line; `/` opens the quick replies; internal-note switch,
// emoji and image upload; Alt+1…3 insert a reply suggestion. Sending hands the draft to the outbox and clears the
// box at once.
import { CloseOutlined, PictureOutlined, SendOutlined, SmileOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Popover, Spin, Switch, Tooltip, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { imageContentTypes, maxImageBytes, maxMessageLength, type Attachment } from '@shared/schemas/chat.js';
import type { ReplySuggestion } from '@shared/schemas/knowledge.js';
import type { QuickReply } from '@shared/schemas/replies.js';
import type { TemplateValues } from '@shared/templates.js';
import { uploadImage } from '../../api/chat-api';
import { toApiError } from '../../api/client';
import {
  insertAtSlash,
  matchQuickReplies,
  renderQuickReply,
  slashQueryAt,
  type SlashQuery,
} from '../../rules/quick-replies';
import { SuggestionStrip } from './assist-bar';
import { QuickReplyPicker } from './quick-reply-picker';

/** Emoji offered by the picker: the ones agents use most in shop chats. */
const emojis =
  '😀 😊 🙂 😄 😉 😍 🥰 😘 🤗 🤔 😅 😂 🙏 👍 👌 👏 💪 🤝 ❤️ 💖 🌹 🎉 🎁 ✨ 🔥 ⭐ ✅ ❗ ❓ 💰 📦 🚚 🛒 📞 ⏰ 😔 😢 😭 😱 🙇'.split(
    ' ',
  );

export interface ReplyDraft {
  text: string;
  internal: boolean;
  attachment: Attachment | null;
}

interface ReplyBoxProps {
  conversationId: string;
  disabled: boolean;
  disabledReason?: string | undefined;
  quickReplies: readonly QuickReply[];
  templateValues: TemplateValues;
  onSend: (draft: ReplyDraft) => void;
  onTyping: (typing: boolean) => void;
  /** The top three knowledge entries and templates for the customer's last messages */
  suggestions?: readonly ReplySuggestion[];
}

const noSuggestions: readonly ReplySuggestion[] = [];
const acceptedTypes = imageContentTypes.join(',');
const isAcceptedType = (type: string): type is (typeof imageContentTypes)[number] =>
  (imageContentTypes as readonly string[]).includes(type);

export function ReplyBox(props: ReplyBoxProps) {
  const { conversationId, disabled, disabledReason, quickReplies, templateValues, onSend, onTyping } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(false);
  const [attachment, setAttachment] = useState<Attachment | null>(null);
  const [uploading, setUploading] = useState(false);
  const [slash, setSlash] = useState<SlashQuery | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [emojiOpen, setEmojiOpen] = useState(false);
  const [heldConversation, setHeldConversation] = useState(conversationId);
  const textArea = useRef<TextAreaRef>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const pendingCaret = useRef<number | null>(null);

  // Another conversation starts with an empty box.
  if (heldConversation !== conversationId) {
    setHeldConversation(conversationId);
    setText('');
    setAttachment(null);
    setInternal(false);
    setSlash(null);
  }

  const matches = slash && slash.start !== dismissedAt ? matchQuickReplies(quickReplies, slash.query) : [];
  const pickerOpen = matches.length > 0;
  const activeIndex = Math.min(active, Math.max(0, matches.length - 1));

  useEffect(() => {
    const element = textArea.current?.resizableTextArea?.textArea;
    if (element && pendingCaret.current !== null) {
      element.focus();
      element.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
  });

  const readCaret = (): number => textArea.current?.resizableTextArea?.textArea.selectionStart ?? text.length;

  const changeText = (next: string, caret: number) => {
    setText(next);
    const query = slashQueryAt(next, caret);
    setSlash(query);
    if (!query || query.start !== slash?.start) setActive(0);
    if (!query) setDismissedAt(null);
    onTyping(next.length > 0);
  };

  const insertQuickReply = (reply: QuickReply) => {
    if (!slash) return;
    const rendered = renderQuickReply(reply, templateValues);
    const result = insertAtSlash(text, slash, rendered);
    setText(result.text);
    setSlash(null);
    pendingCaret.current = result.caret;
  };

  const insertSuggestion = (suggestion: string) => {
    const caret = text ? readCaret() : 0;
    const next = `${text.slice(0, caret)}${suggestion}${text.slice(caret)}`;
    setText(next);
    setSlash(null);
    pendingCaret.current = caret + suggestion.length;
    onTyping(true);
  };

  // Alt+1…3 insert the suggestion wherever the focus is in the workspace (event.code: Alt changes the key on macOS).
  const suggestions = props.suggestions ?? noSuggestions;
  const insertRef = useRef(insertSuggestion);
  useEffect(() => {
    insertRef.current = insertSuggestion;
  });
  useEffect(() => {
    if (disabled || suggestions.length === 0) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = ['Digit1', 'Digit2', 'Digit3'].indexOf(event.code);
      const chosen = suggestions[index];
      if (index < 0 || !chosen) return;
      event.preventDefault();
      insertRef.current(chosen.text);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [disabled, suggestions]);

  const insertEmoji = (emoji: string) => {
    const caret = readCaret();
    const next = `${text.slice(0, caret)}${emoji}${text.slice(caret)}`;
    setText(next);
    setEmojiOpen(false);
    pendingCaret.current = caret + emoji.length;
  };

  const send = () => {
    const trimmed = text.trim();
    if (disabled || uploading || (!trimmed && !attachment)) return;
    if (trimmed.length > maxMessageLength) {
      void message.warning(t('workspace.reply.tooLong', { max: maxMessageLength }));
      return;
    }
    onSend({ text: trimmed, internal, attachment });
    setText('');
    setAttachment(null);
    setSlash(null);
    onTyping(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return; // an IME is still composing Chinese characters
    if (pickerOpen) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((activeIndex + step + matches.length) % matches.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        const chosen = matches[activeIndex];
        if (chosen) insertQuickReply(chosen);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissedAt(slash?.start ?? null);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      send();
    }
  };

  const upload = (file: File) => {
    if (!isAcceptedType(file.type)) {
      void message.error(t('workspace.reply.imageType'));
      return;
    }
    if (file.size > maxImageBytes) {
      void message.error(
        t('workspace.reply.imageTooLarge', { max: Math.round(maxImageBytes / 1024 / 1024) }),
      );
      return;
    }
    setUploading(true);
    uploadImage(file)
      .then(setAttachment)
      .catch((error: unknown) => {
        void message.error(t('workspace.reply.uploadFailed', { message: toApiError(error).message }));
      })
      .finally(() => setUploading(false));
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const file = [...event.clipboardData.files].find((each) => isAcceptedType(each.type));
    if (!file) return;
    event.preventDefault();
    upload(file);
  };

  return (
    <div
      style={{
        borderTop: '1px solid rgba(5, 5, 5, 0.06)',
        padding: 12,
        background: internal ? '#fffbe6' : '#fff',
        position: 'relative',
      }}
      data-testid="reply-box"
    >
      {pickerOpen ? (
        <QuickReplyPicker
          replies={matches}
          activeIndex={activeIndex}
          templateValues={templateValues}
          onHover={setActive}
          onPick={insertQuickReply}
        />
      ) : null}
      <SuggestionStrip suggestions={suggestions} disabled={disabled} onInsert={insertSuggestion} />
      <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
        <Popover
          open={emojiOpen}
          onOpenChange={setEmojiOpen}
          trigger="click"
          content={
            <div
              style={{ display: 'grid', gridTemplateColumns: 'repeat(10, 28px)', gap: 2 }}
              data-testid="emoji-panel"
            >
              {emojis.map((emoji) => (
                <Button key={emoji} type="text" size="small" onClick={() => insertEmoji(emoji)}>
                  {emoji}
                </Button>
              ))}
            </div>
          }
        >
          <Tooltip title={t('workspace.reply.emoji')}>
            <Button
              type="text"
              icon={<SmileOutlined />}
              disabled={disabled}
              aria-label={t('workspace.reply.emoji')}
              data-testid="reply-emoji"
            />
          </Tooltip>
        </Popover>
        <Tooltip title={t('workspace.reply.image')}>
          <Button
            type="text"
            icon={<PictureOutlined />}
            disabled={disabled || uploading}
            aria-label={t('workspace.reply.image')}
            onClick={() => fileInput.current?.click()}
            data-testid="reply-image"
          />
        </Tooltip>
        <input
          ref={fileInput}
          type="file"
          accept={acceptedTypes}
          hidden
          data-testid="reply-image-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) upload(file);
          }}
        />
        <Flex align="center" gap={6} style={{ marginInlineStart: 'auto' }}>
          <Switch
            size="small"
            checked={internal}
            onChange={setInternal}
            disabled={disabled}
            data-testid="reply-internal"
          />
          <Typography.Text type={internal ? 'warning' : 'secondary'} style={{ fontSize: 13 }}>
            {t('workspace.reply.internal')}
          </Typography.Text>
        </Flex>
      </Flex>
      {attachment || uploading ? (
        <Flex align="center" gap={8} style={{ marginBottom: 8 }} data-testid="reply-attachment">
          {uploading ? (
            <Spin size="small" />
          ) : attachment ? (
            <img
              src={attachment.url}
              alt={t('workspace.message.image')}
              style={{ height: 56, borderRadius: 4, border: '1px solid #f0f0f0' }}
            />
          ) : null}
          {attachment ? (
            <Button
              size="small"
              type="text"
              icon={<CloseOutlined />}
              aria-label={t('workspace.reply.removeImage')}
              onClick={() => setAttachment(null)}
            />
          ) : null}
        </Flex>
      ) : null}
      <Input.TextArea
        ref={textArea}
        value={text}
        disabled={disabled}
        placeholder={
          disabled
            ? disabledReason
            : internal
              ? t('workspace.reply.internalPlaceholder')
              : t('workspace.reply.placeholder')
        }
        autoSize={{ minRows: 3, maxRows: 8 }}
        maxLength={maxMessageLength}
        onChange={(event) => changeText(event.target.value, event.target.selectionStart)}
        onKeyDown={onKeyDown}
        onKeyUp={(event) => {
          if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
            setSlash(slashQueryAt(text, readCaret()));
          }
        }}
        onClick={() => setSlash(slashQueryAt(text, readCaret()))}
        onPaste={onPaste}
        onBlur={() => onTyping(false)}
        variant="borderless"
        style={{ padding: 0, background: 'transparent' }}
        data-testid="reply-input"
        aria-label={t('workspace.reply.placeholder')}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('workspace.reply.hint')}
        </Typography.Text>
        <Button
          type="primary"
          icon={<SendOutlined />}
          disabled={disabled || uploading || (!text.trim() && !attachment)}
          onClick={send}
          data-testid="reply-send"
        >
          {internal ? t('workspace.reply.sendNote') : t('workspace.reply.send')}
        </Button>
      </Flex>
    </div>
  );
}
