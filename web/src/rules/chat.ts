// Pure rules of the agent workspace: messages merged by seq, conversation versions, which list holds a chat,
// the first-response clock (SPEC §3: 45 s in seed 003, 60 s in seed 001) and unread counts.
import type { ChatMessage, Conversation } from '@shared/schemas/chat.js';

/** The conversation lists of the workspace: mine, the shared queue, and every chat (supervisors). */
export const workspaceViews = ['mine', 'queue', 'all'] as const;
export type WorkspaceView = (typeof workspaceViews)[number];

/** The reply is due within 45 s (seed 003); past 60 s (seed 001) it is late by every rule. */
export const firstResponseWarnSeconds = 45;
export const firstResponseLimitSeconds = 60;

export type TimerLevel = 'ok' | 'warning' | 'overdue';

/** Adds incoming messages to the held ones: every seq exactly once, in seq order; the held array when nothing is new. */
export function mergeMessages(held: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const known = new Set(held.map((message) => message.seq));
  const fresh = incoming.filter((message) => !known.has(message.seq));
  if (fresh.length === 0) return held as ChatMessage[];
  const bySeq = new Map<number, ChatMessage>();
  for (const message of [...held, ...fresh]) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The highest seq held, i.e. what a `sync` asks to continue after. */
export function lastSeqOf(messages: readonly ChatMessage[]): number {
  return messages.reduce((highest, message) => Math.max(highest, message.seq), 0);
}

/** A pushed conversation replaces the held one unless it is an older version (out-of-order delivery). */
export function isCurrentVersion(held: Conversation | undefined, incoming: Conversation): boolean {
  return held === undefined || incoming.version >= held.version;
}

export function belongsToView(view: WorkspaceView, conversation: Conversation, userId: string): boolean {
  if (view === 'mine') return conversation.status === 'assigned' && conversation.agentId === userId;
  if (view === 'queue') return conversation.status === 'queued' || conversation.status === 'offline_message';
  return true;
}

const instantMs = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : Number.NaN);

/** The queue keeps arrival order (SPEC §3.4); the other lists show the latest activity first. */
export function sortForView(view: WorkspaceView, conversations: readonly Conversation[]): Conversation[] {
  const sorted = [...conversations];
  if (view === 'queue') {
    const waitingSince = (c: Conversation) => instantMs(c.queuedAt ?? c.createdAt);
    sorted.sort((a, b) => waitingSince(a) - waitingSince(b));
  } else {
    const activity = (c: Conversation) => instantMs(c.lastMessageAt ?? c.createdAt);
    sorted.sort((a, b) => activity(b) - activity(a));
  }
  return sorted;
}

/** A list after a pushed conversation: replaced if current, dropped when it left the view, added when it joined. */
export function upsertIntoView(
  view: WorkspaceView,
  list: readonly Conversation[],
  incoming: Conversation,
  userId: string,
): Conversation[] {
  const held = list.find((conversation) => conversation.id === incoming.id);
  if (!isCurrentVersion(held, incoming)) return list as Conversation[];
  const others = list.filter((conversation) => conversation.id !== incoming.id);
  if (!belongsToView(view, incoming, userId)) {
    return held ? others : (list as Conversation[]);
  }
  return sortForView(view, [...others, incoming]);
}

/** Shows a new message in a list item before the server's conversation update arrives. */
export function withMessage(conversation: Conversation, message: ChatMessage): Conversation {
  if (message.conversationId !== conversation.id || message.seq <= conversation.lastSeq) return conversation;
  const visible = !message.internal && message.text.length > 0;
  return {
    ...conversation,
    lastSeq: message.seq,
    lastMessageAt: message.createdAt,
    lastMessagePreview: visible ? message.text : conversation.lastMessagePreview,
  };
}

/** Messages the agent has not seen: everything after the higher of the server's and this tab's read mark. */
export function unreadCount(conversation: Conversation, localReadSeq = 0): number {
  return Math.max(0, conversation.lastSeq - Math.max(conversation.agentReadSeq, localReadSeq));
}

export function timerLevel(seconds: number): TimerLevel {
  if (seconds > firstResponseLimitSeconds) return 'overdue';
  if (seconds > firstResponseWarnSeconds) return 'warning';
  return 'ok';
}

export interface FirstResponseClock {
  seconds: number;
  /** false once the agent has replied: the clock shows how long the first reply took */
  running: boolean;
  level: TimerLevel;
}

/** The first agent reply since the current assignment, from the conversation or, failing that, the history. */
function firstReplyAt(
  conversation: Conversation,
  messages: readonly ChatMessage[],
  assignedAt: number,
): number {
  const recorded = instantMs(conversation.firstResponseAt);
  if (recorded >= assignedAt) return recorded;
  const reply = messages.find(
    (message) =>
      message.authorKind === 'agent' && !message.internal && instantMs(message.createdAt) >= assignedAt,
  );
  return reply ? instantMs(reply.createdAt) : Number.NaN;
}

/** Seconds from assignment to the first agent reply, still counting while nobody has replied. */
export function firstResponseClock(
  conversation: Conversation,
  messages: readonly ChatMessage[],
  nowMs: number,
): FirstResponseClock | null {
  const assignedAt = instantMs(conversation.assignedAt);
  if (Number.isNaN(assignedAt)) return null;
  const repliedAt = firstReplyAt(conversation, messages, assignedAt);
  const running = Number.isNaN(repliedAt);
  if (running && conversation.status !== 'assigned') return null;
  const seconds = Math.max(0, Math.floor(((running ? nowMs : repliedAt) - assignedAt) / 1000));
  return { seconds, running, level: timerLevel(seconds) };
}

export type ListTimer =
  | { kind: 'waiting'; seconds: number; level: TimerLevel }
  | { kind: 'firstResponse'; seconds: number; level: TimerLevel };

/** The clock a list item shows: the wait of a queued chat, or the first-response clock until the first reply. */
export function listTimer(conversation: Conversation, nowMs: number): ListTimer | null {
  if (conversation.status === 'queued' || conversation.status === 'offline_message') {
    const since = instantMs(conversation.queuedAt ?? conversation.createdAt);
    if (Number.isNaN(since)) return null;
    const seconds = Math.max(0, Math.floor((nowMs - since) / 1000));
    return { kind: 'waiting', seconds, level: conversation.offHours ? 'ok' : timerLevel(seconds) };
  }
  if (conversation.status !== 'assigned') return null;
  const clock = firstResponseClock(conversation, [], nowMs);
  return clock?.running ? { kind: 'firstResponse', seconds: clock.seconds, level: clock.level } : null;
}

/** Assigned to me just now and not announced yet: the workspace beeps and the tab title flashes. */
export function assignmentKey(conversation: Conversation): string {
  return `${conversation.id}@${conversation.assignedAt ?? ''}`;
}

export function isNewAssignment(
  conversation: Conversation,
  userId: string,
  announced: ReadonlySet<string>,
  nowMs: number,
  freshForMs = 120_000,
): boolean {
  if (conversation.status !== 'assigned' || conversation.agentId !== userId) return false;
  const assignedAt = instantMs(conversation.assignedAt);
  if (Number.isNaN(assignedAt) || nowMs - assignedAt > freshForMs) return false;
  return !announced.has(assignmentKey(conversation));
}

/** The queue at a glance for the supervisor: how many wait and the longest wait. */
export function queueStats(
  conversations: readonly Conversation[],
  nowMs: number,
): { length: number; longestWaitSeconds: number | null } {
  const waiting = conversations.filter((c) => c.status === 'queued');
  const since = waiting.map((c) => instantMs(c.queuedAt ?? c.createdAt)).filter((ms) => !Number.isNaN(ms));
  const oldest = since.length > 0 ? Math.min(...since) : null;
  return {
    length: waiting.length,
    longestWaitSeconds: oldest === null ? null : Math.max(0, Math.floor((nowMs - oldest) / 1000)),
  };
}

/** Read receipts: an agent message is read once the customer's read mark reaches its seq. */
export function isReadByCustomer(conversation: Conversation, message: ChatMessage): boolean {
  return conversation.customerReadSeq >= message.seq;
}

/** At most one event per interval (activity: 15 s, so the server's 60 s idle check sees a working agent). */
export function isDue(lastSentAt: number | null, nowMs: number, intervalMs: number): boolean {
  return lastSentAt === null || nowMs - lastSentAt >= intervalMs;
}
export const activityIntervalMs = 15_000;
export const typingIntervalMs = 3_000;

export type ReplyBlock = 'closed' | 'waiting' | 'notMine';

export interface ChatAbilities {
  /** why the reply box is off, or null when the agent may write */
  replyBlock: ReplyBlock | null;
  canTransfer: boolean;
  canAssign: boolean;
  canClose: boolean;
}

/** What the viewer may do in a chat: its agent works in it; supervisors also in others' chats and the queue. */
export function chatAbilities(
  conversation: Conversation,
  userId: string,
  supervises: boolean,
): ChatAbilities {
  const mine = conversation.agentId === userId;
  const open = conversation.status !== 'closed';
  const assigned = conversation.status === 'assigned';
  const replyBlock: ReplyBlock | null = !open
    ? 'closed'
    : !assigned
      ? 'waiting'
      : mine || supervises
        ? null
        : 'notMine';
  return {
    replyBlock,
    canTransfer: assigned && (mine || supervises),
    canAssign: supervises && open,
    canClose: open && (mine || supervises),
  };
}
