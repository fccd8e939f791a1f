// What the widget keeps in the visitor's browser, per shop key: the visitor token, the outbox and small marks
// (what was seen, which chats got a contact or a rating). A browser that refuses storage just forgets.
import type { OutboxEntry, OutboxStorage } from './outbox.js';

export interface WidgetMemory {
  visitorToken?: string;
  /** Whose token it is: the member id, or '' for an anonymous visitor */
  identity?: string;
  outbox: OutboxEntry[];
  /** conversation id → highest shop message seq the customer has seen (the badge) */
  seen: Record<string, number>;
  /** conversations whose offline message already carries contact details */
  contactLeft: string[];
  /** conversations already rated */
  rated: string[];
}

const empty = (): WidgetMemory => ({ outbox: [], seen: {}, contactLeft: [], rated: [] });

/** Only the latest few conversations are remembered; older marks are of no use. */
const keepConversations = 20;

export class WidgetStorage implements OutboxStorage {
  private readonly key: string;
  private memory: WidgetMemory;

  constructor(
    shopKey: string,
    private readonly backend: Pick<Storage, 'getItem' | 'setItem'> | null = safeLocalStorage(),
  ) {
    this.key = `kefu-widget:${shopKey}`;
    this.memory = this.read();
  }

  get visitorToken(): string | undefined {
    return this.memory.visitorToken;
  }

  set visitorToken(token: string | undefined) {
    const { visitorToken: _old, ...rest } = this.memory;
    this.memory = token ? { ...rest, visitorToken: token } : rest;
    this.write();
  }

  /** Whether someone was here before: a token to resume, or messages still to send. */
  get returning(): boolean {
    return this.memory.visitorToken !== undefined || this.memory.outbox.length > 0;
  }

  /**
   * The page now belongs to another person (a member signed in or out): their predecessor's token and unsent
   * messages are forgotten, so nobody resumes someone else's chat on a shared computer.
   */
  claimFor(identity: string): void {
    if ((this.memory.identity ?? '') === identity) return;
    this.memory = { ...empty(), identity };
    this.write();
  }

  load(): OutboxEntry[] {
    return this.memory.outbox;
  }

  save(entries: OutboxEntry[]): void {
    this.memory = { ...this.memory, outbox: entries };
    this.write();
  }

  seenSeq(conversationId: string): number {
    return this.memory.seen[conversationId] ?? 0;
  }

  markSeen(conversationId: string, seq: number): void {
    if (seq <= this.seenSeq(conversationId)) return;
    const entries = Object.entries({ ...this.memory.seen, [conversationId]: seq });
    this.memory = { ...this.memory, seen: Object.fromEntries(entries.slice(-keepConversations)) };
    this.write();
  }

  hasContact(conversationId: string): boolean {
    return this.memory.contactLeft.includes(conversationId);
  }

  markContact(conversationId: string): void {
    if (this.hasContact(conversationId)) return;
    this.memory = {
      ...this.memory,
      contactLeft: [...this.memory.contactLeft, conversationId].slice(-keepConversations),
    };
    this.write();
  }

  isRated(conversationId: string): boolean {
    return this.memory.rated.includes(conversationId);
  }

  markRated(conversationId: string): void {
    if (this.isRated(conversationId)) return;
    this.memory = { ...this.memory, rated: [...this.memory.rated, conversationId].slice(-keepConversations) };
    this.write();
  }

  private read(): WidgetMemory {
    try {
      const raw = this.backend?.getItem(this.key);
      if (!raw) return empty();
      const parsed = JSON.parse(raw) as Partial<WidgetMemory>;
      return {
        ...(typeof parsed.visitorToken === 'string' ? { visitorToken: parsed.visitorToken } : {}),
        ...(typeof parsed.identity === 'string' ? { identity: parsed.identity } : {}),
        outbox: Array.isArray(parsed.outbox) ? parsed.outbox : [],
        seen: typeof parsed.seen === 'object' && parsed.seen !== null ? parsed.seen : {},
        contactLeft: Array.isArray(parsed.contactLeft) ? parsed.contactLeft : [],
        rated: Array.isArray(parsed.rated) ? parsed.rated : [],
      };
    } catch {
      return empty();
    }
  }

  private write(): void {
    try {
      this.backend?.setItem(this.key, JSON.stringify(this.memory));
    } catch {
      // Storage full or refused (private mode): the widget still works for this page view.
    }
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
