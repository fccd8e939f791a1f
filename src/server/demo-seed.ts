// The demo shop that `npm start` seeds into an empty database, and the logins it prints.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { withTransaction } from '../db/transaction.js';
import type { AuditActor } from './actor.js';
import {
  ensureDefaultAutoReplies,
  seedPromotionReply,
  seedShopQuickReplies,
} from '../modules/replies/service.js';
import { countAllShops, provisionShop } from '../modules/shops/service.js';
import { ensureDefaultPolicies } from '../modules/sla/service.js';
import { createDepartment, createGroup, createStaff, groupIdByKind } from '../modules/team/service.js';
import { seedDemoFollowUps } from '../modules/followups/demo.js';
import { findCredentials } from '../modules/team/service.js';
import { ensureDefaultScorecard } from '../modules/qa/service.js';
import { ensureDefaultRules } from '../modules/discipline/service.js';
import type { Role } from '../shared/roles.js';
import type { GroupKind } from '../shared/schemas/team.js';
import { seedEntries } from '../modules/knowledge/service.js';
import { starterFaq } from '../modules/knowledge/starter-entries.js';

export const demoPassword = 'kefu2026';

interface DemoStaff {
  login: string;
  displayName: string;
  employeeNo: string;
  role: Role;
  groups?: GroupKind[];
  department?: string;
}

export const demoStaff: DemoStaff[] = [
  { login: 'supervisor', displayName: '李主管', employeeNo: 'S001', role: 'supervisor' },
  { login: 'presale1', displayName: '张晓雨', employeeNo: 'P001', role: 'agent', groups: ['pre_sale'] },
  { login: 'presale2', displayName: '陈思远', employeeNo: 'P002', role: 'agent', groups: ['pre_sale'] },
  { login: 'presale3', displayName: '刘佳琪', employeeNo: 'P003', role: 'agent', groups: ['pre_sale'] },
  { login: 'insale1', displayName: '赵一鸣', employeeNo: 'Z001', role: 'agent', groups: ['in_sale'] },
  { login: 'aftersale1', displayName: '王海燕', employeeNo: 'H001', role: 'agent', groups: ['after_sale'] },
  { login: 'aftersale2', displayName: '孙浩然', employeeNo: 'H002', role: 'agent', groups: ['after_sale'] },
  { login: 'aftersale3', displayName: '周婷婷', employeeNo: 'H003', role: 'agent', groups: ['after_sale'] },
  { login: 'qa', displayName: '吴质检', employeeNo: 'Q001', role: 'qa_inspector' },
  {
    login: 'complaint',
    displayName: '郑投诉',
    employeeNo: 'C001',
    role: 'complaint_team',
    department: '投诉组',
  },
  {
    login: 'warehouse',
    displayName: '钱仓管',
    employeeNo: 'W001',
    role: 'department_member',
    department: '仓储部',
  },
];

export const demoAdmin = { login: 'admin', displayName: '王店长', employeeNo: 'A001' };

const demoDepartments = [
  { name: '仓储部', description: '仓库发货、补发、包装问题' },
  { name: '物流部', description: '快递异常、催件、破损理赔' },
  { name: '产品部', description: '商品质量、使用问题与建议' },
  { name: '投诉组', description: '投诉工单：致歉、跟进处理并告知客户进展' },
];

/** Shop-wide quick replies 快捷回复 of the demo shop; {customerName} and {orderNumber} are filled in on insert. */
const demoQuickReplies = [
  { shortcut: 'hi', title: '问候', text: '{customerName} 您好，很高兴为您服务，请问有什么可以帮您？' },
  { shortcut: 'wait', title: '请稍等', text: '好的，请您稍等，我马上为您查询。' },
  {
    shortcut: 'ship',
    title: '发货时间',
    text: '亲，订单 {orderNumber} 会在付款后 48 小时内发出，发货后可在订单详情查看物流。',
  },
  { shortcut: 'size', title: '尺码建议', text: '亲，可以告诉我您的身高和体重，我帮您推荐合适的尺码。' },
  {
    shortcut: 'return',
    title: '七天无理由',
    text: '本店支持七天无理由退换货，请在订单详情页申请售后，我们会尽快为您处理。',
  },
  { shortcut: 'bye', title: '结束语', text: '感谢您的咨询，祝您生活愉快！如有其他问题随时联系我们。' },
];

const groupNames: Record<Exclude<GroupKind, 'pre_sale'>, string> = {
  in_sale: '售中组',
  after_sale: '售后组',
};

/** Seeds the demo shop when there is no shop at all; returns false when nothing was seeded. */
export async function seedDemoShopIfEmpty(db: Kysely<Database>): Promise<boolean> {
  if ((await countAllShops(db)) > 0) return false;
  return withTransaction(db, async (trx) => {
    const provisioned = await provisionShop(trx, {
      slug: 'demo',
      name: '悦享生活旗舰店',
      admin: { ...demoAdmin, password: demoPassword },
    });
    if (!provisioned) return false;
    const system: AuditActor = { shopId: provisioned.shop.id, userId: null, displayName: null, ip: null };
    const groupIds: Partial<Record<GroupKind, string>> = {
      pre_sale: await groupIdByKind(trx, provisioned.shop.id, 'pre_sale'),
    };
    for (const [kind, name] of Object.entries(groupNames) as Array<[keyof typeof groupNames, string]>) {
      groupIds[kind] = (await createGroup(trx, system, { kind, name })).id;
    }
    const departmentIds = new Map<string, string>();
    for (const department of demoDepartments) {
      departmentIds.set(department.name, (await createDepartment(trx, system, department)).id);
    }
    for (const staff of demoStaff) {
      await createStaff(trx, system, {
        login: staff.login,
        displayName: staff.displayName,
        employeeNo: staff.employeeNo,
        password: demoPassword,
        role: staff.role,
        groupIds: (staff.groups ?? [])
          .map((kind) => groupIds[kind])
          .filter((id): id is string => Boolean(id)),
        departmentId: staff.department ? (departmentIds.get(staff.department) ?? null) : null,
        maxConcurrentChats: 8,
        locale: 'zh-CN',
      });
    }
    await ensureDefaultAutoReplies(trx, provisioned.shop.id, 'zh-CN');
    await ensureDefaultPolicies(trx, provisioned.shop.id, 'zh-CN');
    await seedShopQuickReplies(trx, provisioned.shop.id, demoQuickReplies);
    const now = Date.now();
    await seedPromotionReply(trx, provisioned.shop.id, {
      text: '【店铺活动】本月全场满 299 减 30，会员再享 95 折，活动详情见店铺首页。',
      startsAt: now - 86_400_000,
      endsAt: now + 30 * 86_400_000,
    });
    await seedDemoFollowUps(
      trx,
      provisioned.shop.id,
      {
        supervisorId: (await findCredentials(trx, 'supervisor'))?.id ?? provisioned.admin.id,
        agentId: (await findCredentials(trx, 'aftersale1'))?.id ?? provisioned.admin.id,
        productDepartmentId: departmentIds.get('产品部') ?? null,
      },
      now,
    );
    // Quality inspection and discipline: the seed-001 scorecard and the seed-003 rules.
    await ensureDefaultScorecard(trx, provisioned.shop.id, now);
    await ensureDefaultRules(trx, provisioned.shop.id, now);
    // The starter FAQ (returns, shipping, invoices, sizes…): answered in the widget while chats wait, suggested to
    // agents; reviewed quarterly, the first one already due so the overdue list shows something.
    await seedEntries(
      trx,
      provisioned.shop.id,
      starterFaq.map((entry, index) => ({
        category: entry.category,
        title: entry.question,
        body: entry.answer,
        phrasings: entry.phrasings,
        nextReviewAt: index === 0 ? now - 86_400_000 : now + 90 * 86_400_000,
      })),
      provisioned.admin.id,
    );
    return true;
  });
}
