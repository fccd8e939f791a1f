// Kinds and defaults of quality inspection 质检 (SPEC §8), discipline points (SPEC §9), hand-overs and training,
// shared by server and web.

export const sampleReasons = [
  'random',
  'bad_rating',
  'complaint',
  'slow_first_reply',
  'long_chat',
  'transfer',
] as const;
export type SampleReason = (typeof sampleReasons)[number];

export const sampleSubjectKinds = ['conversation', 'call'] as const;
export type SampleSubjectKind = (typeof sampleSubjectKinds)[number];

/** What the automatic pre-checks can mark before an inspector looks. */
export const precheckKinds = [
  'first_reply_late',
  'forbidden_word',
  'no_greeting',
  'unanswered_question',
  'rings_over_limit',
] as const;
export type PrecheckKind = (typeof precheckKinds)[number];

export const appealStatuses = ['pending', 'upheld', 'rejected'] as const;
export type AppealStatus = (typeof appealStatuses)[number];

export const appealSubjectKinds = ['inspection', 'entry'] as const;
export type AppealSubjectKind = (typeof appealSubjectKinds)[number];

export const entryKinds = ['violation', 'reversal'] as const;
export type EntryKind = (typeof entryKinds)[number];

/** What a ledger entry points at as its evidence. */
export const evidenceKinds = [
  'conversation',
  'call',
  'idle_event',
  'auto_reply',
  'sla_alert',
  'followup',
  'daily_report',
  'inspection',
  'entry',
  'manual',
] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/** The rules of SPEC §9 (seed 003), plus the weekly QA deduction of SPEC §8. */
export const disciplineRuleKeys = [
  'qa_inspection',
  'first_reply_late',
  'missed_customer',
  'idle_online',
  'lunch_absence',
  'message_cutoff',
  'promotion_expired',
  'call_unanswered',
  'bad_rating',
  'bad_rating_text',
  'wrong_promise',
  'daily_report_late',
  'weekly_summary_late',
  'report_leak',
  'followup_late',
  'followup_form_missing',
  'documents_overnight',
  'shipping_late',
  'not_escalated',
] as const;
export type DisciplineRuleKey = (typeof disciplineRuleKeys)[number];

export interface DisciplineRuleDefault {
  key: DisciplineRuleKey;
  /** points in tenths (1.5 points = 15) */
  agentPoints: number;
  supervisorPoints: number;
  /** from this repeat within a month the points are doubled (seed 003: "3次以上加倍处罚") */
  doubleFrom: number | null;
  /** the rule's limit: seconds for a first reply, rings for a call, minutes past midnight for the daily report */
  threshold: number | null;
  automatic: boolean;
}

/**
 * Defaults from seed 003. Seed 003 gives no points for a late first reply or a missed customer (it only sets the
 * 45-second limit and forbids 漏客); 0.5 and 1 are our defaults, editable like every other rule.
 */
export const defaultDisciplineRules: readonly DisciplineRuleDefault[] = [
  {
    key: 'qa_inspection',
    agentPoints: 0,
    supervisorPoints: 0,
    doubleFrom: null,
    threshold: null,
    automatic: true,
  },
  {
    key: 'first_reply_late',
    agentPoints: 5,
    supervisorPoints: 0,
    doubleFrom: null,
    threshold: 45,
    automatic: true,
  },
  {
    key: 'missed_customer',
    agentPoints: 10,
    supervisorPoints: 0,
    doubleFrom: null,
    threshold: null,
    automatic: true,
  },
  {
    key: 'idle_online',
    agentPoints: 10,
    supervisorPoints: 20,
    doubleFrom: null,
    threshold: null,
    automatic: true,
  },
  {
    key: 'lunch_absence',
    agentPoints: 10,
    supervisorPoints: 0,
    doubleFrom: null,
    threshold: null,
    automatic: false,
  },
  {
    key: 'message_cutoff',
    agentPoints: 15,
    supervisorPoints: 0,
    doubleFrom: null,
    threshold: null,
    automatic: true,
  },
  {
    key: 'promotion_expired',
    agentPoints: 5,
    supervisorPoints: 0,
    doubleFrom: null,
    threshold: 1,
    automatic: true,
  },
  {
    key: 'call_unanswered',
    agentPoints: 10,
    supervisorPoints: 0,
    doubleFrom: null,
    threshold: 10,
    automatic: true,
  },
  {
    key: 'bad_rating',
    agentPoints: 30,
    supervisorPoints: 0,
    doubleFrom: null,
    threshold: null,
    automatic: true,
  },
  {
    key: 'bad_rating_text',
    agentPoints: 50,
    supervisorPoints: 0,
    doubleFrom: null,
    threshold: null,
    automatic: true,
  },
  {
    key: 'wrong_promise',
    agentPoints: 50,
    supervisorPoints: 0,
    doubleFrom: null,
    threshold: null,
    automatic: false,
  },
  {
    key: 'daily_report_late',
    agentPoints: 15,
    supervisorPoints: 0,
    doubleFrom: null,
    threshold: 600,
    automatic: true,
  },
  {
    key: 'weekly_summary_late',
    agentPoints: 5,
    supervisorPoints: 0,
    doubleFrom: null,
    threshold: null,
    automatic: false,
  },
  {
    key: 'report_leak',
    agentPoints: 100,
    supervisorPoints: 0,
    doubleFrom: null,
    threshold: null,
    automatic: false,
  },
  {
    key: 'followup_late',
    agentPoints: 5,
    supervisorPoints: 0,
    doubleFrom: 3,
    threshold: null,
    automatic: true,
  },
  {
    key: 'followup_form_missing',
    agentPoints: 10,
    supervisorPoints: 0,
    doubleFrom: null,
    threshold: null,
    automatic: true,
  },
  {
    key: 'documents_overnight',
    agentPoints: 30,
    supervisorPoints: 0,
    doubleFrom: null,
    threshold: null,
    automatic: false,
  },
  {
    key: 'shipping_late',
    agentPoints: 30,
    supervisorPoints: 0,
    doubleFrom: null,
    threshold: null,
    automatic: false,
  },
  {
    key: 'not_escalated',
    agentPoints: 30,
    supervisorPoints: 0,
    doubleFrom: null,
    threshold: null,
    automatic: false,
  },
];

export interface ScorecardItem {
  key: string;
  /** 评核项 what is checked */
  title: string;
  /** 评核内容 / 正确指引说明 the correct guidance */
  guidance: string;
  /** 如出现以下情况则该项不得分 the cases that score zero */
  zeroCases: string;
  points: number;
  critical: boolean;
}

/** The default card, after seed 001's 商家服务质量检验标准 (item, guidance, zero-score cases, points); sums to 100. */
export const defaultScorecardItems: readonly ScorecardItem[] = [
  {
    key: 'attitude',
    title: '服务态度',
    guidance: '礼貌用语，耐心热情，站在顾客角度表达理解',
    zeroCases: '辱骂、反问、推诿、与顾客争执，或使用禁用语',
    points: 20,
    critical: true,
  },
  {
    key: 'timeliness',
    title: '响应及时',
    guidance: '首次响应 45 秒内，后续回复及时，需要查询时先告知顾客稍等',
    zeroCases: '首次响应超时且无说明，顾客长时间无人回复',
    points: 15,
    critical: false,
  },
  {
    key: 'greeting',
    title: '问候与结束语',
    guidance: '开场问候并自报身份，结束时确认是否还有其他问题并致谢',
    zeroCases: '无问候、无结束语，或直接结束会话',
    points: 10,
    critical: false,
  },
  {
    key: 'accuracy',
    title: '解答准确',
    guidance: '准确理解问题，价格、活动、政策解答正确，问题逐一回应',
    zeroCases: '乱报价格、乱承诺、答非所问或遗漏顾客问题',
    points: 20,
    critical: true,
  },
  {
    key: 'process',
    title: '业务处理规范',
    guidance: '按流程创建工单、转交相关部门并写明要点、客户诉求与期限',
    zeroCases: '该建工单未建、转交无说明、投诉未升级',
    points: 15,
    critical: false,
  },
  {
    key: 'proactive',
    title: '主动服务',
    guidance: '主动推荐合适商品或方案，告知处理进度',
    zeroCases: '顾客追问才回应进度，错失明显的推荐时机',
    points: 10,
    critical: false,
  },
  {
    key: 'records',
    title: '记录与跟进',
    guidance: '会话要点记录完整，需跟进的问题有跟进安排',
    zeroCases: '无记录、未安排跟进',
    points: 10,
    critical: false,
  },
];

export const defaultQaSettings = {
  chatsPerAgent: 3,
  callsPerAgent: 1,
  firstReplyLimitSeconds: 45,
  longChatMessages: 40,
  forbiddenWords: ['不知道', '不归我管', '你自己看', '爱买不买', '没办法'],
  greetingWords: ['您好', '你好', '亲', '欢迎', 'hello', 'hi'],
  appealWorkdays: 3,
} as const;

export const trainingKinds = ['new_hire', 'refresher', 'drill', 'special_topic'] as const;
export type TrainingKind = (typeof trainingKinds)[number];
