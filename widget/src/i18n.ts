// The widget's own texts, zh-CN first and English second; the visitor's browser language picks one.
export const widgetLanguages = ['zh-CN', 'en'] as const;
export type WidgetLanguage = (typeof widgetLanguages)[number];

const zhCN = {
  launcher: '在线客服',
  panelTitle: '在线客服',
  close: '收起',
  inputPlaceholder: '请输入您的问题…',
  send: '发送',
  emoji: '表情',
  image: '图片',
  connecting: '正在连接…',
  reconnecting: '网络已断开，正在重新连接…',
  sessionFailed: '客服暂时无法连接，请稍后再试',
  networkError: '网络异常，请稍后重试',
  retryConnect: '重试',
  statusQueued: '排队中',
  statusAssigned: '客服已接入',
  statusOffline: '留言',
  statusClosed: '会话已结束',
  statusWelcome: '您好，有什么可以帮您？',
  queueAhead: '您前面还有 {n} 位',
  queueNext: '您是下一位',
  queueWait: '，预计等待约 {m} 分钟',
  queueWaitSoon: '，马上为您接入',
  agentTyping: '客服正在输入…',
  pending: '发送中',
  failed: '发送失败',
  retry: '重发',
  discard: '删除',
  read: '已读',
  unread: '未读',
  autoReply: '自动回复',
  agent: '客服',
  you: '我',
  imageAlt: '图片',
  imageUploading: '图片上传中…',
  imageTooLarge: '图片不能超过 {mb} MB',
  imageWrongType: '只能发送 PNG、JPEG、GIF 或 WebP 图片',
  uploadFailed: '图片上传失败，请重试',
  offlineTitle: '当前无人在线，请留言',
  offlineClosedHint: '现在不在客服服务时间内，留下联系方式，我们会尽快回复您。',
  offlineBusyHint: '客服繁忙，排队人数已满，请留言，我们会尽快回复您。',
  offlineName: '您的称呼（选填）',
  offlinePhone: '手机号（选填）',
  offlineText: '留言内容',
  offlineSubmit: '提交留言',
  offlinePhoneInvalid: '请输入正确的手机号',
  offlineTextRequired: '请填写留言内容',
  offlineReceived: '已收到您的留言，我们会尽快回复',
  offlineReplyBy: '已收到您的留言，我们会在 {time} 前回复',
  ratingTitle: '本次服务已结束，请为客服评价',
  ratingGood: '满意',
  ratingNeutral: '一般',
  ratingBad: '不满意',
  ratingComment: '还有什么想告诉我们的？（选填）',
  ratingSubmit: '提交评价',
  ratingThanks: '感谢您的评价！',
  newChat: '开始新的咨询',
} as const;

export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  launcher: 'Chat with us',
  panelTitle: 'Customer service',
  close: 'Minimise',
  inputPlaceholder: 'Type your question…',
  send: 'Send',
  emoji: 'Emoji',
  image: 'Image',
  connecting: 'Connecting…',
  reconnecting: 'Connection lost, reconnecting…',
  sessionFailed: 'Customer service cannot be reached right now; please try again later',
  networkError: 'Network problem; please try again',
  retryConnect: 'Retry',
  statusQueued: 'Waiting in line',
  statusAssigned: 'An agent is with you',
  statusOffline: 'Message',
  statusClosed: 'Chat ended',
  statusWelcome: 'Hello, how can we help?',
  queueAhead: '{n} ahead of you',
  queueNext: 'You are next',
  queueWait: ', about {m} min to wait',
  queueWaitSoon: ', an agent will be with you shortly',
  agentTyping: 'The agent is typing…',
  pending: 'Sending',
  failed: 'Not sent',
  retry: 'Resend',
  discard: 'Delete',
  read: 'Read',
  unread: 'Unread',
  autoReply: 'Automatic reply',
  agent: 'Agent',
  you: 'Me',
  imageAlt: 'Image',
  imageUploading: 'Uploading image…',
  imageTooLarge: 'Images can be at most {mb} MB',
  imageWrongType: 'Only PNG, JPEG, GIF or WebP images can be sent',
  uploadFailed: 'The image could not be uploaded; please try again',
  offlineTitle: 'Nobody is available, leave us a message',
  offlineClosedHint: 'We are outside service hours. Leave your contact details and we will reply soon.',
  offlineBusyHint: 'All agents are busy and the queue is full. Leave a message and we will reply soon.',
  offlineName: 'Your name (optional)',
  offlinePhone: 'Phone number (optional)',
  offlineText: 'Your message',
  offlineSubmit: 'Leave message',
  offlinePhoneInvalid: 'Enter a valid phone number',
  offlineTextRequired: 'Write your message',
  offlineReceived: 'We have your message and will reply soon',
  offlineReplyBy: 'We have your message and will reply by {time}',
  ratingTitle: 'The chat has ended. How did we do?',
  ratingGood: 'Good',
  ratingNeutral: 'Okay',
  ratingBad: 'Bad',
  ratingComment: 'Anything else you want to tell us? (optional)',
  ratingSubmit: 'Send rating',
  ratingThanks: 'Thank you for your rating!',
  newChat: 'Start a new chat',
};

const dictionaries: Record<WidgetLanguage, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** English when the browser asks for it first, Chinese otherwise (the product is zh-CN first). */
export function pickWidgetLanguage(browserLanguage: string | undefined): WidgetLanguage {
  return browserLanguage?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function createTranslator(language: WidgetLanguage): Translate {
  const dictionary = dictionaries[language];
  return (key, params) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}
