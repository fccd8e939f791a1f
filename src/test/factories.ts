// Test factories (Outline's buildUser style) and a signed-in API client over app.inject.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/schema.js';
import { provisionShop } from '../modules/shops/service.js';
import { createGroup, createStaff, groupIdByKind } from '../modules/team/service.js';
import type { App } from '../server/http.js';
import type { Role } from '../shared/roles.js';
import type { Session } from '../shared/schemas/auth.js';
import type { Agent, GroupKind } from '../shared/schemas/team.js';
import type { TestContext } from './harness.js';

export const testPassword = 'correct-horse-42';

const unique = () => randomBytes(4).toString('hex');

export interface TestShop {
  id: string;
  admin: Agent;
  groupIds: Record<GroupKind, string>;
}

/** A shop with all three duty groups and one admin. */
export async function buildShop(context: TestContext): Promise<TestShop> {
  const db = context.database.db;
  const tag = unique();
  const provisioned = await provisionShop(db, {
    slug: `shop-${tag}`,
    name: `测试店铺 ${tag}`,
    admin: { login: `admin-${tag}`, displayName: `店长 ${tag}`, employeeNo: 'A001', password: testPassword },
  });
  if (!provisioned) throw new Error('shop slug collision');
  const system = { shopId: provisioned.shop.id, userId: null, displayName: null, ip: null };
  await createGroup(db, system, { kind: 'in_sale', name: '售中组' });
  await createGroup(db, system, { kind: 'after_sale', name: '售后组' });
  const groupIds = {} as Record<GroupKind, string>;
  for (const kind of ['pre_sale', 'in_sale', 'after_sale'] as const) {
    const id = await groupIdByKind(db, provisioned.shop.id, kind);
    if (!id) throw new Error(`missing ${kind} group`);
    groupIds[kind] = id;
  }
  return { id: provisioned.shop.id, admin: provisioned.admin, groupIds };
}

export async function buildStaff(
  context: TestContext,
  shop: TestShop,
  options: { role?: Role; groups?: GroupKind[]; status?: 'active' | 'disabled' } = {},
): Promise<Agent> {
  const tag = unique();
  const role = options.role ?? 'agent';
  return createStaff(
    context.database.db,
    { shopId: shop.id, userId: null, displayName: null, ip: null },
    {
      login: `${role}-${tag}`,
      displayName: `客服 ${tag}`,
      employeeNo: `E${tag}`,
      password: testPassword,
      role,
      groupIds: (options.groups ?? (role === 'agent' ? ['pre_sale'] : [])).map((kind) => shop.groupIds[kind]),
      maxConcurrentChats: 8,
      locale: 'zh-CN',
    },
  );
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ApiClient {
  session: Session | null;
  /** the Cookie header value, for sockets */
  cookie: string | null;
  request(
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

function client(app: App, cookie: string | null, session: Session | null): ApiClient {
  const request: ApiClient['request'] = (method, url, body, headers = {}) =>
    app.inject({
      method,
      url,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(session && method !== 'GET' ? { 'x-csrf-token': session.csrfToken } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : (body as object) }),
    });
  return {
    session,
    cookie,
    request,
    get: (url, headers) => request('GET', url, undefined, headers),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    delete: (url) => request('DELETE', url),
  };
}

export function anonymous(app: App): ApiClient {
  return client(app, null, null);
}

export async function signIn(app: App, login: string, password = testPassword): Promise<ApiClient> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${login} failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'kefu_session');
  if (!cookie) throw new Error('no session cookie');
  return client(app, `kefu_session=${cookie.value}`, response.json<Session>());
}

/**
 * Every row of every table, for "a refused call changed nothing" checks (session timestamps left out; follow-up tasks
 * left out like the SLA clocks: the background jobs of earlier tests write them at any moment).
 */
export async function snapshotDatabase(db: Kysely<Database>): Promise<string> {
  const tables = [
    'shops',
    'users',
    'groups',
    'groupMembers',
    'departments',
    'auditLog',
    'sessions',
    'customers',
    'conversations',
    'messages',
    'attachments',
    'chatRatings',
    'conversationTransfers',
    'quickReplies',
    'autoReplies',
    'workOrders',
    'workOrderEntries',
    'businessCalendars',
    'calendarDays',
    'webhookSecrets',
    'callSettings',
    'callExtensions',
    'calls',
    'callEvents',
    'callbackTasks',
    'commerceEvents',
    'orderImports',
    'orderImportErrors',
    'followUpRules',
    'questionnaires',
    'surveyLinks',
    'surveyAnswers',
    'suggestions',
    'qaSettings',
    'qaScorecards',
    'qaSamples',
    'qaInspections',
    'disciplineRules',
    'disciplineEntries',
    'appeals',
    'dailyReports',
    'handovers',
    'trainingSessions',
    'trainingAttendance',
  ] as const;
  const snapshot: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = (await db.selectFrom(table).selectAll().execute()) as Array<Record<string, unknown>>;
    snapshot[table] = rows
      .map((row) => (table === 'sessions' ? { id: row.id, userId: row.userId } : row))
      .map((row) => JSON.stringify(row))
      .sort();
  }
  return JSON.stringify(snapshot);
}
