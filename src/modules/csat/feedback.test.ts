// Acceptance 3 of issue 5 on both databases: a questionnaire link needs no login, stores one answer however often
// it is answered, refuses an expired or forged token with a clear message, and reaches nothing else of the shop.
// Also: one link per recipient, suggestions routed to a department and answered to the customer, and merging two
// profiles keeps every item of both.
import { expect, it } from 'vitest';
import type { CustomerProfile } from '../../shared/schemas/customers.js';
import type { Suggestion } from '../../shared/schemas/feedback.js';
import {
  anonymous,
  buildShop,
  buildStaff,
  signIn,
  snapshotDatabase,
  type ApiClient,
} from '../../test/factories.js';
import { describeEachDatabase } from '../../test/harness.js';

const DAY = 24 * 60 * 60_000;
let now = Date.UTC(2026, 10, 23, 2, 0);
const clock = () => now;

describeEachDatabase(
  'questionnaires, suggestions and profile merges',
  (context) => {
    async function setUp() {
      now = Date.UTC(2026, 10, 23, 2, 0);
      const shop = await buildShop(context());
      const admin = await signIn(context().app, shop.admin.login);
      const key = (await admin.get('/api/shop')).json<{ widgetKey: string }>().widgetKey;
      const newCustomer = async () =>
        (await anonymous(context().app).post('/api/widget/session', { shopKey: key })).json<{
          customerId: string;
        }>().customerId;
      return { shop, admin, newCustomer };
    }

    async function compose(admin: ApiClient) {
      const response = await admin.post('/api/questionnaires', {
        title: '售后服务满意度调查',
        intro: '感谢您抽出一分钟',
        questions: [
          { id: 'overall', kind: 'scale', text: '整体满意度', max: 5 },
          { id: 'speed', kind: 'single_choice', text: '处理速度', options: ['很快', '一般', '很慢'] },
          { id: 'words', kind: 'text', text: '还有什么想说的？' },
        ],
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string }>().id;
    }

    it('stores one answer per link, without login, and refuses expired and forged links clearly', async () => {
      const { admin, newCustomer } = await setUp();
      const questionnaireId = await compose(admin);
      const [first, second] = [await newCustomer(), await newCustomer()];
      const sent = await admin.post(`/api/questionnaires/${questionnaireId}/send`, {
        customerIds: [first, second],
        validDays: 14,
      });
      expect(sent.statusCode, sent.body).toBe(200);
      const links = sent.json<{ links: Array<{ url: string; customerId: string }>; skipped: string[] }>()
        .links;
      expect(links).toHaveLength(2);
      // Once per recipient: sending again makes no second link.
      const again = await admin.post(`/api/questionnaires/${questionnaireId}/send`, { customerIds: [first] });
      expect(again.json()).toEqual({ links: [], skipped: [first] });

      const visitor = anonymous(context().app);
      const token = links[0]!.url.replace('/s/', '');
      const page = await visitor.get(`/api/public/surveys/${token}`);
      expect(page.statusCode, page.body).toBe(200);
      expect(page.json()).toMatchObject({
        kind: 'questionnaire',
        title: '售后服务满意度调查',
        answered: false,
        questions: [{ id: 'overall' }, { id: 'speed' }, { id: 'words' }],
      });
      expect(Object.keys(page.json()).sort()).toEqual([
        'answered',
        'intro',
        'kind',
        'questions',
        'shopName',
        'title',
      ]);

      const incomplete = await visitor.post(`/api/public/surveys/${token}`, { answers: { overall: 9 } });
      expect(incomplete.statusCode).toBe(400);
      expect(incomplete.json().error.code).toBe('survey_answer_incomplete');

      const answer = { answers: { overall: 4, speed: '很快', words: '客服很耐心' } };
      const [a, b] = await Promise.all([
        visitor.post(`/api/public/surveys/${token}`, answer),
        visitor.post(`/api/public/surveys/${token}`, { answers: { overall: 1, speed: '很慢' } }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const third = await visitor.post(`/api/public/surveys/${token}`, answer);
      expect(third.statusCode).toBe(409);
      expect(third.json().error).toMatchObject({
        code: 'survey_already_answered',
        message: '您已提交过，感谢您的反馈',
      });
      const answers = (await admin.get(`/api/questionnaires/${questionnaireId}/answers`)).json<{
        items: Array<{ customerId: string }>;
      }>().items;
      expect(answers.map((item) => item.customerId)).toEqual([first]);
      expect((await visitor.get(`/api/public/surveys/${token}`)).json()).toMatchObject({ answered: true });

      // Forged: an unknown token, a token with one character changed, nothing stored.
      const before = await snapshotDatabase(context().database.db);
      const forged = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
      for (const bad of [forged, 'not-a-real-token']) {
        const refused = await visitor.get(`/api/public/surveys/${bad}`, { 'accept-language': 'en' });
        expect(refused.statusCode).toBe(404);
        expect(refused.json().error).toMatchObject({
          code: 'survey_link_invalid',
          message: 'This link is not valid; check that it is complete or ask us for a new one',
        });
        expect((await visitor.post(`/api/public/surveys/${bad}`, answer)).statusCode).toBe(404);
      }
      // Expired: the second link, 14 days and a minute later.
      now += 14 * DAY + 60_000;
      const expiredToken = links[1]!.url.replace('/s/', '');
      const expired = await visitor.get(`/api/public/surveys/${expiredToken}`);
      expect(expired.statusCode).toBe(410);
      expect(expired.json().error.code).toBe('survey_link_expired');
      expect((await visitor.post(`/api/public/surveys/${expiredToken}`, answer)).statusCode).toBe(410);
      expect(await snapshotDatabase(context().database.db)).toBe(before);
    });

    it('reaches nothing else of the shop without a login', async () => {
      const { admin, newCustomer } = await setUp();
      const questionnaireId = await compose(admin);
      const customerId = await newCustomer();
      await admin.post(`/api/questionnaires/${questionnaireId}/send`, { customerIds: [customerId] });
      const visitor = anonymous(context().app);
      for (const url of [
        `/api/customers/${customerId}/profile`,
        `/api/questionnaires/${questionnaireId}/answers`,
        '/api/questionnaires',
        '/api/follow-ups',
        '/api/suggestions',
        '/api/work-orders',
      ]) {
        expect((await visitor.get(url)).statusCode, url).toBe(401);
      }
    });

    it('routes a suggestion to its department, which adopts or declines it, and the customer is told', async () => {
      const { shop, admin, newCustomer } = await setUp();
      const logistics = (await admin.post('/api/departments', { name: '物流部' })).json<{ id: string }>().id;
      const product = (await admin.post('/api/departments', { name: '产品部' })).json<{ id: string }>().id;
      const member = await buildStaff(context(), shop, { role: 'department_member' });
      await admin.patch(`/api/agents/${member.id}`, { departmentId: logistics });
      const memberApi = await signIn(context().app, member.login);
      const customerId = await newCustomer();
      const create = async (departmentId: string, text: string) => {
        const response = await admin.post('/api/suggestions', { customerId, departmentId, text });
        expect(response.statusCode, response.body).toBe(201);
        return response.json<Suggestion>();
      };
      const ours = await create(logistics, '希望支持顺丰');
      const theirs = await create(product, '希望出大号');
      const mine = (await memberApi.get('/api/suggestions')).json<{ items: Suggestion[] }>().items;
      expect(mine.map((item) => item.id)).toEqual([ours.id]);
      expect(
        (
          await memberApi.post(`/api/suggestions/${theirs.id}/resolve`, {
            decision: 'adopted',
            resolution: 'x',
          })
        ).statusCode,
      ).toBe(404);

      const adopted = await memberApi.post(`/api/suggestions/${ours.id}/resolve`, {
        decision: 'adopted',
        resolution: '下月起支持顺丰到付',
      });
      expect(adopted.statusCode, adopted.body).toBe(200);
      expect(adopted.json<Suggestion>()).toMatchObject({
        status: 'adopted',
        customerTold: true,
        customerNotice: '您好，感谢您的建议！我们已经采纳：下月起支持顺丰到付',
      });
      const declined = await admin.post(`/api/suggestions/${theirs.id}/resolve`, {
        decision: 'declined',
        resolution: '模具成本过高',
      });
      expect(declined.json<Suggestion>().customerNotice).toContain('原因是：模具成本过高');
      expect(
        (
          await admin.post(`/api/suggestions/${theirs.id}/resolve`, {
            decision: 'adopted',
            resolution: '再想想',
          })
        ).json().error.code,
      ).toBe('suggestion_resolved');
      const missingReason = await admin.post('/api/suggestions', {
        customerId,
        departmentId: product,
        text: '',
      });
      expect(missingReason.statusCode).toBe(400);
    });

    it('merges two profiles of one person keeping every item of both', async () => {
      const { admin, newCustomer } = await setUp();
      const [keep, duplicate] = [await newCustomer(), await newCustomer()];
      await admin.patch(`/api/customers/${keep}`, { tags: ['VIP'], vipLevel: 1 });
      await admin.patch(`/api/customers/${duplicate}`, {
        phone: '13700001111',
        tags: ['退货多'],
        vipLevel: 3,
      });
      const department = (await admin.post('/api/departments', { name: '客服部' })).json<{ id: string }>().id;
      for (const [customerId, title] of [
        [keep, '咨询尺码'],
        [duplicate, '投诉物流'],
      ] as const) {
        expect(
          (await admin.post('/api/work-orders', { type: 'common_question', title, customerId })).statusCode,
        ).toBe(201);
        await admin.post('/api/suggestions', {
          customerId,
          departmentId: department,
          text: `${title}的建议`,
        });
      }
      const merged = await admin.post(`/api/customers/${keep}/merge`, { sourceId: duplicate });
      expect(merged.statusCode, merged.body).toBe(200);
      const profile = merged.json<CustomerProfile>();
      expect(profile.customer).toMatchObject({
        id: keep,
        phone: '137****1111',
        vipLevel: 3,
        tags: ['VIP', '退货多'],
      });
      expect(profile.mergedIds).toEqual([duplicate]);
      const titles = profile.timeline.filter((item) => item.kind === 'work_order').map((item) => item.title);
      expect(titles).toHaveLength(2);
      expect(titles.join()).toContain('咨询尺码');
      expect(titles.join()).toContain('投诉物流');
      expect(profile.timeline.filter((item) => item.kind === 'suggestion')).toHaveLength(2);
      // The duplicate's id opens the surviving profile; search finds it by the duplicate's phone.
      expect(
        (await admin.get(`/api/customers/${duplicate}/profile`)).json<CustomerProfile>().customer.id,
      ).toBe(keep);
      expect(
        (await admin.get('/api/customer-search?q=137-0000-1111')).json<{ items: Array<{ id: string }> }>()
          .items,
      ).toEqual([expect.objectContaining({ id: keep })]);
      expect(
        (await admin.post(`/api/customers/${keep}/merge`, { sourceId: duplicate })).json().error.code,
      ).toBe('customers_not_mergeable');
    });
  },
  { clock },
);
