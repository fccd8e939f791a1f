// Acceptance 1 of issue 6: a hand-checked two-day shop. Every expected number below is worked out in the comments
// from docs/metrics.md (section numbers in brackets), not copied from the program, and checked for each agent,
// group and the shop, for a day, a week and a custom range, from the roll-ups and from the raw events.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness.js';
import { buildShop, buildStaff, signIn, type ApiClient } from '../../test/factories.js';
import type { MetricKey } from '../../shared/metrics.js';
import { metricKeys } from '../../shared/metrics.js';
import type { MetricsTable } from '../../shared/schemas/metrics.js';
import { refreshEntities } from './service.js';
import {
  insertCall,
  insertChat,
  insertCommerce,
  insertCustomer,
  insertReplyBreach,
  insertWorkOrder,
} from './test-data.js';

/** An instant from a shop-local (Asia/Shanghai, UTC+8) day and wall-clock time. */
const at = (day: string, time: string) => Date.parse(`${day}T${time}+08:00`);
const D1 = '2026-11-02'; // a Monday
const D2 = '2026-11-03';

const counts: readonly MetricKey[] = [
  'consultingCustomers',
  'unansweredCustomers',
  'customersReceived',
  'refundsCompletedFen',
  'csSalesFen',
];
/** The expectation of a scope: the values given; every other count 0 and every other ratio null (no denominator). */
function expected(values: Partial<Record<MetricKey, number | null>>): Record<MetricKey, number | null> {
  const all = {} as Record<MetricKey, number | null>;
  for (const key of metricKeys)
    all[key] = key in values ? (values[key] ?? null) : counts.includes(key) ? 0 : null;
  return all;
}

describeEachDatabase('metrics of a hand-checked fixture (SPEC §7)', (ctx) => {
  let admin: ApiClient;
  const ids = { A1: '', A2: '', B1: '', preSale: '', inSale: '', afterSale: '', shop: '' };

  beforeAll(async () => {
    const { app, database } = ctx();
    const db = database.db;
    const shop = await buildShop(ctx());
    const a1 = await buildStaff(ctx(), shop, { groups: ['pre_sale'] });
    const a2 = await buildStaff(ctx(), shop, { groups: ['pre_sale'] });
    const b1 = await buildStaff(ctx(), shop, { groups: ['after_sale'] });
    Object.assign(ids, {
      A1: a1.id,
      A2: a2.id,
      B1: b1.id,
      preSale: shop.groupIds.pre_sale,
      inSale: shop.groupIds.in_sale,
      afterSale: shop.groupIds.after_sale,
      shop: shop.id,
    });
    const s = shop.id;
    const c = async (name: string) => insertCustomer(db, s, name, at(D1, '08:00:00'));
    const [c1, c2, c3, c4, c5] = [await c('C1'), await c('C2'), await c('C3'), await c('C4'), await c('C5')];
    const chats: string[] = [];

    // ── day 1 ──
    // X1: C1 with A1. Greeting auto-reply (not a reply [2.3]); two turns answered in 30 s and 60 s [2.4];
    // an internal note (ignored); rated good.
    chats.push(
      await insertChat(db, s, {
        customerId: c1,
        agentId: a1.id,
        messages: [
          { at: at(D1, '10:00:00'), by: 'customer' },
          { at: at(D1, '10:00:05'), by: a1.id, kind: 'auto_reply' },
          { at: at(D1, '10:00:30'), by: a1.id },
          { at: at(D1, '10:01:00'), by: 'customer' },
          { at: at(D1, '10:01:10'), by: 'customer' },
          { at: at(D1, '10:02:00'), by: a1.id },
          { at: at(D1, '10:02:30'), by: a1.id, internal: true },
        ],
        rating: { agentId: a1.id, score: 'good', at: at(D1, '10:10:00') },
      }),
    );
    // X2: C2 writes to A1 at 22:50, A1 hands over to A2 at 22:51 without replying, C2 writes again, A2 answers at
    // 22:54. A1: a consultation, unanswered [2.3]. A2: a consultation from 22:52, first response 120 s; the turn that
    // began at 22:50 is answered by A2 after 240 s [2.4]. Rated bad, naming A2.
    chats.push(
      await insertChat(db, s, {
        customerId: c2,
        agentId: a2.id,
        messages: [
          { at: at(D1, '22:50:00'), by: 'customer' },
          { at: at(D1, '22:52:00'), by: 'customer' },
          { at: at(D1, '22:54:00'), by: a2.id },
        ],
        transfers: [{ from: a1.id, to: a2.id, at: at(D1, '22:51:00') }],
        rating: { agentId: a2.id, score: 'bad', at: at(D1, '23:00:00') },
      }),
    );
    // X3: C3 writes at 23:30 and nobody ever takes the chat: a consultation of nobody, unanswered [2.1].
    chats.push(
      await insertChat(db, s, {
        customerId: c3,
        agentId: null,
        messages: [{ at: at(D1, '23:30:00'), by: 'customer' }],
      }),
    );
    // X4: C4 writes at 23:40 (closed), B1 answers at 09:10 next day: the wait starts at the 09:00 opening: 600 s,
    // dated day 1 (the consultation's day) [2.4]; the reply itself counts on day 2 [2.5].
    chats.push(
      await insertChat(db, s, {
        customerId: c4,
        agentId: b1.id,
        messages: [
          { at: at(D1, '23:40:00'), by: 'customer' },
          { at: at(D2, '09:10:00'), by: b1.id },
        ],
      }),
    );

    // ── day 2 ──
    // X5: C5 with B1: turns answered in 20 s and 60 s; first response 20 s; rated good.
    chats.push(
      await insertChat(db, s, {
        customerId: c5,
        agentId: b1.id,
        messages: [
          { at: at(D2, '14:00:00'), by: 'customer' },
          { at: at(D2, '14:00:20'), by: b1.id },
          { at: at(D2, '14:05:00'), by: 'customer' },
          { at: at(D2, '14:06:00'), by: b1.id },
        ],
        rating: { agentId: b1.id, score: 'good', at: at(D2, '14:10:00') },
      }),
    );
    // X6: C1 again, with A1, never answered.
    chats.push(
      await insertChat(db, s, {
        customerId: c1,
        agentId: a1.id,
        messages: [{ at: at(D2, '11:00:00'), by: 'customer' }],
      }),
    );

    // Orders [2.6]. C1 orders and pays ¥100 after consulting A1 (credited to A1). C2 orders at 22:53: its latest
    // consultation begun by then is A2's (22:52), so A2. C5 pays ¥50 at 13:00 before consulting (not CS sales, still
    // a shop payment), then orders and pays ¥200 after consulting B1. C1 pays ¥30 on day 2 after the unanswered
    // consultation with A1 at 11:00 (credited: the consultation counts, answered or not).
    const subjects = ['O1', 'O2', 'O5', 'O6', 'O7', 'AS1'];
    await insertCommerce(db, s, {
      kind: 'order_placed',
      subject: 'O1',
      customerId: c1,
      at: at(D1, '10:05:00'),
    });
    await insertCommerce(db, s, {
      kind: 'order_paid',
      subject: 'O1',
      customerId: c1,
      at: at(D1, '10:06:00'),
      amountFen: 10000,
    });
    await insertCommerce(db, s, {
      kind: 'order_placed',
      subject: 'O2',
      customerId: c2,
      at: at(D1, '22:53:00'),
    });
    await insertCommerce(db, s, {
      kind: 'order_paid',
      subject: 'O5',
      customerId: c5,
      at: at(D2, '13:00:00'),
      amountFen: 5000,
    });
    await insertCommerce(db, s, {
      kind: 'order_placed',
      subject: 'O6',
      customerId: c5,
      at: at(D2, '14:30:00'),
    });
    await insertCommerce(db, s, {
      kind: 'order_paid',
      subject: 'O6',
      customerId: c5,
      at: at(D2, '14:31:00'),
      amountFen: 20000,
    });
    await insertCommerce(db, s, {
      kind: 'order_paid',
      subject: 'O7',
      customerId: c1,
      at: at(D2, '11:30:00'),
      amountFen: 3000,
    });
    // After-sale AS1 [2.7]: applied day 1 15:00, reviewed day 2 09:00 (18 h), ¥80 refunded day 2; its work order W2
    // is held by B1, so both are B1's, on day 2.
    await insertCommerce(db, s, {
      kind: 'aftersale_applied',
      subject: 'AS1',
      customerId: c4,
      at: at(D1, '15:00:00'),
    });
    await insertCommerce(db, s, {
      kind: 'aftersale_reviewed',
      subject: 'AS1',
      customerId: c4,
      at: at(D2, '09:00:00'),
    });
    await insertCommerce(db, s, {
      kind: 'refund_completed',
      subject: 'AS1',
      customerId: c4,
      at: at(D2, '10:00:00'),
      amountFen: 8000,
    });

    // Work orders [2.8]. W1 (A1): created and replied day 1, closed, never reopened: replied in time, resolved at
    // once. W2 (B1, after-sale AS1): created day 1; its reply clock breached day 2 09:05 before the first reply at
    // 09:30: replied late; reopened once, so not resolved at once; verdict "basically satisfied" on closing day 2.
    // W3 (B1, refund): created day 2, no reply yet. W4 (A2, complaint): created and replied day 2, in progress.
    const workOrders = [
      await insertWorkOrder(db, s, {
        type: 'common_question',
        status: 'closed',
        assigneeId: a1.id,
        createdAt: at(D1, '11:00:00'),
        firstReplyAt: at(D1, '11:30:00'),
        resolvedAt: at(D1, '11:40:00'),
        closedAt: at(D1, '12:00:00'),
      }),
      await insertWorkOrder(db, s, {
        type: 'after_sale',
        status: 'closed',
        assigneeId: b1.id,
        createdAt: at(D1, '15:05:00'),
        firstReplyAt: at(D2, '09:30:00'),
        resolvedAt: at(D2, '11:00:00'),
        closedAt: at(D2, '12:00:00'),
        reopenCount: 1,
        satisfaction: 'basically_satisfied',
        subject: 'AS1',
      }),
      await insertWorkOrder(db, s, {
        type: 'refund',
        status: 'analysing',
        assigneeId: b1.id,
        createdAt: at(D2, '10:00:00'),
      }),
      await insertWorkOrder(db, s, {
        type: 'complaint',
        status: 'in_progress',
        assigneeId: a2.id,
        createdAt: at(D2, '16:00:00'),
        firstReplyAt: at(D2, '16:10:00'),
      }),
    ];
    await insertReplyBreach(db, s, workOrders[1] ?? '', at(D2, '09:05:00'));

    // Calls [2.9]: day 1 one answered by A1 and one missed (nobody's); day 2 one answered by B1; an outbound call by
    // A2 does not count.
    const calls = [
      await insertCall(db, s, {
        direction: 'inbound',
        agentId: a1.id,
        at: at(D1, '10:30:00'),
        answered: true,
      }),
      await insertCall(db, s, {
        direction: 'inbound',
        agentId: null,
        at: at(D1, '10:40:00'),
        answered: false,
      }),
      await insertCall(db, s, {
        direction: 'inbound',
        agentId: b1.id,
        at: at(D2, '11:00:00'),
        answered: true,
      }),
      await insertCall(db, s, {
        direction: 'outbound',
        agentId: a2.id,
        at: at(D2, '15:00:00'),
        answered: true,
      }),
    ];

    // Roll-ups as the events would bring them [3.1], in a scrambled order and with repeats (a chat refreshed twice
    // must not count twice).
    const keys = [
      ...workOrders.map((id) => `w:${id}`),
      ...chats.map((id) => `c:${id}`),
      ...subjects.map((subject) => `s:${subject}`),
      ...calls.map((id) => `k:${id}`),
    ];
    await refreshEntities(db, s, keys.reverse(), Date.now());
    await refreshEntities(
      db,
      s,
      chats.map((id) => `c:${id}`),
      Date.now(),
    );
    await insertCommerce(db, s, {
      kind: 'order_placed',
      subject: 'O1',
      customerId: c1,
      at: at(D1, '10:05:30'),
    });
    // (a second order by C1 the same day adds no customer who ordered: C1 already counts once for A1)
    await refreshEntities(db, s, ['s:O1', `p:${c1}:${D1}`], Date.now());

    await app.ready();
    admin = await signIn(app, shop.admin.login);
  }, 60_000);

  async function table(query: string, source: 'rollups' | 'raw') {
    const response = await admin.get(`/api/metrics?${query}&source=${source}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<MetricsTable>();
  }
  const close = (actual: Record<string, number | null>, wanted: Record<string, number | null>) => {
    for (const key of metricKeys) {
      const value = actual[key] ?? null;
      const want = wanted[key] ?? null;
      if (want === null) expect(value, key).toBeNull();
      else expect(value, key).toBeCloseTo(want, 9);
    }
  };

  // Day 1 (shop payments ¥100, O1).
  const day1 = () => ({
    // A1: X1 (answered) + X2 (unanswered) = 2 consultations; customer messages 3 (X1) + 1 (X2) = 4; replies 2;
    // response 30 s and 60 s → 45 s; first response 30 s; 1 good of 1 rating; C1 ordered and paid ¥100; W1 timely
    // and resolved at once; 1 answered inbound call.
    [ids.A1]: expected({
      consultingCustomers: 2,
      unansweredCustomers: 1,
      customersReceived: 1,
      replyRate: 1 / 2,
      goodRatingRate: 1,
      answerQuestionRatio: 2 / 4,
      avgResponseSeconds: 45,
      avgFirstResponseSeconds: 30,
      workOrderTimelyReplyRate: 1,
      conversionRate: 1 / 2,
      averageOrderValueFen: 10000,
      csSalesFen: 10000,
      csSalesShare: 10000 / 10000,
      inquiryPaymentRate: 0 + 1 / 2,
      firstContactResolutionRate: 1,
      hotlineConnectionRate: 1,
    }),
    // A2: X2 from 22:52: 1 consultation, 1 customer message, 1 reply, response 240 s, first response 120 s, a bad
    // rating; C2's order credited, no payment.
    [ids.A2]: expected({
      consultingCustomers: 1,
      customersReceived: 1,
      replyRate: 1,
      goodRatingRate: 0,
      answerQuestionRatio: 1,
      avgResponseSeconds: 240,
      avgFirstResponseSeconds: 120,
      conversionRate: 1,
      csSalesShare: 0,
      inquiryPaymentRate: 0,
    }),
    // B1: X4's consultation on day 1 (1 customer message, the reply on day 2), 600 s both ways; W2 created.
    [ids.B1]: expected({
      consultingCustomers: 1,
      customersReceived: 1,
      replyRate: 1,
      answerQuestionRatio: 0,
      avgResponseSeconds: 600,
      avgFirstResponseSeconds: 600,
      conversionRate: 0,
      csSalesShare: 0,
      inquiryPaymentRate: 0,
      firstContactResolutionRate: 0,
    }),
    // pre-sale = A1 + A2: 3 consultations, 1 unanswered; replies 3 / customer messages 5; response mean of agent means
    // (45 + 240) / 2, first (30 + 120) / 2; ordered 2 of 3; paid 1.
    [ids.preSale]: expected({
      consultingCustomers: 3,
      unansweredCustomers: 1,
      customersReceived: 2,
      replyRate: 2 / 3,
      goodRatingRate: 1 / 2,
      answerQuestionRatio: 3 / 5,
      avgResponseSeconds: (45 + 240) / 2,
      avgFirstResponseSeconds: (30 + 120) / 2,
      workOrderTimelyReplyRate: 1,
      conversionRate: 2 / 3,
      averageOrderValueFen: 10000,
      csSalesFen: 10000,
      csSalesShare: 1,
      inquiryPaymentRate: 1 / 3,
      firstContactResolutionRate: 1,
      hotlineConnectionRate: 1,
    }),
    // in-sale has nobody: only the CS sales share has a denominator (the shop's payments).
    [ids.inSale]: expected({ csSalesShare: 0 }),
    // shop: 5 consultations (A1 2, A2 1, B1 1, nobody 1), 2 unanswered; replies 3 / customer messages 7 (4 + 1 + 1 +
    // 1); agent means 45, 240, 600 and first 30, 120, 600; ordered 2 and paid 1 of 5; work orders W1, W2: 1 resolved
    // at once, 1 replied (in time); calls 1 answered of 2.
    [ids.shop]: expected({
      consultingCustomers: 5,
      unansweredCustomers: 2,
      customersReceived: 3,
      replyRate: 3 / 5,
      goodRatingRate: 1 / 2,
      answerQuestionRatio: 3 / 7,
      avgResponseSeconds: (45 + 240 + 600) / 3,
      avgFirstResponseSeconds: (30 + 120 + 600) / 3,
      workOrderTimelyReplyRate: 1,
      conversionRate: 2 / 5,
      averageOrderValueFen: 10000,
      csSalesFen: 10000,
      csSalesShare: 1,
      inquiryPaymentRate: 1 / 5,
      firstContactResolutionRate: 1 / 2,
      hotlineConnectionRate: 1 / 2,
    }),
  });

  // Day 2 alone (shop payments ¥50 + ¥200 + ¥30 = ¥280): the custom range 2026-11-03 … 2026-11-05.
  const day2 = () => ({
    // A1: X6 unanswered; C1's ¥30 credited.
    [ids.A1]: expected({
      consultingCustomers: 1,
      unansweredCustomers: 1,
      replyRate: 0,
      answerQuestionRatio: 0,
      conversionRate: 0,
      averageOrderValueFen: 3000,
      csSalesFen: 3000,
      csSalesShare: 3000 / 28000,
      inquiryPaymentRate: 1,
    }),
    // A2: W4 replied in time, not resolved.
    [ids.A2]: expected({ workOrderTimelyReplyRate: 1, firstContactResolutionRate: 0, csSalesShare: 0 }),
    // B1: X5 (2 customer messages, 2 replies) + X4's reply = 3 replies; responses 20 s, 60 s → 40 s; first 20 s;
    // good rating; C5 ordered and paid ¥200; AS1 18 h and ¥80; W2 replied late; W3 created; W2's verdict; K3.
    [ids.B1]: expected({
      consultingCustomers: 1,
      customersReceived: 1,
      replyRate: 1,
      goodRatingRate: 1,
      answerQuestionRatio: 3 / 2,
      avgResponseSeconds: 40,
      avgFirstResponseSeconds: 20,
      aftersaleHandlingHours: 18,
      refundsCompletedFen: 8000,
      workOrderTimelyReplyRate: 0,
      conversionRate: 1,
      averageOrderValueFen: 20000,
      csSalesFen: 20000,
      csSalesShare: 20000 / 28000,
      inquiryPaymentRate: 1,
      firstContactResolutionRate: 0,
      aftersaleSatisfaction: 1,
      hotlineConnectionRate: 1,
    }),
    // shop: 2 consultations, 1 unanswered; replies 3 / customer messages 3; only B1 responded; W2 late + W4 timely;
    // W3, W4 created, none resolved at once; paid 2 (A1, B1) for ¥230; ordered 1.
    [ids.shop]: expected({
      consultingCustomers: 2,
      unansweredCustomers: 1,
      customersReceived: 1,
      replyRate: 1 / 2,
      goodRatingRate: 1,
      answerQuestionRatio: 1,
      avgResponseSeconds: 40,
      avgFirstResponseSeconds: 20,
      aftersaleHandlingHours: 18,
      refundsCompletedFen: 8000,
      workOrderTimelyReplyRate: 1 / 2,
      conversionRate: 1 / 2,
      averageOrderValueFen: 23000 / 2,
      csSalesFen: 23000,
      csSalesShare: 23000 / 28000,
      inquiryPaymentRate: 2 / 2,
      firstContactResolutionRate: 0,
      aftersaleSatisfaction: 1,
      hotlineConnectionRate: 1,
    }),
  });

  // The week 2026-11-02 … 08 = both days (shop payments ¥380).
  const week = () => ({
    // A1: 3 consultations, 2 unanswered; replies 2 / customer messages 5; paid twice for ¥130.
    [ids.A1]: expected({
      consultingCustomers: 3,
      unansweredCustomers: 2,
      customersReceived: 1,
      replyRate: 1 / 3,
      goodRatingRate: 1,
      answerQuestionRatio: 2 / 5,
      avgResponseSeconds: 45,
      avgFirstResponseSeconds: 30,
      workOrderTimelyReplyRate: 1,
      conversionRate: 1 / 3,
      averageOrderValueFen: 13000 / 2,
      csSalesFen: 13000,
      csSalesShare: 13000 / 38000,
      inquiryPaymentRate: 2 / 3,
      firstContactResolutionRate: 1,
      hotlineConnectionRate: 1,
    }),
    // B1: 2 consultations; replies 3 / customer messages 3; responses 600, 20, 60 → 680 / 3; first 600, 20 → 310.
    [ids.B1]: expected({
      consultingCustomers: 2,
      customersReceived: 2,
      replyRate: 1,
      goodRatingRate: 1,
      answerQuestionRatio: 1,
      avgResponseSeconds: 680 / 3,
      avgFirstResponseSeconds: 310,
      aftersaleHandlingHours: 18,
      refundsCompletedFen: 8000,
      workOrderTimelyReplyRate: 0,
      conversionRate: 1 / 2,
      averageOrderValueFen: 20000,
      csSalesFen: 20000,
      csSalesShare: 20000 / 38000,
      inquiryPaymentRate: 1 / 2,
      firstContactResolutionRate: 0,
      aftersaleSatisfaction: 1,
      hotlineConnectionRate: 1,
    }),
    // pre-sale: A1 + A2 (A2's week = its day 1 plus W4).
    [ids.preSale]: expected({
      consultingCustomers: 4,
      unansweredCustomers: 2,
      customersReceived: 2,
      replyRate: 2 / 4,
      goodRatingRate: 1 / 2,
      answerQuestionRatio: 3 / 6,
      avgResponseSeconds: (45 + 240) / 2,
      avgFirstResponseSeconds: (30 + 120) / 2,
      workOrderTimelyReplyRate: 2 / 2,
      conversionRate: 2 / 4,
      averageOrderValueFen: 13000 / 2,
      csSalesFen: 13000,
      csSalesShare: 13000 / 38000,
      inquiryPaymentRate: 2 / 4,
      firstContactResolutionRate: 1 / 2,
      hotlineConnectionRate: 1,
    }),
    // shop: 7 consultations, 3 unanswered; ratings good, bad, good; replies 6 / customer messages 10; agent means
    // 45, 240, 680/3 and 30, 120, 310; timely 2 of 3 replied; resolved at once 1 of 4; calls 2 of 3.
    [ids.shop]: expected({
      consultingCustomers: 7,
      unansweredCustomers: 3,
      customersReceived: 4,
      replyRate: 4 / 7,
      goodRatingRate: 2 / 3,
      answerQuestionRatio: 6 / 10,
      avgResponseSeconds: (45 + 240 + 680 / 3) / 3,
      avgFirstResponseSeconds: (30 + 120 + 310) / 3,
      aftersaleHandlingHours: 18,
      refundsCompletedFen: 8000,
      workOrderTimelyReplyRate: 2 / 3,
      conversionRate: 3 / 7,
      averageOrderValueFen: 33000 / 3,
      csSalesFen: 33000,
      csSalesShare: 33000 / 38000,
      inquiryPaymentRate: 3 / 7,
      firstContactResolutionRate: 1 / 4,
      aftersaleSatisfaction: 1,
      hotlineConnectionRate: 2 / 3,
    }),
  });

  for (const source of ['rollups', 'raw'] as const) {
    it(`natural day: every agent, group and the shop (${source})`, async () => {
      const result = await table(`period=day&from=${D1}`, source);
      expect(result.period).toEqual({ kind: 'day', from: D1, to: D1 });
      const wanted = day1();
      for (const [id, values] of Object.entries(wanted)) {
        const row = result.rows.find((r) => r.id === id);
        expect(row, id).toBeDefined();
        close(row?.values ?? {}, values);
      }
      // after-sale group = B1 alone
      close(result.rows.find((r) => r.id === ids.afterSale)?.values ?? {}, wanted[ids.B1] ?? {});
    });

    it(`natural week containing a Wednesday (${source})`, async () => {
      const result = await table(`period=week&from=2026-11-04`, source);
      expect(result.period).toEqual({ kind: 'week', from: D1, to: '2026-11-08' });
      for (const [id, values] of Object.entries(week())) {
        close(result.rows.find((r) => r.id === id)?.values ?? {}, values);
      }
    });

    it(`custom range (${source})`, async () => {
      const result = await table(`period=range&from=${D2}&to=2026-11-05`, source);
      expect(result.period).toEqual({ kind: 'range', from: D2, to: '2026-11-05' });
      for (const [id, values] of Object.entries(day2())) {
        close(result.rows.find((r) => r.id === id)?.values ?? {}, values);
      }
    });
  }

  it('a range that ends before it starts is refused with a code', async () => {
    const response = await admin.get(`/api/metrics?period=range&from=${D2}&to=${D1}`);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('metrics_range_invalid');
  });
});
