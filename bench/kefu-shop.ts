// Prepares the demo shop for a load run through Kefu's own HTTP API: staff sign-in, agents, service hours, widget sessions.
import type { Session } from '../src/shared/schemas/auth.js';
import type { WidgetSession } from '../src/shared/schemas/chat.js';
import type { Shop } from '../src/shared/schemas/shops.js';
import type { Agent } from '../src/shared/schemas/team.js';

export const demoAdminLogin = 'admin';
export const demoPassword = 'kefu2026';
const agentPassword = 'kefu-bench-2026';
/** The highest concurrent-chat cap an agent may have (maxConcurrentChatsLimit in src/shared/schemas/team.ts). */
const capLimit = 50;

async function expectOk(response: Response, what: string): Promise<void> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
}

/** A signed-in staff member: the session cookie for HTTP and the /agent socket, the CSRF token for writes. */
export class StaffApi {
  private constructor(
    readonly baseUrl: string,
    readonly cookie: string,
    readonly session: Session,
  ) {}

  static async signIn(baseUrl: string, login: string, password: string): Promise<StaffApi> {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    await expectOk(response, `sign-in of ${login}`);
    const cookie = response.headers
      .getSetCookie()
      .map((header) => header.split(';')[0] ?? '')
      .find((pair) => pair.startsWith('kefu_session='));
    if (!cookie) throw new Error(`sign-in of ${login} set no session cookie`);
    return new StaffApi(baseUrl, cookie, (await response.json()) as Session);
  }

  async call<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': this.session.csrfToken }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    await expectOk(response, `${method} ${path}`);
    return (await response.json()) as T;
  }
}

export interface PreparedShop {
  widgetKey: string;
  agents: Array<{ id: string; login: string; password: string }>;
  capPerAgent: number;
}

/**
 * Opens the shop around the clock (opensAt = closesAt), lets the queue hold every customer, and creates `agents`
 * pre-sale agents whose caps together fit all `customers` chats, so every conversation can be assigned.
 */
export async function prepareShop(
  admin: StaffApi,
  options: { customers: number; agents: number; tag: string },
): Promise<PreparedShop> {
  const needed = Math.ceil(options.customers / options.agents);
  if (needed > capLimit) {
    throw new Error(
      `${options.customers} customers need ${needed} chats per agent with ${options.agents} agents; ` +
        `the cap is at most ${capLimit}: add agents`,
    );
  }
  const capPerAgent = Math.min(capLimit, needed + 2);
  const shop = await admin.call<Shop>('GET', '/api/shop');
  await admin.call<Shop>('PATCH', '/api/shop', {
    serviceHours: { opensAt: '00:00', closesAt: '00:00', offHoursReplyBy: shop.serviceHours.offHoursReplyBy },
  });
  // A full queue turns new chats into offline messages; the whole burst must be able to wait in it.
  if (typeof shop.maxQueueLength === 'number' && shop.maxQueueLength < options.customers) {
    await admin.call<Shop>('PATCH', '/api/shop', {
      maxQueueLength: Math.min(10_000, options.customers * 2),
    });
  }
  if (!shop.widgetKey) throw new Error('the shop has no widget key');

  const agents: PreparedShop['agents'] = [];
  for (let index = 0; index < options.agents; index += 1) {
    const number = String(index + 1).padStart(3, '0');
    const login = `bench-${options.tag}-${number}`;
    const agent = await admin.call<Agent>('POST', '/api/agents', {
      login,
      displayName: `压测客服 ${number}`,
      employeeNo: `B${options.tag}${number}`,
      password: agentPassword,
      role: 'agent',
      maxConcurrentChats: capPerAgent,
    });
    agents.push({ id: agent.id, login, password: agentPassword });
  }
  return { widgetKey: shop.widgetKey, agents, capPerAgent };
}

export async function openWidgetSession(baseUrl: string, shopKey: string): Promise<WidgetSession> {
  const response = await fetch(`${baseUrl}/api/widget/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ shopKey }),
  });
  await expectOk(response, 'widget session');
  return (await response.json()) as WidgetSession;
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the results. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
