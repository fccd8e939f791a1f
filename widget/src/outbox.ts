// The customer's unsent messages: each keeps its client message id until the server acknowledges it, survives
// a reload (persisted), and is resent with the same id after a reconnect, so the server stores it once.
import type { EntrySource } from '../../src/shared/chat.js';
import { newClientMessageId as clientMessageId } from '../../src/shared/client-message-id.js';
import type { Attachment } from '../../src/shared/schemas/chat.js';

/** What `send` carries (visitorSendSchema), minus the id the outbox adds. */
export interface OutgoingPayload {
  text: string;
  attachmentId?: string;
  source: EntrySource;
  productId?: string;
  orderId?: string;
  contact?: { name?: string; phone?: string };
}

export interface OutboxEntry {
  clientMessageId: string;
  payload: OutgoingPayload;
  /** The uploaded image, shown while the message waits */
  attachment?: Attachment;
  createdAt: number;
  /** pending: (re)sent or waiting for the connection; failed: refused or unanswered, the customer may resend */
  state: 'pending' | 'failed';
  /** The server's (localised) reason when it refused the message */
  error?: string;
}

export interface OutboxStorage {
  load(): OutboxEntry[];
  save(entries: OutboxEntry[]): void;
}

/** Time-ordered, with 120 random bits (src/shared/client-message-id.ts). */
export function newClientMessageId(
  randomBytes: (size: number) => Uint8Array = cryptoBytes,
  now: number = Date.now(),
): string {
  return clientMessageId(now, randomBytes);
}

function cryptoBytes(size: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(size));
}

function isEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<OutboxEntry>;
  return (
    typeof entry.clientMessageId === 'string' &&
    typeof entry.createdAt === 'number' &&
    typeof entry.payload === 'object' &&
    entry.payload !== null &&
    typeof entry.payload.text === 'string'
  );
}

export class Outbox {
  private items: OutboxEntry[];

  constructor(
    private readonly storage: OutboxStorage,
    private readonly now: () => number = Date.now,
  ) {
    // Whatever was in flight when the page went away is sent again; only what the server refused stays failed.
    this.items = storage
      .load()
      .filter(isEntry)
      .map((entry) => ({ ...entry, state: entry.error ? 'failed' : 'pending' }));
  }

  entries(): readonly OutboxEntry[] {
    return this.items;
  }

  /** The oldest message still to be sent, if any. */
  nextPending(): OutboxEntry | undefined {
    return this.items.find((entry) => entry.state === 'pending');
  }

  add(payload: OutgoingPayload, attachment?: Attachment): OutboxEntry {
    const entry: OutboxEntry = {
      clientMessageId: newClientMessageId(),
      payload,
      ...(attachment ? { attachment } : {}),
      createdAt: this.now(),
      state: 'pending',
    };
    this.items = [...this.items, entry];
    this.persist();
    return entry;
  }

  /** The server stored it (an ack, or the message seen in a push or a sync): it leaves the outbox. */
  delivered(clientMessageIds: Iterable<string>): boolean {
    const done = new Set(clientMessageIds);
    const remaining = this.items.filter((entry) => !done.has(entry.clientMessageId));
    if (remaining.length === this.items.length) return false;
    this.items = remaining;
    this.persist();
    return true;
  }

  failed(clientMessageId: string, error?: string): void {
    this.update(clientMessageId, (entry) => {
      const { error: _previous, ...rest } = entry;
      return { ...rest, state: 'failed', ...(error ? { error } : {}) };
    });
  }

  /** The customer asked to resend (or the connection came back): same id, so never stored twice. */
  retry(clientMessageId: string): void {
    this.update(clientMessageId, (entry) => {
      const { error: _previous, ...rest } = entry;
      return { ...rest, state: 'pending' };
    });
  }

  /** Every failed message is tried again (after a reconnect), except those the server refused outright. */
  retryUnanswered(): void {
    let changed = false;
    this.items = this.items.map((entry) => {
      if (entry.state !== 'failed' || entry.error) return entry;
      changed = true;
      return { ...entry, state: 'pending' };
    });
    if (changed) this.persist();
  }

  discard(clientMessageId: string): void {
    this.delivered([clientMessageId]);
  }

  private update(clientMessageId: string, change: (entry: OutboxEntry) => OutboxEntry): void {
    this.items = this.items.map((entry) =>
      entry.clientMessageId === clientMessageId ? change(entry) : entry,
    );
    this.persist();
  }

  private persist(): void {
    this.storage.save(this.items);
  }
}
