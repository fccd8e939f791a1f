// The monthly analysis report of seed 000 §7 (SPEC §10): purpose, method, results with charts, conclusions. Its
// figures are computed once from the metrics roll-ups and kept with the report (history stays as it was); the HTML,
// with charts drawn by ECharts on the server as SVG, is both the web page and what Chromium prints as the PDF.
import * as echarts from 'echarts';
import { displayValue, metricLabels, metricUnits, type MetricKey } from '../../shared/metrics.js';
import type { Locale } from '../../shared/locales.js';
import type { KpiCounters, MetricValues } from '../kpi/rules.js';

export type ReportKind = 'daily' | 'weekly' | 'monthly';

export interface MonthlyReportData {
  /** absent in reports made before daily and weekly reports existed: monthly */
  kind?: ReportKind;
  shopName: string;
  month: string;
  from: string;
  to: string;
  timeZone: string;
  shop: MetricValues;
  previousShop: MetricValues;
  groups: { name: string; values: MetricValues }[];
  agents: { name: string; values: MetricValues }[];
  days: { day: string; counters: KpiCounters }[];
}

interface Words {
  this: string;
  last: string;
}

const texts = {
  'zh-CN': {
    title: (shop: string, period: string, kind: ReportKind) =>
      `${shop} ${period} ${{ daily: '客服咨询数据日报', weekly: '客服数据周报', monthly: '客服数据月度分析报告' }[kind]}`,
    words: {
      daily: { this: '本日', last: '前一日' },
      weekly: { this: '本周', last: '上周' },
      monthly: { this: '本月', last: '上月' },
    },
    purpose: '一、分析目的',
    purposeText: (w: Words) =>
      `汇总${w.this}客户咨询、来电、工单与评价数据，了解咨询量的变化、客户关注的问题、处理结果与满意度，为管理层调整服务策略、优化业务流程提供数据支持。`,
    method: '二、分析方法',
    methodText: (from: string, to: string, zone: string, w: Words) =>
      `统计周期 ${from} 至 ${to}（${zone}）。数据来自在线会话、来电、工单、订单事件与客户评价；指标口径见 docs/metrics.md（咨询人数按人次计，响应时长按服务时间计，客服销售额为咨询当日付款）。与${w.last}对比。`,
    results: '三、分析结果',
    keyMetrics: '主要指标',
    volume: '每日咨询人数与来电量',
    consults: '咨询人数',
    calls: '来电量',
    groups: '各客服组咨询人数与回复率（%）',
    satisfaction: '每日好评率（%）',
    workOrders: '工单处理结果',
    woTotal: '工单数',
    woReplied: '已回复',
    woInTime: '及时回复',
    woOnce: '首次解决',
    agents: '客服明细',
    name: '客服',
    conclusions: '四、结论',
    change: (label: string, now: string, before: string, direction: 'up' | 'down' | 'same', w: Words) =>
      `${label}：${w.this} ${now}，${w.last} ${before}，${direction === 'up' ? '上升' : direction === 'down' ? '下降' : '持平'}。`,
    busiest: (day: string, count: number) => `咨询量最高的一天是 ${day}（${count} 人次）。`,
    none: (w: Words) => `${w.this}没有数据。`,
  },
  en: {
    title: (shop: string, period: string, kind: ReportKind) =>
      `${shop}: ${{ daily: 'daily consultation report', weekly: 'weekly summary', monthly: 'customer-service analysis' }[kind]} for ${period}`,
    words: {
      daily: { this: 'this day', last: 'the day before' },
      weekly: { this: 'this week', last: 'last week' },
      monthly: { this: 'this month', last: 'last month' },
    },
    purpose: '1. Purpose',
    purposeText: (w: Words) =>
      `Consultations of ${w.this}, calls, work orders and ratings: how volume changed, what customers asked about, how problems ended and how satisfied customers were, so that management can adjust the service and its processes.`,
    method: '2. Method',
    methodText: (from: string, to: string, zone: string, w: Words) =>
      `Period ${from} to ${to} (${zone}). Sources: chats, calls, work orders, order events and ratings; definitions in docs/metrics.md (consultations counted per customer and agent, response times in service hours, CS sales = same-day payments). Compared with ${w.last}.`,
    results: '3. Results',
    keyMetrics: 'Key metrics',
    volume: 'Consultations and calls per day',
    consults: 'Consultations',
    calls: 'Calls',
    groups: 'Consultations and reply rate (%) per group',
    satisfaction: 'Good-rating rate per day (%)',
    workOrders: 'Work orders',
    woTotal: 'Created',
    woReplied: 'Replied',
    woInTime: 'Replied in time',
    woOnce: 'Resolved at once',
    agents: 'Agents',
    name: 'Agent',
    conclusions: '4. Conclusions',
    change: (label: string, now: string, before: string, direction: 'up' | 'down' | 'same', w: Words) =>
      `${label}: ${now} ${w.this}, ${before} ${w.last} (${direction === 'up' ? 'up' : direction === 'down' ? 'down' : 'unchanged'}).`,
    busiest: (day: string, count: number) => `The busiest day was ${day} (${count} consultations).`,
    none: (w: Words) => `No data ${w.this}.`,
  },
} as const;

const keyMetrics: MetricKey[] = [
  'consultingCustomers',
  'customersReceived',
  'replyRate',
  'avgFirstResponseSeconds',
  'avgResponseSeconds',
  'goodRatingRate',
  'answerQuestionRatio',
  'conversionRate',
  'csSalesFen',
  'workOrderTimelyReplyRate',
  'firstContactResolutionRate',
  'hotlineConnectionRate',
];

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const shown = (metric: MetricKey, value: number | null | undefined) => {
  const v = displayValue(metric, value ?? null);
  return v === null ? '—' : `${v}${metricUnits[metric] === 'rate' ? '%' : ''}`;
};

/** One chart as an SVG string (ECharts server-side rendering); labels carry the numbers, so the PDF shows them. */
function svgChart(option: echarts.EChartsOption, width = 720, height = 300): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

export function renderMonthlyReport(data: MonthlyReportData, locale: Locale): string {
  const t = texts[locale];
  const kind = data.kind ?? 'monthly';
  const w = t.words[kind];
  const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  const labels = metricLabels[locale];
  const days = data.days.map((d) => d.day.slice(5));
  const volume = svgChart({
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 48 },
    xAxis: { type: 'category', data: days, axisLabel: { interval: 0, rotate: 60, fontSize: 9 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t.consults,
        type: 'bar',
        data: data.days.map((d) => d.counters.consults),
        label: { show: true, position: 'top' },
      },
      {
        name: t.calls,
        type: 'line',
        data: data.days.map((d) => d.counters.inboundCalls),
        label: { show: true },
      },
    ],
  });
  const groups = svgChart({
    legend: { top: 0 },
    grid: { left: 40, right: 40, top: 32, bottom: 32 },
    xAxis: { type: 'category', data: data.groups.map((g) => g.name) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', max: 100 },
    ],
    series: [
      {
        name: t.consults,
        type: 'bar',
        data: data.groups.map((g) => g.values.consultingCustomers ?? 0),
        label: { show: true, position: 'top' },
      },
      {
        name: labels.replyRate,
        type: 'bar',
        yAxisIndex: 1,
        data: data.groups.map((g) => displayValue('replyRate', g.values.replyRate ?? null) ?? 0),
        label: { show: true, position: 'top' },
      },
    ],
  });
  const rated = data.days.filter((d) => d.counters.ratings > 0);
  const satisfaction = svgChart({
    grid: { left: 40, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: rated.map((d) => d.day.slice(5)) },
    yAxis: { type: 'value', max: 100 },
    series: [
      {
        type: 'line',
        data: rated.map((d) => Math.round((d.counters.goodRatings / d.counters.ratings) * 1000) / 10),
        label: { show: true },
      },
    ],
  });
  const sum = (key: keyof KpiCounters) => data.days.reduce((total, d) => total + d.counters[key], 0);
  const workOrders = svgChart({
    grid: { left: 40, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: [t.woTotal, t.woReplied, t.woInTime, t.woOnce] },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: [
          sum('workOrders'),
          sum('workOrdersReplied'),
          sum('workOrdersRepliedInTime'),
          sum('workOrdersResolvedAtOnce'),
        ],
        label: { show: true, position: 'top' },
      },
    ],
  });

  const conclusions: string[] = [];
  for (const metric of [
    'consultingCustomers',
    'replyRate',
    'avgFirstResponseSeconds',
    'goodRatingRate',
  ] as const) {
    const now = data.shop[metric];
    const before = data.previousShop[metric];
    if (now === null && before === null) continue;
    const direction =
      now === null || before === null || now === before ? 'same' : now > before ? 'up' : 'down';
    conclusions.push(t.change(labels[metric], shown(metric, now), shown(metric, before), direction, w));
  }
  const busiest = [...data.days].sort((a, b) => b.counters.consults - a.counters.consults)[0];
  if (busiest && busiest.counters.consults > 0)
    conclusions.push(t.busiest(busiest.day, busiest.counters.consults));
  if (conclusions.length === 0) conclusions.push(t.none(w));

  const metricRows = keyMetrics
    .map(
      (metric) =>
        `<tr><td>${escape(labels[metric])}</td><td data-metric="${metric}">${escape(shown(metric, data.shop[metric]))}</td><td>${escape(shown(metric, data.previousShop[metric]))}</td></tr>`,
    )
    .join('');
  const agentColumns: MetricKey[] = [
    'consultingCustomers',
    'replyRate',
    'avgFirstResponseSeconds',
    'goodRatingRate',
  ];
  const agentRows = data.agents
    .map(
      (agent) =>
        `<tr><td>${escape(agent.name)}</td>${agentColumns.map((m) => `<td>${escape(shown(m, agent.values[m]))}</td>`).join('')}</tr>`,
    )
    .join('');
  const title = t.title(data.shopName, data.month, kind);
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>
body{font-family:"WenQuanYi Zen Hei","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:32px;color:#1f1f1f}
h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #d9d9d9;padding-bottom:4px}h3{font-size:14px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d9d9d9;padding:4px 10px;font-size:12px;text-align:left}
section.chart{page-break-inside:avoid}p{font-size:13px;line-height:1.6}
</style></head><body>
<h1>${escape(title)}</h1>
<h2>${t.purpose}</h2><p>${escape(t.purposeText(w))}</p>
<h2>${t.method}</h2><p>${escape(t.methodText(data.from, data.to, data.timeZone, w))}</p>
<h2>${t.results}</h2>
<h3>${t.keyMetrics}</h3>
<table><tr><th></th><th>${escape(cap(w.this))}</th><th>${escape(cap(w.last))}</th></tr>${metricRows}</table>
<section class="chart" data-chart="volume"><h3>${t.volume}</h3>${volume}</section>
<section class="chart" data-chart="groups"><h3>${t.groups}</h3>${groups}</section>
<section class="chart" data-chart="satisfaction"><h3>${t.satisfaction}</h3>${satisfaction}</section>
<section class="chart" data-chart="work-orders"><h3>${t.workOrders}</h3>${workOrders}</section>
<h3>${t.agents}</h3>
<table><tr><th>${t.name}</th>${agentColumns.map((m) => `<th>${escape(labels[m])}</th>`).join('')}</tr>${agentRows}</table>
<h2>${t.conclusions}</h2>${conclusions.map((line) => `<p>${escape(line)}</p>`).join('')}
</body></html>`;
}
