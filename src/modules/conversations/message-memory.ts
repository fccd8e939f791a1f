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
   * Adds the messages read after lastSeqOf (in sequence order) and returns all the conversation's messages kept
   * so far, as a new array. A chat too long to keep is returned but not kept.
   */
  extend(conversationId: string, after: readonly M[], lastSeq: number): M[] {
    const entry = this.chats.get(conversationId);
    const messages = entry ? [...entry.messages, ...after] : [...after];
    if (entry) {
      this.chats.delete(conversationId);
      this.kept -= entry.messages.length;
    }
    if (messages.length <= this.limit) {
      this.chats.set(conversationId, { lastSeq: Math.max(lastSeq, entry?.lastSeq ?? 0), messages });
      this.kept += messages.length;
      for (const [id, oldest] of this.chats) {
        if (this.kept <= this.limit) break;
        this.chats.delete(id);
        this.kept -= oldest.messages.length;
      }
    }
    return messages.slice();
  }

  get size(): { chats: number; messages: number } {
    return { chats: this.chats.size, messages: this.kept };
  }
}
