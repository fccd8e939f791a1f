// Every error code the API can answer with, its HTTP status and its message in each interface language.
import type { Locale } from './locales.js';

interface ErrorDefinition {
  status: number;
  message: Record<Locale, string>;
}

export const errorCatalog = {
  validation_failed: {
    status: 400,
    message: {
      'zh-CN': '请求内容不符合要求，请检查后重试',
      en: 'The request is not valid; check it and try again',
    },
  },
  invalid_json: {
    status: 400,
    message: { 'zh-CN': '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  },
  unauthenticated: {
    status: 401,
    message: { 'zh-CN': '请先登录', en: 'Please sign in first' },
  },
  invalid_credentials: {
    status: 401,
    message: { 'zh-CN': '账号或密码错误', en: 'Wrong login or password' },
  },
  forbidden: {
    status: 403,
    message: { 'zh-CN': '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  },
  csrf_failed: {
    status: 403,
    message: {
      'zh-CN': '安全校验失败，请刷新页面后重试',
      en: 'The security check failed; reload the page and try again',
    },
  },
  not_found: {
    status: 404,
    message: { 'zh-CN': '找不到该记录', en: 'Not found' },
  },
  login_taken: {
    status: 409,
    message: { 'zh-CN': '该登录名已被使用', en: 'This login is already taken' },
  },
  employee_no_taken: {
    status: 409,
    message: { 'zh-CN': '该工号已被本店其他客服使用', en: 'Another agent of this shop already has this ID' },
  },
  group_kind_exists: {
    status: 409,
    message: { 'zh-CN': '本店已有该类型的客服组', en: 'This shop already has a group of this kind' },
  },
  group_not_empty: {
    status: 409,
    message: {
      'zh-CN': '客服组中仍有成员，无法删除',
      en: 'The group still has members and cannot be deleted',
    },
  },
  pre_sale_group_required: {
    status: 409,
    message: {
      'zh-CN': '售前组是必需的，不能删除',
      en: 'The pre-sale group is required and cannot be deleted',
    },
  },
  agent_needs_group: {
    status: 409,
    message: { 'zh-CN': '客服至少要属于一个客服组', en: 'An agent must belong to at least one group' },
  },
  department_name_taken: {
    status: 409,
    message: { 'zh-CN': '已有同名部门', en: 'A department with this name already exists' },
  },
  department_not_empty: {
    status: 409,
    message: {
      'zh-CN': '部门中仍有成员，无法删除',
      en: 'The department still has members and cannot be deleted',
    },
  },
  last_admin: {
    status: 409,
    message: {
      'zh-CN': '店铺至少需要一位启用中的管理员',
      en: 'The shop needs at least one active administrator',
    },
  },
  unknown_shop: {
    status: 404,
    message: { 'zh-CN': '店铺不存在或未开通在线客服', en: 'No shop with live chat has this key' },
  },
  invalid_identity: {
    status: 401,
    message: {
      'zh-CN': '会员身份校验失败',
      en: 'The member identity could not be verified',
    },
  },
  invalid_visitor: {
    status: 401,
    message: { 'zh-CN': '访客身份无效，请刷新页面', en: 'The visitor session is not valid; reload the page' },
  },
  conversation_closed: {
    status: 409,
    message: { 'zh-CN': '会话已结束', en: 'This conversation has ended' },
  },
  not_your_conversation: {
    status: 403,
    message: { 'zh-CN': '该会话未分配给您', en: 'This conversation is not assigned to you' },
  },
  unsupported_media_type: {
    status: 415,
    message: { 'zh-CN': '请求体必须是 JSON', en: 'The request body must be JSON' },
  },
  payload_too_large: {
    status: 413,
    message: { 'zh-CN': '请求体过大', en: 'The request body is too large' },
  },
  unsupported_image: {
    status: 415,
    message: {
      'zh-CN': '只能发送 PNG、JPEG、GIF 或 WebP 格式的图片',
      en: 'Only PNG, JPEG, GIF or WebP images can be sent',
    },
  },
  shortcut_taken: {
    status: 409,
    message: { 'zh-CN': '该快捷短语已被使用', en: 'This shortcut is already in use' },
  },
  auto_reply_required: {
    status: 409,
    message: {
      'zh-CN': '欢迎语、非工作时间和排队自动回复不能删除，可以关闭',
      en: 'The greeting, out-of-hours and queue replies cannot be deleted; switch them off instead',
    },
  },
  agent_unavailable: {
    status: 409,
    message: {
      'zh-CN': '该客服当前不在线或处于离开状态，无法接入会话',
      en: 'That agent is offline or away and cannot take the chat',
    },
  },
  agent_at_capacity: {
    status: 409,
    message: {
      'zh-CN': '该客服的接待量已达上限',
      en: 'That agent already has as many chats as they can take',
    },
  },
  transfer_to_self: {
    status: 409,
    message: { 'zh-CN': '会话已在该客服名下', en: 'The chat is already with that agent' },
  },
  not_ratable: {
    status: 409,
    message: {
      'zh-CN': '会话结束后才能评价，且每次会话只能评价一次',
      en: 'A chat can be rated once, after it has ended',
    },
  },
  illegal_transition: {
    status: 409,
    message: {
      'zh-CN': '工单当前状态不允许此操作',
      en: 'The work order cannot go to that status from where it is',
    },
  },
  unsatisfied_cannot_close: {
    status: 409,
    message: {
      'zh-CN': '客户不满意时不能关闭工单，请重新处理',
      en: 'A work order cannot be closed while the customer is unsatisfied; reopen it instead',
    },
  },
  extension_reason_required: {
    status: 400,
    message: { 'zh-CN': '延期必须填写原因', en: 'A deadline can only be extended with a reason' },
  },
  extension_not_later: {
    status: 400,
    message: {
      'zh-CN': '新的预计完成时间必须晚于当前时间',
      en: 'The new ETA must be later than now',
    },
  },
  invalid_assignee: {
    status: 409,
    message: {
      'zh-CN': '只能指派给本店启用中的员工或部门',
      en: 'Work orders can only go to active staff or departments of this shop',
    },
  },
  customer_required: {
    status: 409,
    message: {
      'zh-CN': '该工单没有关联客户，无法回复客户',
      en: 'This work order has no customer to reply to',
    },
  },
  calendar_day_exists: {
    status: 409,
    message: {
      'zh-CN': '日历中已有该日期，请编辑原有记录',
      en: 'The calendar already has this date; edit that entry instead',
    },
  },
  ics_invalid: {
    status: 400,
    message: {
      'zh-CN': '文件不是有效的 iCalendar (.ics) 日历',
      en: 'The file is not a valid iCalendar (.ics) calendar',
    },
  },
  webhook_unsigned: {
    status: 401,
    message: {
      'zh-CN': '请求缺少签名或时间戳',
      en: 'The request is not signed (timestamp or signature header missing)',
    },
  },
  webhook_signature_invalid: {
    status: 401,
    message: { 'zh-CN': '请求签名无效', en: 'The request signature is not valid' },
  },
  webhook_stale: {
    status: 401,
    message: {
      'zh-CN': '请求时间戳已过期（允许误差 5 分钟）',
      en: 'The request timestamp is more than 5 minutes off',
    },
  },
  call_not_yours: {
    status: 403,
    message: { 'zh-CN': '只能自检自己的通话记录', en: 'You can only self-check your own call records' },
  },
  extension_taken: {
    status: 409,
    message: { 'zh-CN': '该分机号已分配给其他客服', en: 'This extension already belongs to another agent' },
  },
  callback_closed: {
    status: 409,
    message: { 'zh-CN': '该回拨任务已处理', en: 'This call-back task is already closed' },
  },
  csv_header_invalid: {
    status: 400,
    message: {
      'zh-CN': 'CSV 表头缺少必需的列（kind、order_no、occurred_at）',
      en: 'The CSV header lacks a required column (kind, order_no, occurred_at)',
    },
  },
  csv_empty: {
    status: 400,
    message: { 'zh-CN': 'CSV 文件没有数据行', en: 'The CSV file has no data rows' },
  },
  rate_limited: {
    status: 429,
    message: { 'zh-CN': '尝试次数过多，请稍后再试', en: 'Too many attempts; try again later' },
  },
  not_ready: {
    status: 503,
    message: { 'zh-CN': '服务暂时不可用', en: 'The service is not ready' },
  },
  metrics_range_invalid: {
    status: 400,
    message: {
      'zh-CN': '统计周期无效：结束日期不能早于开始日期，且最长 366 天',
      en: 'The period is not valid: the end must not be before the start, and at most 366 days',
    },
  },
  report_pdf_unavailable: {
    status: 503,
    message: {
      'zh-CN': '服务器上没有可用的 Chromium，无法生成 PDF；请查看网页版报告',
      en: 'No Chromium is available on the server, so the PDF cannot be made; view the report page instead',
    },
  },
  internal: {
    status: 500,
    message: {
      'zh-CN': '服务器内部错误，请稍后重试',
      en: 'Something went wrong on the server; try again later',
    },
  },
  follow_up_closed: {
    status: 409,
    message: {
      'zh-CN': '该回访任务已完成或已取消',
      en: 'This follow-up task is already done or cancelled',
    },
  },
  follow_up_owner_required: {
    status: 400,
    message: {
      'zh-CN': '按指定人员分配时必须选择一名在职员工',
      en: 'Choose an active staff member when the task goes to a named person',
    },
  },
  survey_link_invalid: {
    status: 404,
    message: {
      'zh-CN': '链接无效：请确认链接完整，或联系客服重新获取',
      en: 'This link is not valid; check that it is complete or ask us for a new one',
    },
  },
  survey_link_expired: {
    status: 410,
    message: {
      'zh-CN': '链接已过期，感谢您的关注，如需反馈请联系客服',
      en: 'This link has expired; please contact us if you still want to give feedback',
    },
  },
  survey_already_answered: {
    status: 409,
    message: {
      'zh-CN': '您已提交过，感谢您的反馈',
      en: 'You have already answered; thank you for your feedback',
    },
  },
  survey_answer_incomplete: {
    status: 400,
    message: {
      'zh-CN': '请回答所有必答题',
      en: 'Please answer every required question',
    },
  },
  verdict_not_expected: {
    status: 409,
    message: {
      'zh-CN': '该工单尚未解决，暂不能评价',
      en: 'This work order is not resolved yet, so it cannot be rated',
    },
  },
  suggestion_resolved: {
    status: 409,
    message: { 'zh-CN': '该建议已处理', en: 'This suggestion has already been handled' },
  },
  customers_not_mergeable: {
    status: 400,
    message: {
      'zh-CN': '不能合并：请选择同一店铺的两份不同客户档案',
      en: 'These profiles cannot be merged; choose two different profiles of this shop',
    },
  },
  scorecard_total_invalid: {
    status: 400,
    message: {
      'zh-CN': '评分卡各项分值合计必须为 100，且各项编号不能重复',
      en: 'The items of a scorecard must add up to 100 points and have distinct keys',
    },
  },
  score_invalid: {
    status: 400,
    message: {
      'zh-CN': '评分不完整或超出该项分值',
      en: 'A score is missing or above the points of its item',
    },
  },
  comment_anchor_invalid: {
    status: 400,
    message: {
      'zh-CN': '批注引用的消息不在该会话中',
      en: 'A comment is anchored to a message not in this record',
    },
  },
  sample_already_inspected: {
    status: 409,
    message: { 'zh-CN': '该抽检记录已评分', en: 'This sampled record has already been scored' },
  },
  appeal_window_closed: {
    status: 409,
    message: { 'zh-CN': '已超过申诉期限', en: 'The appeal window has closed' },
  },
  appeal_exists: {
    status: 409,
    message: { 'zh-CN': '该记录已提交过申诉', en: 'An appeal was already filed for this record' },
  },
  appeal_decided: {
    status: 409,
    message: { 'zh-CN': '该申诉已处理', en: 'This appeal has already been decided' },
  },
  nothing_to_appeal: {
    status: 409,
    message: {
      'zh-CN': '该记录没有扣分或已被冲销，无需申诉',
      en: 'This record charged no points or was already reversed; there is nothing to appeal',
    },
  },
  discipline_rule_unknown: {
    status: 400,
    message: { 'zh-CN': '未知的扣分规则或规则已停用', en: 'Unknown or disabled discipline rule' },
  },
  daily_report_exists: {
    status: 409,
    message: { 'zh-CN': '该日的数据报表已提交', en: 'The data report of this day was already submitted' },
  },
  handover_acknowledged: {
    status: 409,
    message: { 'zh-CN': '该交接已被确认', en: 'This hand-over has already been acknowledged' },
  },
  handover_own: {
    status: 409,
    message: {
      'zh-CN': '不能确认自己写的交接，需由下一班客服确认',
      en: 'Your own hand-over is acknowledged by the next agent on shift',
    },
  },
  template_not_pending: {
    status: 409,
    message: { 'zh-CN': '该模板已审核过', en: 'This template has already been reviewed' },
  },
  auto_answer_not_found: {
    status: 404,
    message: { 'zh-CN': '找不到这条自动解答', en: 'This automatic answer was not found' },
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof errorCatalog;

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return errorCatalog[code].message[locale];
}
