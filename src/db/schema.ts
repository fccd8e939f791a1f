// The single source of table types (Kysely's `Database` interface); columns are camelCase here, snake_case in SQL.
import type {
  FollowUpKind,
  FollowUpOwnerMode,
  FollowUpStatus,
  SuggestionSource,
  SuggestionStatus,
  SurveyKind,
} from '../shared/follow-ups.js';
import type { Locale } from '../shared/locales.js';
import type { Role } from '../shared/roles.js';
import type { AgentStatus, GroupKind } from '../shared/schemas/team.js';
import type { ConversationStatus, EntrySource, PresenceStatus, RoutingGroup } from '../shared/chat.js';
import type { CalendarDayKind, CalendarDaySource } from '../shared/schemas/calendar.js';
import type {
  CallbackStatus,
  CallDirection,
  CallEventType,
  CallMatterKind,
  CallSource,
  CallState,
  SpotCheckResult,
} from '../shared/calls.js';
import type { CommerceEventKind } from '../shared/commerce.js';
import type {
  AutoAnswerReaction,
  ClassificationSource,
  KnowledgeKind,
  ProblemType,
  TemplateStatus,
} from '../shared/assist.js';
import type { ImportRowErrorCode, OrderImportStatus } from '../shared/order-import.js';
import type {
  ComplaintCategory,
  SatisfactionLevel,
  SlaAlertKind,
  SlaPhase,
  SlaState,
  SlaSubjectKind,
  SlaTargetUnit,
  SlaWarnKind,
  WorkOrderEntryKind,
  WorkOrderPriority,
  WorkOrderSourceKind,
  WorkOrderStatus,
  WorkOrderType,
} from '../shared/work-orders.js';
import type {
  AppealStatus,
  AppealSubjectKind,
  EntryKind,
  EvidenceKind,
  SampleSubjectKind,
  TrainingKind,
} from '../shared/quality.js';

/** Instants are stored as UTC epoch milliseconds (bigint) on both dialects. */
export type EpochMs = number;

export interface ShopTable {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  locale: Locale;
  /** public key the chat widget is embedded with */
  widgetKey: string | null;
  /** HMAC key a shop's backend signs member identities with */
  identitySecret: string | null;
  /** service hours in the shop's time zone, 'HH:MM' */
  serviceOpensAt: string;
  serviceClosesAt: string;
  offHoursReplyBy: string;
  /** SPEC §3: beyond this many waiting chats a new chat becomes an offline message */
  maxQueueLength: number;
  /** SPEC §1: online without activity for this long is an idle violation candidate */
  idleLimitSeconds: number;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface UserTable {
  id: string;
  shopId: string;
  login: string;
  displayName: string;
  employeeNo: string;
  role: Role;
  status: AgentStatus;
  locale: Locale;
  passwordHash: string;
  maxConcurrentChats: number;
  departmentId: string | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface GroupTable {
  id: string;
  shopId: string;
  kind: GroupKind;
  name: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface GroupMemberTable {
  groupId: string;
  userId: string;
  shopId: string;
  createdAt: EpochMs;
}

export interface DepartmentTable {
  id: string;
  shopId: string;
  name: string;
  description: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface SessionTable {
  /** sha256 of the session token; the token itself lives only in the cookie */
  id: string;
  userId: string;
  shopId: string;
  csrfToken: string;
  createdAt: EpochMs;
  lastSeenAt: EpochMs;
  expiresAt: EpochMs;
}

export interface AuditLogTable {
  id: string;
  shopId: string;
  actorId: string | null;
  /** the actor's display name when the entry was written */
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** JSON text */
  changes: string;
  ip: string | null;
  createdAt: EpochMs;
}

export interface CustomerTable {
  id: string;
  shopId: string;
  /** the shop's own member id, when the shop's backend vouched for it; null for anonymous visitors */
  memberId: string | null;
  displayName: string;
  /** name and phone left with an offline message */
  contactName: string | null;
  phone: string | null;
  createdAt: EpochMs;
  lastSeenAt: EpochMs;
  /** contact e-mail (customer profile, SPEC §6) */
  email: string | null;
  /** VIP level 0 (none) … 9 */
  vipLevel: number;
  /** JSON array of tag strings */
  tags: string;
  /** the profile this one was merged into (its items are read through that one) */
  mergedInto: string | null;
}

export interface VisitorTokenTable {
  tokenHash: string;
  customerId: string;
  shopId: string;
  createdAt: EpochMs;
}

export interface ConversationTable {
  id: string;
  shopId: string;
  customerId: string;
  status: ConversationStatus;
  source: EntrySource;
  productId: string | null;
  orderId: string | null;
  targetGroup: RoutingGroup;
  agentId: string | null;
  routingTier: string | null;
  /** 0/1: received outside service hours (a 留言 offline message) */
  offHours: number;
  replyDueAt: EpochMs | null;
  queuedAt: EpochMs | null;
  assignedAt: EpochMs | null;
  firstResponseAt: EpochMs | null;
  closedAt: EpochMs | null;
  lastSeq: number;
  lastMessageAt: EpochMs | null;
  lastMessagePreview: string | null;
  customerReadSeq: number;
  agentReadSeq: number;
  transferCount: number;
  /** when the queue auto-reply was sent (once per stay in the queue) */
  queueNoticeAt: EpochMs | null;
  /** after a transfer to a group: the agent it came from, not to be chosen again */
  excludeAgentId: string | null;
  version: number;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export type MessageAuthorKind = 'customer' | 'agent' | 'system';

export interface MessageTable {
  id: string;
  shopId: string;
  conversationId: string;
  seq: number;
  authorKind: MessageAuthorKind;
  authorId: string | null;
  clientMessageId: string | null;
  kind: 'text' | 'image' | 'event' | 'auto_reply' | 'faq_answer';
  text: string;
  attachmentId: string | null;
  /** 0/1: an internal note, never sent to the customer */
  internal: number;
  createdAt: EpochMs;
}

export interface AgentPresenceTable {
  userId: string;
  shopId: string;
  status: PresenceStatus;
  changedAt: EpochMs;
  lastActivityAt: EpochMs;
}

export interface PresenceHistoryTable {
  id: string;
  shopId: string;
  userId: string;
  status: PresenceStatus;
  reason: string;
  at: EpochMs;
}

export interface AttachmentTable {
  /** unguessable key (128 random bits); it is the capability to read the file */
  id: string;
  shopId: string;
  uploaderKind: 'customer' | 'staff';
  uploaderId: string;
  contentType: string;
  size: number;
  sha256: string;
  data: Buffer;
  createdAt: EpochMs;
}

export interface ChatRatingTable {
  conversationId: string;
  shopId: string;
  customerId: string;
  agentId: string | null;
  score: 'good' | 'neutral' | 'bad';
  comment: string | null;
  createdAt: EpochMs;
}

export interface ConversationTransferTable {
  id: string;
  shopId: string;
  conversationId: string;
  /** transfer: by the agent; assign: a supervisor placing a queued chat; reassign: a supervisor moving one */
  kind: 'transfer' | 'assign' | 'reassign';
  fromAgentId: string | null;
  toAgentId: string | null;
  toGroup: RoutingGroup | null;
  note: string;
  byUserId: string;
  at: EpochMs;
}

export interface QuickReplyTable {
  id: string;
  shopId: string;
  ownerKey: string;
  shortcut: string;
  title: string;
  text: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface AutoReplyTable {
  id: string;
  shopId: string;
  kind: 'greeting' | 'off_hours' | 'queue' | 'promotion';
  slot: string;
  text: string;
  enabled: number;
  startsAt: EpochMs | null;
  endsAt: EpochMs | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface IdleEventTable {
  id: string;
  shopId: string;
  userId: string;
  idleSince: EpochMs;
  detectedAt: EpochMs;
  endedAt: EpochMs | null;
  limitSeconds: number;
}

/** A shop's business calendar (issue 4); zone and daily service hours live on `shops`. */
export interface BusinessCalendarTable {
  shopId: string;
  /** JSON WeeklyHours of src/shared/business-time.ts */
  workingHours: string;
  /** bumped on every change to the calendar or its days */
  version: number;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** A public holiday or 调休 make-up workday of a shop's calendar. */
export interface CalendarDayTable {
  id: string;
  shopId: string;
  /** 'YYYY-MM-DD' in the shop's zone */
  date: string;
  kind: CalendarDayKind;
  name: string;
  source: CalendarDaySource;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface WebhookSecretTable {
  shopId: string;
  /** 'current' or 'previous' (still accepted until the next rotation or until it is retired) */
  slot: 'current' | 'previous';
  secret: string;
  createdAt: EpochMs;
}

export interface CallSettingsTable {
  shopId: string;
  secondsPerRing: number;
  maxRings: number;
  callbackDelayMinutes: number;
  spotCheckSampleSize: number;
  updatedAt: EpochMs;
}

export interface CallExtensionTable {
  shopId: string;
  extension: string;
  userId: string;
  createdAt: EpochMs;
}

export interface CallTable {
  id: string;
  shopId: string;
  source: CallSource;
  externalCallId: string;
  direction: CallDirection;
  state: CallState;
  fromNumber: string | null;
  toNumber: string | null;
  agentExtension: string | null;
  agentId: string | null;
  customerId: string | null;
  startedAt: EpochMs;
  ringingAt: EpochMs | null;
  answeredAt: EpochMs | null;
  endedAt: EpochMs | null;
  ringMs: number | null;
  ringsBeforeAnswer: number | null;
  /** 0/1: ended without being answered */
  missed: number;
  recordingUrl: string | null;
  customerName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  matterKind: CallMatterKind | null;
  matter: string | null;
  handling: string | null;
  customerReaction: string | null;
  /** 0/1/null: whether the customer was told before recording */
  recordingTold: number | null;
  selfCheckedAt: EpochMs | null;
  spotCheckResult: SpotCheckResult | null;
  spotCheckComment: string | null;
  spotCheckedBy: string | null;
  spotCheckedAt: EpochMs | null;
  version: number;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface CallEventTable {
  id: string;
  shopId: string;
  eventId: string;
  externalCallId: string;
  type: CallEventType;
  occurredAt: EpochMs;
  /** JSON text */
  payload: string;
  receivedAt: EpochMs;
}

export interface CallbackTaskTable {
  id: string;
  shopId: string;
  callId: string;
  ownerAgentId: string | null;
  dueAt: EpochMs;
  status: CallbackStatus;
  doneBy: string | null;
  doneAt: EpochMs | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface CommerceEventTable {
  id: string;
  shopId: string;
  externalId: string;
  kind: CommerceEventKind;
  orderNo: string;
  subjectKey: string;
  memberId: string | null;
  phone: string | null;
  customerId: string | null;
  occurredAt: EpochMs;
  amountFen: number | null;
  source: 'webhook' | 'csv';
  importId: string | null;
  createdAt: EpochMs;
}

export interface OrderImportTable {
  id: string;
  shopId: string;
  fileName: string;
  status: OrderImportStatus;
  rowsTotal: number;
  rowsDone: number;
  rowsStored: number;
  rowsDuplicate: number;
  rowsFailed: number;
  failure: string | null;
  createdBy: string;
  createdAt: EpochMs;
  finishedAt: EpochMs | null;
}

export interface OrderImportErrorTable {
  importId: string;
  rowNo: number;
  columnName: string;
  code: ImportRowErrorCode;
}

/** A work order 工单 (SPEC §4); its history lives in work_order_entries. */
export interface WorkOrderTable {
  id: string;
  shopId: string;
  /** per-shop running number shown to people (GD-000123) */
  number: number;
  type: WorkOrderType;
  priority: WorkOrderPriority;
  status: WorkOrderStatus;
  /** while waiting_customer: the status to return to */
  statusBeforeWait: WorkOrderStatus | null;
  title: string;
  description: string;
  customerId: string | null;
  contactName: string | null;
  sourceKind: WorkOrderSourceKind;
  /** the conversation, call or order-side event it came from */
  sourceId: string | null;
  /** set for automatic work orders only ('commerce:<event id>'); unique per shop */
  originKey: string | null;
  conversationId: string | null;
  orderNo: string | null;
  /** the order / after-sale number whose clocks this work order answers for */
  subjectKey: string | null;
  complaintCategory: ComplaintCategory | null;
  assigneeId: string | null;
  departmentId: string | null;
  /** 0/1: handed to the complaint team 投诉组 */
  complaintTeam: number;
  keyPoints: string;
  customerRequirement: string;
  deadlineAt: EpochMs | null;
  satisfaction: SatisfactionLevel | null;
  reopenCount: number;
  apologySentAt: EpochMs | null;
  firstReplyAt: EpochMs | null;
  resolvedAt: EpochMs | null;
  closedAt: EpochMs | null;
  createdBy: string | null;
  version: number;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** Append-only: every change of a work order, every reply and note. */
export interface WorkOrderEntryTable {
  id: string;
  shopId: string;
  workOrderId: string;
  kind: WorkOrderEntryKind;
  actorId: string | null;
  /** the reply, note or reason text */
  body: string;
  /** JSON text: what changed */
  data: string;
  /** a customer-visible reply: the chat it was delivered to */
  conversationId: string | null;
  at: EpochMs;
}

export interface SlaPolicyTable {
  id: string;
  shopId: string;
  key: string;
  name: string;
  subject: SlaSubjectKind;
  startEvent: string;
  /** JSON array of SlaEvent */
  stopEvents: string;
  /** JSON array of WorkOrderType */
  workOrderTypes: string;
  targetUnit: SlaTargetUnit;
  targetAmount: number;
  targetCutoff: string | null;
  targetDueBy: string | null;
  /** JSON array of WorkOrderStatus */
  pauseStatuses: string;
  warnKind: SlaWarnKind;
  warnValue: number;
  enabled: number;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** One SLA clock per policy and subject; the row is a snapshot of clockState() after its latest fact. */
export interface SlaClockTable {
  id: string;
  shopId: string;
  policyId: string;
  subjectKind: SlaSubjectKind;
  subjectKey: string;
  workOrderId: string | null;
  customerId: string | null;
  /** who answers for it now (a work order's assignee, a chat's agent) */
  agentId: string | null;
  departmentId: string | null;
  phase: SlaPhase;
  state: SlaState;
  startedAt: EpochMs;
  budgetMs: number;
  elapsedMs: number;
  dueAt: EpochMs | null;
  warnAt: EpochMs | null;
  stoppedAt: EpochMs | null;
  /** raised when the deadline is set anew, so the new deadline can warn again */
  epoch: number;
  warnedAt: EpochMs | null;
  breachedAt: EpochMs | null;
  updatedAt: EpochMs;
}

export interface SlaClockFactTable {
  id: string;
  clockId: string;
  kind: 'start' | 'pause' | 'resume' | 'stop' | 'retarget';
  at: EpochMs;
  dueAt: EpochMs | null;
}

/** A warning or breach, recorded once per clock and deadline, attributed to the responsible agent. */
export interface SlaAlertTable {
  id: string;
  shopId: string;
  clockId: string;
  kind: SlaAlertKind;
  epoch: number;
  policyKey: string;
  subjectKind: SlaSubjectKind;
  subjectKey: string;
  workOrderId: string | null;
  agentId: string | null;
  departmentId: string | null;
  dueAt: EpochMs;
  at: EpochMs;
}

export interface QaSettingsTable {
  shopId: string;
  chatsPerAgent: number;
  callsPerAgent: number;
  firstReplyLimitSeconds: number;
  longChatMessages: number;
  /** JSON string[] */
  forbiddenWords: string;
  /** JSON string[] */
  greetingWords: string;
  appealWorkdays: number;
  updatedAt: EpochMs;
}

/** One version of a scorecard; never changed once saved (inspections keep the version they used). */
export interface QaScorecardTable {
  id: string;
  shopId: string;
  name: string;
  version: number;
  /** JSON ScorecardItem[] */
  items: string;
  active: number;
  createdBy: string | null;
  createdAt: EpochMs;
}

export interface QaSampleTable {
  id: string;
  shopId: string;
  /** Monday of the week in the shop's zone, 'YYYY-MM-DD' */
  week: string;
  agentId: string;
  subjectKind: SampleSubjectKind;
  subjectId: string;
  /** JSON SampleReason[] */
  reasons: string;
  /** JSON PrecheckMark[] */
  prechecks: string;
  subjectAt: EpochMs;
  inspectionId: string | null;
  createdAt: EpochMs;
}

export interface QaInspectionTable {
  id: string;
  shopId: string;
  sampleId: string;
  agentId: string;
  inspectorId: string;
  scorecardId: string;
  /** JSON Record<itemKey, points> */
  scores: string;
  /** JSON AnchoredComment[] */
  comments: string;
  summary: string;
  /** score out of 100, in tenths */
  scoreTenths: number;
  week: string;
  /** the deduction table's points before the weekly cap, in tenths */
  tablePointsTenths: number;
  /** points charged after the weekly cap, in tenths */
  pointsTenths: number;
  ledgerEntryId: string | null;
  appealDueAt: EpochMs;
  inspectedAt: EpochMs;
}

export interface DisciplineRuleTable {
  id: string;
  shopId: string;
  key: string;
  name: string;
  agentPointsTenths: number;
  supervisorPointsTenths: number;
  doubleFrom: number | null;
  threshold: number | null;
  automatic: number;
  enabled: number;
  updatedAt: EpochMs;
}

/** Append-only ledger of discipline points; a reversal is a new row with negative points. */
export interface DisciplineEntryTable {
  id: string;
  shopId: string;
  userId: string;
  ruleKey: string;
  kind: EntryKind;
  pointsTenths: number;
  basePointsTenths: number;
  repeatNo: number;
  /** 'YYYY-MM' in the shop's zone */
  month: string;
  occurredAt: EpochMs;
  evidenceKind: EvidenceKind;
  evidenceId: string | null;
  note: string;
  dedupeKey: string;
  reversesId: string | null;
  createdBy: string | null;
  createdAt: EpochMs;
}

export interface AppealTable {
  id: string;
  shopId: string;
  subjectKind: AppealSubjectKind;
  subjectId: string;
  userId: string;
  reason: string;
  status: AppealStatus;
  decidedBy: string | null;
  decisionNote: string | null;
  decidedAt: EpochMs | null;
  createdAt: EpochMs;
}

/** The day's data report an agent (or a supervisor for them) submits (seed 003: by 10:00 next workday). */
export interface DailyReportTable {
  id: string;
  shopId: string;
  userId: string;
  day: string;
  content: string;
  submittedBy: string;
  submittedAt: EpochMs;
}

export interface HandoverTable {
  id: string;
  shopId: string;
  fromUserId: string;
  toUserId: string | null;
  note: string;
  /** JSON HandoverItems */
  items: string;
  acknowledgedBy: string | null;
  acknowledgedAt: EpochMs | null;
  createdAt: EpochMs;
}

export interface TrainingSessionTable {
  id: string;
  shopId: string;
  kind: TrainingKind;
  title: string;
  heldOn: string;
  trainer: string;
  createdBy: string | null;
  createdAt: EpochMs;
}

export interface TrainingAttendanceTable {
  id: string;
  shopId: string;
  sessionId: string;
  userId: string;
  attended: number;
  score: number | null;
  passed: number;
  updatedAt: EpochMs;
}

/** A daily roll-up row (issue 6, docs/metrics.md §3): counters per shop, shop-local day and agent ('' = nobody). */
export interface KpiDailyTable {
  shopId: string;
  day: string;
  agentId: string;
  consults: number;
  unanswered: number;
  customerMessages: number;
  agentMessages: number;
  responseMsSum: number;
  responseCount: number;
  firstResponseMsSum: number;
  firstResponseCount: number;
  ratings: number;
  goodRatings: number;
  aftersaleHandlingMsSum: number;
  aftersaleHandlingCount: number;
  refundFen: number;
  workOrders: number;
  workOrdersResolvedAtOnce: number;
  workOrdersReplied: number;
  workOrdersRepliedInTime: number;
  aftersaleRated: number;
  aftersaleSatisfied: number;
  orderedCustomers: number;
  paidCustomers: number;
  csSalesFen: number;
  shopPaymentsFen: number;
  inboundCalls: number;
  answeredCalls: number;
}

/** What one source entity (a chat, a customer-day, an order number, a work order, a call) last added to kpi_daily. */
export interface KpiContributionTable {
  shopId: string;
  entityKey: string;
  /** JSON */
  data: string;
  updatedAt: EpochMs;
}

export interface KpiScoreSettingsTable {
  shopId: string;
  /** JSON: [{ metric, weight, target }] */
  items: string;
  updatedBy: string | null;
  updatedAt: EpochMs;
}

/** A generated report (issue 6): the monthly analysis report of seed 000 §7, with the figures it was made from. */
export interface ReportTable {
  id: string;
  shopId: string;
  kind: 'monthly' | 'daily' | 'weekly';
  period: string;
  /** JSON */
  data: string;
  createdBy: string | null;
  createdAt: EpochMs;
}

export interface Database {
  shops: ShopTable;
  users: UserTable;
  groups: GroupTable;
  groupMembers: GroupMemberTable;
  departments: DepartmentTable;
  sessions: SessionTable;
  auditLog: AuditLogTable;
  customers: CustomerTable;
  visitorTokens: VisitorTokenTable;
  conversations: ConversationTable;
  messages: MessageTable;
  agentPresence: AgentPresenceTable;
  presenceHistory: PresenceHistoryTable;
  attachments: AttachmentTable;
  chatRatings: ChatRatingTable;
  conversationTransfers: ConversationTransferTable;
  quickReplies: QuickReplyTable;
  autoReplies: AutoReplyTable;
  idleEvents: IdleEventTable;
  businessCalendars: BusinessCalendarTable;
  calendarDays: CalendarDayTable;
  webhookSecrets: WebhookSecretTable;
  callSettings: CallSettingsTable;
  callExtensions: CallExtensionTable;
  calls: CallTable;
  callEvents: CallEventTable;
  callbackTasks: CallbackTaskTable;
  commerceEvents: CommerceEventTable;
  orderImports: OrderImportTable;
  orderImportErrors: OrderImportErrorTable;
  workOrders: WorkOrderTable;
  workOrderEntries: WorkOrderEntryTable;
  slaPolicies: SlaPolicyTable;
  slaClocks: SlaClockTable;
  slaClockFacts: SlaClockFactTable;
  slaAlerts: SlaAlertTable;
  followUpRules: FollowUpRuleTable;
  followUpTasks: FollowUpTaskTable;
  questionnaires: QuestionnaireTable;
  surveyLinks: SurveyLinkTable;
  surveyAnswers: SurveyAnswerTable;
  suggestions: SuggestionTable;
  qaSettings: QaSettingsTable;
  qaScorecards: QaScorecardTable;
  qaSamples: QaSampleTable;
  qaInspections: QaInspectionTable;
  disciplineRules: DisciplineRuleTable;
  disciplineEntries: DisciplineEntryTable;
  appeals: AppealTable;
  dailyReports: DailyReportTable;
  handovers: HandoverTable;
  trainingSessions: TrainingSessionTable;
  trainingAttendance: TrainingAttendanceTable;
  knowledgeEntries: KnowledgeEntryTable;
  replyTemplates: ReplyTemplateTable;
  assistAutoAnswers: AssistAutoAnswerTable;
  assistClassifications: AssistClassificationTable;
  assistCorrections: AssistCorrectionTable;
  kpiDaily: KpiDailyTable;
  kpiContributions: KpiContributionTable;
  kpiScoreSettings: KpiScoreSettingsTable;
  reports: ReportTable;
}

// ── follow-up and feedback (SPEC §6) ────────────────────────────────────────────────────────────────────────

export interface FollowUpRuleTable {
  shopId: string;
  kind: FollowUpKind;
  enabled: number;
  delayAmount: number;
  ownerMode: FollowUpOwnerMode;
  ownerUserId: string | null;
  minVipLevel: number;
  updatedAt: EpochMs;
}

export interface FollowUpTaskTable {
  id: string;
  shopId: string;
  kind: FollowUpKind;
  status: FollowUpStatus;
  /** what created it (rule and subject), unique per shop; null for tasks made by hand */
  originKey: string | null;
  customerId: string | null;
  workOrderId: string | null;
  conversationId: string | null;
  ownerId: string | null;
  title: string;
  dueAt: EpochMs;
  /** when the sweep found it past its due time undone (recorded once) */
  overdueAt: EpochMs | null;
  completedAt: EpochMs | null;
  completedBy: string | null;
  reached: number | null;
  satisfaction: SatisfactionLevel | null;
  newProblems: string;
  suggestion: string;
  note: string;
  createdBy: string | null;
  createdAt: EpochMs;
  version: number;
}

export interface QuestionnaireTable {
  id: string;
  shopId: string;
  title: string;
  intro: string;
  /** JSON array of questions */
  questions: string;
  createdBy: string | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface SurveyLinkTable {
  id: string;
  shopId: string;
  tokenHash: string;
  kind: SurveyKind;
  questionnaireId: string | null;
  workOrderId: string | null;
  customerId: string | null;
  recipient: string;
  recipientKey: string;
  expiresAt: EpochMs;
  answeredAt: EpochMs | null;
  createdBy: string | null;
  createdAt: EpochMs;
}

export interface SurveyAnswerTable {
  id: string;
  shopId: string;
  linkId: string;
  questionnaireId: string | null;
  workOrderId: string | null;
  customerId: string | null;
  /** JSON object question id → answer */
  answers: string;
  satisfaction: SatisfactionLevel | null;
  comment: string;
  createdAt: EpochMs;
}

export interface SuggestionTable {
  id: string;
  shopId: string;
  customerId: string | null;
  sourceKind: SuggestionSource;
  sourceId: string | null;
  text: string;
  departmentId: string | null;
  status: SuggestionStatus;
  resolution: string;
  resolvedBy: string | null;
  resolvedAt: EpochMs | null;
  /** what the customer was told when it was adopted or declined */
  customerNotice: string | null;
  createdBy: string | null;
  createdAt: EpochMs;
}

/** A knowledge entry 知识条目: an FAQ (question, phrasings, answer) or an article, with validity and review dates. */
export interface KnowledgeEntryTable {
  id: string;
  shopId: string;
  kind: KnowledgeKind;
  category: string;
  title: string;
  body: string;
  /** JSON array of other phrasings of the question */
  phrasings: string;
  validFrom: number | null;
  validUntil: number | null;
  ownerId: string | null;
  nextReviewAt: number | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

/** A unified reply template 统一回复模板; once approved it is published as a shop quick reply. */
export interface ReplyTemplateTable {
  id: string;
  shopId: string;
  category: string;
  shortcut: string;
  title: string;
  text: string;
  status: TemplateStatus;
  createdBy: string | null;
  reviewedBy: string | null;
  reviewedAt: number | null;
  reviewNote: string | null;
  quickReplyId: string | null;
  createdAt: number;
  updatedAt: number;
}

/** An FAQ answer sent on its own while a chat waited, and what the customer made of it. */
export interface AssistAutoAnswerTable {
  id: string;
  shopId: string;
  conversationId: string;
  questionMessageId: string;
  answerMessageId: string;
  entryId: string;
  questionText: string;
  posteriorPermille: number;
  reaction: AutoAnswerReaction | null;
  reactedAt: number | null;
  createdAt: number;
}

/** A conversation's problem type (and complaint category), suggested or set by an agent. */
export interface AssistClassificationTable {
  conversationId: string;
  shopId: string;
  problemType: ProblemType;
  complaintCategory: ComplaintCategory | null;
  source: ClassificationSource;
  confidencePermille: number;
  /** the customer text it was made from */
  text: string;
  updatedBy: string | null;
  updatedAt: number;
}

/** An agent's correction of a classification: a training example for the shop's classifier. */
export interface AssistCorrectionTable {
  id: string;
  shopId: string;
  conversationId: string;
  text: string;
  problemType: ProblemType;
  complaintCategory: ComplaintCategory | null;
  agentId: string;
  createdAt: number;
}
