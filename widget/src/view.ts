// The widget on the page: a launcher button and a chat panel inside an open shadow root, rendered from the chat
// client's state. Every text goes in as textContent; the view holds no chat rule of its own.
import type { ChatMessage, Conversation } from '../../src/shared/schemas/chat.js';
import type { ChatClient, ChatState } from './chat-client.js';
import { h, setText, show } from './dom.js';
import { chatIcon, faceIcon, headsetIcon, imageIcon } from './icons.js';
import type { Translate } from './i18n.js';
import {
  checkImage,
  contactPhonePattern,
  imageContentTypes,
  maxImageBytes,
  maxMessageLength,
} from './limits.js';
import type { OutboxEntry } from './outbox.js';
import { widgetCss } from './styles.js';
import { buildTimeline, isReadByAgent, queueNotice, type TimelineItem } from './timeline.js';

/** A small fixed emoji set: enough to be friendly, no picker library. */
const emojis = [
  '😀', '😂', '😊', '😍', '🤔', '😅', '😢', '😭',
  '😡', '😮', '👍', '👎', '👌', '🙏', '👏', '🎉',
  '❤️', '💔', '🌹', '☕', '📦', '🚚', '💰', '❓',
]; // prettier-ignore

const ratingScores = [
  { score: 'good', mood: 'happy', key: 'ratingGood' },
  { score: 'neutral', mood: 'neutral', key: 'ratingNeutral' },
  { score: 'bad', mood: 'sad', key: 'ratingBad' },
] as const;

type Score = (typeof ratingScores)[number]['score'];
type BottomSection = 'composer' | 'offline' | 'rating' | 'none';

export interface WidgetViewOptions {
  client: ChatClient;
  t: Translate;
  language: string;
  baseUrl: string;
  /** Called the first time the panel opens (the session starts lazily for new visitors) */
  onFirstOpen: () => void;
}

export class WidgetView {
  readonly host: HTMLElement;
  private readonly root: HTMLElement;
  private readonly launcher: HTMLButtonElement;
  private readonly badge: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly shopName: HTMLElement;
  private readonly status: HTMLElement;
  private readonly connection: HTMLElement;
  private readonly connectionText: HTMLElement;
  private readonly reconnect: HTMLButtonElement;
  private readonly queue: HTMLElement;
  private readonly offlineNote: HTMLElement;
  private readonly list: HTMLElement;
  private readonly welcome: HTMLElement;
  private readonly typingLine: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly noticeText: HTMLElement;
  private readonly composer: HTMLFormElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly emojiPicker: HTMLElement;
  private readonly imageInput: HTMLInputElement;
  private readonly uploading: HTMLElement;
  private readonly offlineForm: HTMLFormElement;
  private readonly offlineHint: HTMLElement;
  private readonly offlineName: HTMLInputElement;
  private readonly offlinePhone: HTMLInputElement;
  private readonly offlineText: HTMLTextAreaElement;
  private readonly offlineError: HTMLElement;
  private readonly rating: HTMLElement;
  private readonly ratingAsk: HTMLElement;
  private readonly ratingButtons: Map<Score, HTMLButtonElement>;
  private readonly ratingComment: HTMLTextAreaElement;
  private readonly ratingSubmit: HTMLButtonElement;
  private readonly ratingError: HTMLElement;
  private readonly ratingThanks: HTMLElement;

  private opened = false;
  private everOpened = false;
  private chosenScore: Score | null = null;
  private state: ChatState;
  private readonly rendered = new Map<string, { signature: string; element: HTMLElement }>();
  private readonly t: Translate;

  constructor(private readonly options: WidgetViewOptions) {
    const { t } = options;
    this.t = t;
    this.state = options.client.current;

    this.host = h('div', { attrs: { 'data-kefu-widget': '' } });
    const shadow = this.host.attachShadow({ mode: 'open' });
    adoptStyles(shadow, widgetCss);

    this.badge = h('span', { className: 'badge', testId: 'kefu-badge', hidden: true });
    this.launcher = h(
      'button',
      {
        className: 'launcher',
        testId: 'kefu-launcher',
        attrs: { type: 'button', 'aria-haspopup': 'dialog' },
        on: { click: () => this.open() },
      },
      [chatIcon(22), t('launcher'), this.badge],
    );

    this.shopName = h('strong', { className: 'shop-name', text: t('panelTitle') });
    this.status = h('span', { className: 'status', testId: 'kefu-status' });
    const header = h('header', { className: 'header' }, [
      h('div', { className: 'avatar' }, [headsetIcon(22)]),
      h('div', { className: 'title' }, [this.shopName, this.status]),
      h('button', {
        className: 'close',
        testId: 'kefu-close',
        text: '×',
        attrs: { type: 'button', 'aria-label': t('close'), title: t('close') },
        on: { click: () => this.close() },
      }),
    ]);

    this.connectionText = h('span');
    this.reconnect = h('button', {
      className: 'link-button',
      testId: 'kefu-reconnect',
      text: t('retryConnect'),
      attrs: { type: 'button' },
      on: { click: () => void options.client.start() },
    });
    this.connection = h('div', { className: 'banner connection', testId: 'kefu-connection', hidden: true }, [
      this.connectionText,
      this.reconnect,
    ]);
    this.queue = h('div', { className: 'banner queue', testId: 'kefu-queue', hidden: true });
    this.offlineNote = h('div', {
      className: 'banner offline-note',
      testId: 'kefu-offline-note',
      hidden: true,
    });

    this.welcome = h('div', { className: 'welcome', text: t('statusWelcome') });
    this.list = h('div', {
      className: 'messages',
      testId: 'kefu-messages',
      attrs: { role: 'log', 'aria-live': 'polite' },
    });
    this.typingLine = h('div', {
      className: 'typing',
      testId: 'kefu-typing',
      text: t('agentTyping'),
      hidden: true,
    });
    this.noticeText = h('span');
    this.notice = h(
      'div',
      { className: 'notice', testId: 'kefu-error', attrs: { role: 'alert' }, hidden: true },
      [
        this.noticeText,
        h('button', {
          text: '×',
          attrs: { type: 'button', 'aria-label': t('close') },
          on: { click: () => options.client.showNotice(null) },
        }),
      ],
    );

    // ── composer ──
    this.emojiPicker = h(
      'div',
      { className: 'emoji-picker', testId: 'kefu-emoji-picker', hidden: true },
      emojis.map((emoji) =>
        h('button', {
          className: 'emoji',
          testId: 'kefu-emoji',
          text: emoji,
          attrs: { type: 'button' },
          on: { click: () => this.insertEmoji(emoji) },
        }),
      ),
    );
    this.imageInput = h('input', {
      testId: 'kefu-image-input',
      hidden: true,
      attrs: { type: 'file', accept: imageContentTypes.join(',') },
      on: { change: () => this.pickedImage() },
    });
    this.uploading = h('span', { className: 'uploading', text: t('imageUploading'), hidden: true });
    this.input = h('textarea', {
      className: 'input',
      testId: 'kefu-input',
      attrs: {
        rows: '1',
        maxlength: String(maxMessageLength),
        placeholder: t('inputPlaceholder'),
        'aria-label': t('inputPlaceholder'),
      },
      on: {
        keydown: (event) => {
          // Enter sends, Shift+Enter breaks the line; never while an input method is composing (pinyin).
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
            event.preventDefault();
            this.submitText();
          }
        },
        input: () => {
          options.client.typing();
          this.syncSendButton();
        },
      },
    });
    this.sendButton = h('button', {
      className: 'primary',
      testId: 'kefu-send',
      text: t('send'),
      attrs: { type: 'submit', disabled: '' },
    });
    this.composer = h(
      'form',
      {
        className: 'composer',
        testId: 'kefu-composer',
        on: {
          submit: (event) => {
            event.preventDefault();
            this.submitText();
          },
        },
      },
      [
        this.emojiPicker,
        h('div', { className: 'tools' }, [
          h(
            'button',
            {
              className: 'tool',
              testId: 'kefu-emoji-toggle',
              attrs: { type: 'button', title: t('emoji'), 'aria-label': t('emoji') },
              on: { click: () => show(this.emojiPicker, this.emojiPicker.hidden) },
            },
            [faceIcon('happy')],
          ),
          h(
            'button',
            {
              className: 'tool',
              testId: 'kefu-image-button',
              attrs: { type: 'button', title: t('image'), 'aria-label': t('image') },
              on: { click: () => this.imageInput.click() },
            },
            [imageIcon()],
          ),
          this.imageInput,
          this.uploading,
        ]),
        h('div', { className: 'input-row' }, [this.input, this.sendButton]),
      ],
    );

    // ── offline message form 留言 ──
    this.offlineHint = h('p');
    this.offlineName = h('input', {
      className: 'field',
      testId: 'kefu-offline-name',
      attrs: {
        maxlength: '32',
        placeholder: t('offlineName'),
        'aria-label': t('offlineName'),
        autocomplete: 'name',
      },
    });
    this.offlinePhone = h('input', {
      className: 'field',
      testId: 'kefu-offline-phone',
      attrs: {
        type: 'tel',
        maxlength: '20',
        placeholder: t('offlinePhone'),
        'aria-label': t('offlinePhone'),
        autocomplete: 'tel',
      },
    });
    this.offlineText = h('textarea', {
      className: 'field',
      testId: 'kefu-offline-text',
      attrs: {
        rows: '3',
        maxlength: String(maxMessageLength),
        placeholder: t('offlineText'),
        'aria-label': t('offlineText'),
      },
    });
    this.offlineError = h('div', { className: 'form-error', testId: 'kefu-offline-error', hidden: true });
    this.offlineForm = h(
      'form',
      {
        className: 'form',
        testId: 'kefu-offline-form',
        hidden: true,
        on: {
          submit: (event) => {
            event.preventDefault();
            this.submitOffline();
          },
        },
      },
      [
        h('h3', { text: t('offlineTitle') }),
        this.offlineHint,
        this.offlineName,
        this.offlinePhone,
        this.offlineText,
        this.offlineError,
        h('div', { className: 'row' }, [
          h('button', {
            className: 'primary',
            testId: 'kefu-offline-submit',
            text: t('offlineSubmit'),
            attrs: { type: 'submit' },
          }),
        ]),
      ],
    );

    // ── rating after the chat ended ──
    this.ratingButtons = new Map(
      ratingScores.map(({ score, mood, key }) => [
        score,
        h(
          'button',
          {
            className: 'score',
            testId: `kefu-rating-${score}`,
            attrs: { type: 'button', 'aria-pressed': 'false' },
            on: { click: () => this.chooseScore(score) },
          },
          [faceIcon(mood, 28), h('span', { text: t(key) })],
        ),
      ]),
    );
    this.ratingComment = h('textarea', {
      className: 'field',
      testId: 'kefu-rating-comment',
      attrs: {
        rows: '2',
        maxlength: '500',
        placeholder: t('ratingComment'),
        'aria-label': t('ratingComment'),
      },
    });
    this.ratingSubmit = h('button', {
      className: 'primary',
      testId: 'kefu-rating-submit',
      text: t('ratingSubmit'),
      attrs: { type: 'button', disabled: '' },
      on: {
        click: () => {
          if (this.chosenScore) void options.client.rate(this.chosenScore, this.ratingComment.value);
        },
      },
    });
    this.ratingError = h('div', { className: 'form-error', testId: 'kefu-rating-error', hidden: true });
    this.ratingAsk = h('div', { className: 'form-body' }, [
      h('div', { className: 'scores' }, [...this.ratingButtons.values()]),
    ]);
    this.ratingThanks = h('div', {
      className: 'thanks',
      testId: 'kefu-rating-thanks',
      text: t('ratingThanks'),
      hidden: true,
    });
    this.rating = h('div', { className: 'form', testId: 'kefu-rating', hidden: true }, [
      h('h3', { text: t('ratingTitle') }),
      this.ratingAsk,
      this.ratingComment,
      this.ratingError,
      this.ratingThanks,
      h('div', { className: 'row' }, [
        h('button', {
          className: 'secondary',
          testId: 'kefu-new-chat',
          text: t('newChat'),
          attrs: { type: 'button' },
          on: { click: () => this.startNewChat() },
        }),
        this.ratingSubmit,
      ]),
    ]);

    this.panel = h(
      'section',
      {
        className: 'panel',
        testId: 'kefu-panel',
        hidden: true,
        attrs: { role: 'dialog', 'aria-label': t('panelTitle') },
      },
      [
        header,
        this.connection,
        this.queue,
        this.offlineNote,
        this.list,
        this.typingLine,
        this.notice,
        this.composer,
        this.offlineForm,
        this.rating,
      ],
    );
    this.root = h('div', { className: 'root' }, [this.launcher, this.panel]);
    shadow.append(this.root);

    document.addEventListener('visibilitychange', () => this.markSeenIfVisible());
    options.client.subscribe((state) => this.render(state));
  }

  open(): void {
    if (this.opened) return;
    this.opened = true;
    if (!this.everOpened) {
      this.everOpened = true;
      this.options.onFirstOpen();
    }
    this.root.classList.add('open');
    show(this.panel, true);
    show(this.launcher, false);
    this.render(this.state);
    this.scrollToEnd();
    this.input.focus();
  }

  close(): void {
    if (!this.opened) return;
    this.opened = false;
    this.root.classList.remove('open');
    show(this.panel, false);
    show(this.launcher, true);
    show(this.emojiPicker, false);
    this.render(this.state);
    this.launcher.focus();
  }

  private render(state: ChatState): void {
    this.state = state;
    const { t } = this;

    const unseen = this.opened ? 0 : state.unseen;
    show(this.badge, unseen > 0);
    setText(this.badge, unseen > 99 ? '99+' : String(unseen));
    if (!this.opened) return;

    setText(this.shopName, state.shop?.name ?? t('panelTitle'));
    setText(this.status, this.statusText(state));

    const connectionText =
      state.connection === 'failed'
        ? (state.sessionError ?? t('sessionFailed'))
        : state.connection === 'reconnecting'
          ? t('reconnecting')
          : state.connection === 'starting'
            ? t('connecting')
            : '';
    show(this.connection, connectionText !== '');
    setText(this.connectionText, connectionText);
    show(this.reconnect, state.connection === 'failed');

    const queueText = this.queueText(state);
    show(this.queue, queueText !== '');
    setText(this.queue, queueText);

    const offlineNote = this.offlineNoteText(state.conversation, state.contactLeft);
    show(this.offlineNote, offlineNote !== '');
    setText(this.offlineNote, offlineNote);

    this.renderMessages(state);
    show(this.typingLine, state.agentTyping);
    show(this.notice, state.notice !== null);
    setText(this.noticeText, state.notice ?? '');

    const section = this.bottomSection(state);
    show(this.composer, section === 'composer');
    show(this.offlineForm, section === 'offline');
    show(this.rating, section === 'rating');
    if (section !== 'composer') show(this.emojiPicker, false);
    show(this.uploading, state.uploading);
    if (section === 'offline') {
      setText(
        this.offlineHint,
        state.shop?.serviceOpen === false ? t('offlineClosedHint') : t('offlineBusyHint'),
      );
    }
    if (section === 'rating') this.renderRating(state);
    this.syncSendButton();
    this.markSeenIfVisible();
  }

  private statusText(state: ChatState): string {
    const { t } = this;
    switch (state.conversation?.status) {
      case 'queued':
        return t('statusQueued');
      case 'assigned':
        return t('statusAssigned');
      case 'offline_message':
        return t('statusOffline');
      case 'closed':
        return t('statusClosed');
      default:
        return state.shop && (!state.shop.serviceOpen || state.queueFull) ? t('offlineTitle') : '';
    }
  }

  private queueText(state: ChatState): string {
    if (state.conversation?.status !== 'queued' || !state.queue) return '';
    const { ahead, waitMinutes } = queueNotice(state.queue.position, state.queue.estimatedWaitSeconds);
    const place = ahead > 0 ? this.t('queueAhead', { n: ahead }) : this.t('queueNext');
    if (waitMinutes === null) return place;
    return place + (waitMinutes > 0 ? this.t('queueWait', { m: waitMinutes }) : this.t('queueWaitSoon'));
  }

  private offlineNoteText(conversation: Conversation | null, contactLeft: boolean): string {
    if (conversation?.status !== 'offline_message' || !contactLeft) return '';
    if (!conversation.replyDueAt) return this.t('offlineReceived');
    const time = new Intl.DateTimeFormat(this.options.language, {
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(conversation.replyDueAt));
    return this.t('offlineReplyBy', { time });
  }

  private bottomSection(state: ChatState): BottomSection {
    if (!state.shop) return 'none';
    const conversation = state.conversation;
    if (conversation?.status === 'closed') return 'rating';
    const nobodyCanTake = !state.shop.serviceOpen || state.queueFull;
    if (!state.contactLeft && !conversation && nobodyCanTake) return 'offline';
    if (!state.contactLeft && conversation?.status === 'offline_message') return 'offline';
    return 'composer';
  }

  private renderRating(state: ChatState): void {
    const done = state.rating.state === 'done' || this.options.client.rated;
    show(this.ratingAsk, !done);
    show(this.ratingComment, !done);
    show(this.ratingSubmit, !done);
    show(this.ratingThanks, done);
    show(this.ratingError, !done && state.rating.error !== null);
    setText(this.ratingError, state.rating.error ?? '');
    this.ratingSubmit.disabled = this.chosenScore === null || state.rating.state === 'sending';
    for (const [score, button] of this.ratingButtons) {
      button.setAttribute('aria-pressed', String(score === this.chosenScore));
    }
  }

  // ── messages ────────────────────────────────────────────────────────────────────────────────────────

  private renderMessages(state: ChatState): void {
    const atEnd = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 40;
    const items = buildTimeline(state.messages, state.outbox);
    const keep = new Set<string>();
    const elements: HTMLElement[] = [this.welcome];
    for (const item of items) {
      const signature = this.signatureOf(item, state.agentReadSeq);
      keep.add(item.key);
      let cached = this.rendered.get(item.key);
      if (!cached || cached.signature !== signature) {
        cached = { signature, element: this.messageElement(item, state.agentReadSeq) };
        this.rendered.set(item.key, cached);
      }
      elements.push(cached.element);
    }
    for (const key of this.rendered.keys()) if (!keep.has(key)) this.rendered.delete(key);
    const current = Array.from(this.list.children);
    if (current.length !== elements.length || current.some((child, index) => child !== elements[index])) {
      const grew = elements.length > current.length;
      this.list.replaceChildren(...elements);
      const last = items.at(-1);
      if (atEnd || (grew && last?.kind === 'outgoing')) this.scrollToEnd();
    }
  }

  private signatureOf(item: TimelineItem, agentReadSeq: number): string {
    if (item.kind === 'outgoing') return `out:${item.entry.state}:${item.entry.error ?? ''}`;
    const faq =
      item.message.kind === 'faq_answer'
        ? `:${this.faqState(item.message.id) ?? ''}:${this.faqOpen(item.message)}`
        : '';
    return `msg:${item.message.seq}:${isReadByAgent(item.message, agentReadSeq)}${faq}`;
  }

  private faqState(messageId: string) {
    return this.options.client.current.reactions[messageId];
  }

  /** Buttons under the latest FAQ answer only, and only while no agent has taken the chat. */
  private faqOpen(message: ChatMessage): boolean {
    const state = this.options.client.current;
    const latest = state.messages.filter((m) => m.kind === 'faq_answer').at(-1);
    return latest?.id === message.id && !state.conversation?.agentId;
  }

  private faqActions(message: ChatMessage): HTMLElement | null {
    const { t } = this;
    const reaction = this.faqState(message.id);
    if (reaction === 'solved')
      return h('div', { className: 'faq-note', testId: 'kefu-faq-note', text: t('faqThanks') });
    if (reaction === 'handover')
      return h('div', { className: 'faq-note', testId: 'kefu-faq-note', text: t('faqHandedOver') });
    if (!this.faqOpen(message)) return null;
    const button = (reactionKind: 'solved' | 'handover', label: string, testId: string) =>
      h('button', {
        testId,
        text: label,
        attrs: { type: 'button', ...(reaction === 'sending' ? { disabled: '' } : {}) },
        on: { click: () => void this.options.client.react(message.id, reactionKind) },
      });
    return h('div', { className: 'faq-actions' }, [
      button('solved', t('faqSolved'), 'kefu-faq-solved'),
      button('handover', t('faqHandover'), 'kefu-faq-handover'),
    ]);
  }

  private messageElement(item: TimelineItem, agentReadSeq: number): HTMLElement {
    return item.kind === 'outgoing'
      ? this.outgoingElement(item.entry)
      : this.storedElement(item.message, agentReadSeq);
  }

  private storedElement(message: ChatMessage, agentReadSeq: number): HTMLElement {
    const { t } = this;
    const data = {
      'data-author': message.authorKind,
      'data-kind': message.kind,
      'data-seq': String(message.seq),
      'data-state': 'sent',
    };
    if (message.kind === 'event') {
      return h('div', { className: 'event', testId: 'kefu-message', text: message.text, attrs: data });
    }
    const automatic = message.kind === 'auto_reply' || message.kind === 'faq_answer';
    const side = message.authorKind === 'customer' ? 'customer' : automatic ? 'auto' : 'agent';
    const label =
      message.kind === 'faq_answer'
        ? t('faqAnswer')
        : message.kind === 'auto_reply'
          ? t('autoReply')
          : message.authorKind === 'customer'
            ? null
            : t('agent');
    const read = isReadByAgent(message, agentReadSeq);
    return h('div', { className: `msg ${side}`, testId: 'kefu-message', attrs: data }, [
      label ? h('div', { className: 'label', text: label }) : null,
      this.bubble(message.text, message.attachment?.url ?? null),
      message.kind === 'faq_answer' ? this.faqActions(message) : null,
      h('div', { className: 'meta', testId: 'kefu-message-status' }, [
        h('span', { text: this.timeOf(message.createdAt) }),
        message.authorKind === 'customer'
          ? h('span', {
              className: read ? 'read' : 'unread',
              testId: 'kefu-receipt',
              text: read ? t('read') : t('unread'),
            })
          : null,
      ]),
    ]);
  }

  private outgoingElement(entry: OutboxEntry): HTMLElement {
    const { t } = this;
    const failed = entry.state === 'failed';
    const id = entry.clientMessageId;
    return h(
      'div',
      {
        className: `msg customer ${entry.state}`,
        testId: 'kefu-message',
        attrs: { 'data-author': 'customer', 'data-state': entry.state, 'data-client-id': id },
      },
      [
        this.bubble(entry.payload.text, entry.attachment?.url ?? null),
        h('div', { className: 'meta', testId: 'kefu-message-status' }, [
          failed
            ? h('span', {
                className: 'failed-text',
                text: entry.error ? `${t('failed')}：${entry.error}` : t('failed'),
              })
            : h('span', { text: t('pending') }),
          failed
            ? h('button', {
                testId: 'kefu-retry',
                text: t('retry'),
                attrs: { type: 'button' },
                on: { click: () => this.options.client.retry(id) },
              })
            : null,
          failed
            ? h('button', {
                testId: 'kefu-discard',
                text: t('discard'),
                attrs: { type: 'button' },
                on: { click: () => this.options.client.discard(id) },
              })
            : null,
        ]),
      ],
    );
  }

  private bubble(text: string, imageUrl: string | null): HTMLElement {
    if (!imageUrl) return h('div', { className: 'bubble', text });
    const url = this.absolute(imageUrl);
    return h('div', { className: 'bubble image' }, [
      h('a', { attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } }, [
        h('img', { testId: 'kefu-image', attrs: { src: url, alt: this.t('imageAlt'), loading: 'lazy' } }),
      ]),
      text ? h('div', { className: 'caption', text }) : null,
    ]);
  }

  private absolute(url: string): string {
    return /^https?:/i.test(url) ? url : `${this.options.baseUrl}${url.startsWith('/') ? '' : '/'}${url}`;
  }

  private timeOf(iso: string): string {
    return new Intl.DateTimeFormat(this.options.language, { hour: '2-digit', minute: '2-digit' }).format(
      new Date(iso),
    );
  }

  private scrollToEnd(): void {
    this.list.scrollTop = this.list.scrollHeight;
  }

  private markSeenIfVisible(): void {
    if (this.opened && document.visibilityState === 'visible') this.options.client.markSeen();
  }

  // ── actions ─────────────────────────────────────────────────────────────────────────────────────────

  private submitText(): void {
    const text = this.input.value;
    if (!text.trim()) return;
    this.options.client.sendText(text);
    this.input.value = '';
    show(this.emojiPicker, false);
    this.syncSendButton();
    this.input.focus();
  }

  private syncSendButton(): void {
    this.sendButton.disabled = this.input.value.trim() === '';
  }

  private insertEmoji(emoji: string): void {
    const { selectionStart, selectionEnd, value } = this.input;
    const start = selectionStart ?? value.length;
    const end = selectionEnd ?? value.length;
    this.input.value = value.slice(0, start) + emoji + value.slice(end);
    const caret = start + emoji.length;
    this.input.setSelectionRange(caret, caret);
    show(this.emojiPicker, false);
    this.input.focus();
    this.syncSendButton();
  }

  private pickedImage(): void {
    const file = this.imageInput.files?.[0];
    this.imageInput.value = '';
    if (!file) return;
    const check = checkImage(file);
    if (!check.ok) {
      this.options.client.showNotice(
        check.reason === 'size'
          ? this.t('imageTooLarge', { mb: maxImageBytes / 1024 / 1024 })
          : this.t('imageWrongType'),
      );
      return;
    }
    void this.options.client.sendImage(file);
  }

  private submitOffline(): void {
    const { t } = this;
    const name = this.offlineName.value.trim();
    const phone = this.offlinePhone.value.trim();
    const text = this.offlineText.value.trim();
    const error = !text
      ? t('offlineTextRequired')
      : phone && !contactPhonePattern.test(phone)
        ? t('offlinePhoneInvalid')
        : '';
    show(this.offlineError, error !== '');
    setText(this.offlineError, error);
    if (error) return;
    this.options.client.sendText(text, { ...(name ? { name } : {}), ...(phone ? { phone } : {}) });
    this.offlineText.value = '';
  }

  private chooseScore(score: Score): void {
    this.chosenScore = score;
    this.renderRating(this.state);
  }

  private startNewChat(): void {
    this.chosenScore = null;
    this.ratingComment.value = '';
    this.options.client.newChat();
    this.input.focus();
  }
}

/** Constructed style sheets are not inline styles, so a shop's strict CSP does not block them. */
function adoptStyles(shadow: ShadowRoot, css: string): void {
  if (
    'adoptedStyleSheets' in shadow &&
    typeof CSSStyleSheet === 'function' &&
    'replaceSync' in CSSStyleSheet.prototype
  ) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    shadow.append(h('style', { text: css }));
  }
}
