// Test-only writers of rows exactly as their owning modules store them (customers, calls, SLA breaches), shared by
// the metrics fixtures (src/modules/kpi/test-data.ts) and the quality/discipline fixtures (quality-activity.ts).
import type { Insertable, Kysely } from 'kysely';
import { newId } from '../db/ids.js';
import type { CallTable, Database } from '../db/schema.js';
import { ensureDefaultPolicies } from '../modules/sla/service.js';

type Db = Kysely<Database>;

export async function insertCustomerRow(db: Db, shopId: string, name: string, at: number): Promise<string> {
  const id = newId(at);
  await db
    .insertInto('customers')
    .values({
      id,
      shopId,
      memberId: null,
      displayName: name,
      contactName: null,
      phone: null,
      createdAt: at,
      lastSeenAt: at,
      email: null,
      vipLevel: 0,
      tags: '[]',
      mergedInto: null,
    })
    .execute();
  return id;
}

/** An ended PBX call; `call` gives what the test cares about, everything else is empty. */
export async function insertCallRow(
  db: Db,
  shopId: string,
  call: Pick<
    Insertable<CallTable>,
    'direction' | 'agentId' | 'startedAt' | 'answeredAt' | 'endedAt' | 'ringMs'
  > &
    Partial<Insertable<CallTable>>,
): Promise<string> {
  const id = call.id ?? newId(call.startedAt);
  await db
    .insertInto('calls')
    .values({
      id,
      shopId,
      source: 'pbx',
      externalCallId: id,
      state: 'ended',
      fromNumber: '13800000000',
      toNumber: null,
      agentExtension: null,
      customerId: null,
      ringingAt: call.startedAt,
      ringsBeforeAnswer: 1,
      missed: call.answeredAt === null ? 1 : 0,
      recordingUrl: null,
      customerName: null,
      contactPhone: null,
      contactEmail: null,
      matterKind: null,
      matter: null,
      handling: null,
      customerReaction: null,
      recordingTold: null,
      selfCheckedAt: null,
      spotCheckResult: null,
      spotCheckComment: null,
      spotCheckedBy: null,
      spotCheckedAt: null,
      version: 1,
      createdAt: call.startedAt,
      updatedAt: call.startedAt,
      ...call,
    })
    .execute();
  return id;
}

/** A breach at `at` of a one-hour clock of the shop's default policy `policyKey`, as the SLA sweep records it. */
export async function insertBreachRows(
  db: Db,
  shopId: string,
  breach: {
    policyKey: string;
    subjectKind: 'conversation' | 'work_order';
    subjectKey: string;
    workOrderId: string | null;
    agentId: string | null;
    at: number;
  },
): Promise<string> {
  const { at } = breach;
  await ensureDefaultPolicies(db, shopId, 'zh-CN');
  const policy = await db
    .selectFrom('slaPolicies')
    .select('id')
    .where('shopId', '=', shopId)
    .where('key', '=', breach.policyKey)
    .executeTakeFirstOrThrow();
  const clockId = newId(at);
  await db
    .insertInto('slaClocks')
    .values({
      id: clockId,
      shopId,
      policyId: policy.id,
      subjectKind: breach.subjectKind,
      subjectKey: breach.subjectKey,
      workOrderId: breach.workOrderId,
      customerId: null,
      agentId: breach.agentId,
      departmentId: null,
      phase: 'running',
      state: 'breached',
      startedAt: at - 3_600_000,
      budgetMs: 3_600_000,
      elapsedMs: 3_600_000,
      dueAt: at,
      warnAt: null,
      stoppedAt: null,
      epoch: 0,
      warnedAt: null,
      breachedAt: at,
      updatedAt: at,
    })
    .execute();
  const alertId = newId(at);
  await db
    .insertInto('slaAlerts')
    .values({
      id: alertId,
      shopId,
      clockId,
      kind: 'breach',
      epoch: 0,
      policyKey: breach.policyKey,
      subjectKind: breach.subjectKind,
      subjectKey: breach.subjectKey,
      workOrderId: breach.workOrderId,
      agentId: breach.agentId,
      departmentId: null,
      dueAt: at,
      at,
    })
    .execute();
  return alertId;
}
