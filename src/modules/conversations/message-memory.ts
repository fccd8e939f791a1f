// What the metrics keep of live chats between their roll-up refreshes (see chatFacts in service.ts).

/**
 * Per conversation: its messages up to a sequence number, most recently used kept, at most `limit` messages in all.
 * Messages are never changed or removed once stored, and a conversation's sequence numbers become visible in order
 * (each is taken by a write to the conversation's row, held until commit), so a kept chat is brought up to date by
 * reading only the messages after its last kept number.
 */
export class MessageMemory<M> {
  private readonly chats = new Map<string, { lastSeq: number; messages: M[] }>();
  private kept = 0;

  constructor(private readonly limit: number) {}

  /** The number after which a conversation's messages still have to be read (0: none kept). */
  lastSeqOf(conversationId: string): number {
    return this.chats.get(conversationId)?.lastSeq ?? 0;
  }

  /**
   * Adds the messages read after `readAfter` (the lastSeqOf taken before the read; each with its seq, in order) and
   * returns all the conversation's messages kept so far, as a new array. Those kept meanwhile by `append` are not
   * added twice. Null when what is kept no longer reaches `readAfter` (the chat was let go while being read): the
   * caller reads it whole and extends from 0. A chat too long to keep is returned but not kept.
   */
  extend(
    conversationId: string,
    readAfter: number,
    after: ReadonlyArray<{ seq: number; message: M }>,
  ): M[] | null {
    const entry = this.chats.get(conversationId);
    const lastKept = entry?.lastSeq ?? 0;
    if (lastKept < readAfter) return null;
    const messages = entry ? entry.messages : [];
    const before = messages.length;
    let lastSeq = lastKept;
    for (const { seq, message } of after) {
      if (seq <= lastSeq) continue;
      messages.push(message);
      lastSeq = seq;
    }
    if (entry) {
      this.chats.delete(conversationId);
      this.kept -= before;
    }
    if (messages.length <= this.limit) {
      this.chats.set(conversationId, { lastSeq, messages });
      this.kept += messages.length;
      this.forgetOldest();
    }
    return messages.slice();
  }

  /**
   * A message this process has just stored (committed), when it is the very next of a chat kept here: it is kept
   * without being read back. Anything else (a chat not kept, a gap before it) is left to the next read.
   */
  append(conversationId: string, seq: number, message: M): void {
    const entry = this.chats.get(conversationId);
    if (!entry || entry.lastSeq !== seq - 1) return;
    // the kept array is never handed out (copies are), so it grows in place
    entry.messages.push(message);
    entry.lastSeq = seq;
    this.kept += 1;
    this.forgetOldest();
  }

  /** The chats used longest ago go until the rest fit the limit. */
  private forgetOldest(): void {
    for (const [id, oldest] of this.chats) {
      if (this.kept <= this.limit) break;
      this.chats.delete(id);
      this.kept -= oldest.messages.length;
    }
  }

  get size(): { chats: number; messages: number } {
    return { chats: this.chats.size, messages: this.kept };
  }
}
