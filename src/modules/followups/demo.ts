// Follow-up data of the demo shop (`npm start`): a VIP member with contacts, a follow-up rule by name, open and
// overdue follow-up tasks, a questionnaire and a suggestion routed to the product department.
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.js';
import type { Database } from '../../db/schema.js';
import { createSuggestionIn } from '../csat/suggestions.js';
import * as csatRepo from '../csat/repo.js';
import { createCustomerWithContacts } from '../customers/service.js';
import * as repo from './repo.js';
import { defaultRules } from './rules.js';
import { blankTask } from './service.js';

const hour = 60 * 60_000;

export async function seedDemoFollowUps(
  db: Kysely<Database>,
  shopId: string,
  staff: { supervisorId: string; agentId: string; productDepartmentId: string | null },
  now: number,
): Promise<void> {
  const customerId = await createCustomerWithContacts(
    db,
    shopId,
    {
      memberId: 'M10001',
      displayName: '林小满',
      phone: '13800138000',
      email: 'li.nvshi@example.com',
      vipLevel: 2,
      tags: ['老客户', '母婴'],
    },
    now - 30 * 24 * hour,
  );
  await repo.upsertRule(db, {
    ...defaultRules.questionnaire,
    enabled: 1,
    ownerMode: 'user',
    ownerUserId: staff.supervisorId,
    shopId,
    updatedAt: now,
  });
  const task = (title: string, kind: 'phone' | 'consultation', dueAt: number) => ({
    ...blankTask(shopId, kind, now),
    customerId,
    ownerId: staff.agentId,
    title,
    dueAt,
    createdBy: staff.supervisorId,
  });
  await repo.insertTask(db, task('电话回访：婴儿推车退款是否到账', 'phone', now + 20 * hour));
  await repo.insertTask(db, task('咨询次日回访：奶瓶消毒器使用方法', 'consultation', now - 2 * hour));
  await csatRepo.insertQuestionnaire(db, {
    id: newId(now),
    shopId,
    title: '售后服务满意度调查',
    intro: '感谢您选择悦享生活旗舰店，请花一分钟告诉我们您的感受。',
    questions: JSON.stringify([
      { id: 'overall', kind: 'scale', text: '您对本次售后服务的整体满意度', max: 5, required: true },
      {
        id: 'speed',
        kind: 'single_choice',
        text: '处理速度',
        options: ['很快', '一般', '较慢'],
        required: true,
      },
      { id: 'words', kind: 'text', text: '还有什么想对我们说的？', required: false },
    ]),
    createdBy: staff.supervisorId,
    createdAt: now,
    updatedAt: now,
  });
  await createSuggestionIn(db, shopId, {
    customerId,
    sourceKind: 'follow_up',
    sourceId: null,
    text: '希望奶瓶消毒器附带中文视频说明书',
    departmentId: staff.productDepartmentId,
    createdBy: staff.agentId,
    now,
  });
}
