// `npm run bench:metrics`: generates a shop with --agents agents and --messages chat messages over three months
// (plus ratings, orders and payments, calls and work orders), builds the metrics roll-ups of the middle month, and
// prints one JSON report: the time to compute that month's full metrics table (every agent, group and the shop)
// from the roll-ups and from the raw events, on SQLite and on PostgreSQL.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { metricsTable, rebuildRollups } from '../src/modules/kpi/service.js';
import { provisionShop } from '../src/modules/shops/service.js';
import { createGroup, groupIdByKind } from '../src/modules/team/service.js';
import { createScratchDatabase } from './postgres.js';
import { round } from './stats.js';

const usage = `Usage: npm run bench:metrics -- [options]
  --messages N        chat messages in the three months (default 10000000)
  --agents N          agents (default 200)
  --databases LIST    sqlite,postgres (default both)
  --repeat N          timed runs of the roll-up query (default 5; the median is reported)`;

const { values: options } = parseArgs({
  options: {
    messages: { type: 'string', default: '10000000' },
    agents: { type: 'string', default: '200' },
    databases: { type: 'string', default: 'sqlite,postgres' },
    repeat: { type: 'string', default: '5' },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  console.error(usage);
  process.exit(0);
}
const totalMessages = Number(options.messages);
const agentCount = Number(options.agents);
const repeat = Number(options.repeat);
const postgresAdminUrl = process.env.KEFU_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const log = (message: string) => console.error(`[bench:metrics] ${message}`);
const seconds = (ms: number) => round(ms / 1000, 3);

/** mulberry32, so both databases get the same data */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row = (string | number | null)[];
type Sink = (table: string, columns: string[], rows: Row[]) => Promise<void>;

/** Bulk writers that bypass the query builder: prepared statements on SQLite, unnest() arrays on PostgreSQL. */
function sqliteSink(file: string): { sink: Sink; close: () => void } {
  const raw = new SqliteDatabase(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    sink: async (table, columns, rows) => {
      const key = `${table}:${columns.join(',')}`;
      let statement = statements.get(key);
      if (!statement) {
        statement = raw.prepare(
          `insert into ${table} (${columns.join(',')}) values (${columns.map(() => '?').join(',')})`,
        );
        statements.set(key, statement);
      }
      const insert = statement;
      raw.transaction(() => {
        for (const row of rows) insert.run(row);
      })();
    },
    close: () => raw.close(),
  };
}

function postgresSink(
  url: string,
  types: Record<string, string>,
): { sink: Sink; close: () => Promise<void> } {
  // Bulk loading only: no foreign-key triggers (the generator writes consistent rows) and no wait for each commit's
  // flush; the queries timed afterwards run on the application's own connections with the normal settings.
  const pool = new pg.Pool({
    connectionString: url,
    max: 2,
    options: '-c session_replication_role=replica -c synchronous_commit=off',
  });
  return {
    sink: async (table, columns, rows) => {
      const arrays = columns.map((_, index) => rows.map((row) => row[index] ?? null));
      const casts = columns.map((column, index) => `$${index + 1}::${types[column] ?? 'text'}[]`);
      await pool.query(
        `insert into ${table} (${columns.join(',')}) select * from unnest(${casts.join(',')})`,
        arrays,
      );
    },
    close: () => pool.end(),
  };
}

const intColumns = [
  'created_at',
  'updated_at',
  'last_seen_at',
  'seq',
  'internal',
  'off_hours',
  'queued_at',
  'assigned_at',
  'first_response_at',
  'last_seq',
  'last_message_at',
  'customer_read_seq',
  'agent_read_seq',
  'transfer_count',
  'version',
  'occurred_at',
  'amount_fen',
  'started_at',
  'answered_at',
  'missed',
  'number',
  'complaint_team',
  'reopen_count',
  'first_reply_at',
  'max_concurrent_chats',
];
const pgTypes = Object.fromEntries(intColumns.map((column) => [column, 'bigint']));

const monthStart = Date.parse('2026-08-01T00:00:00+08:00');
const measured = { from: '2026-09-01', to: '2026-09-30' };

async function generate(db: DatabaseHandle, sink: Sink) {
  const kysely = db.db;
  const provisioned = await provisionShop(kysely, {
    slug: 'bench-shop',
    name: '压测店铺',
    admin: { login: 'admin', displayName: '店长', employeeNo: 'A001', password: 'bench-password-1' },
  });
  if (!provisioned) throw new Error('shop exists');
  const shopId = provisioned.shop.id;
  const system = { shopId, userId: null, displayName: null, ip: null };
  await createGroup(kysely, system, { kind: 'after_sale', name: '售后组' });
  const preSale = (await groupIdByKind(kysely, shopId, 'pre_sale')) ?? '';
  const afterSale = (await groupIdByKind(kysely, shopId, 'after_sale')) ?? '';
  const agents = Array.from({ length: agentCount }, (_, i) => `agent-${i}`);
  const now = Date.now();
  await sink(
    'users',
    [
      'id',
      'shop_id',
      'login',
      'display_name',
      'employee_no',
      'role',
      'status',
      'locale',
      'password_hash',
      'max_concurrent_chats',
      'created_at',
      'updated_at',
    ],
    agents.map((id, i) => [
      id,
      shopId,
      `a${i}`,
      `客服${i}`,
      `E${i}`,
      'agent',
      'active',
      'zh-CN',
      'x',
      8,
      now,
      now,
    ]),
  );
  await sink(
    'group_members',
    ['group_id', 'user_id', 'shop_id', 'created_at'],
    agents.map((id, i) => [i % 2 === 0 ? preSale : afterSale, id, shopId, now]),
  );

  const perChat = 10;
  const chats = Math.ceil(totalMessages / perChat);
  const customerCount = Math.max(1, Math.floor(chats / 5));
  for (let from = 0; from < customerCount; from += 20_000) {
    const rows: Row[] = [];
    for (let i = from; i < Math.min(customerCount, from + 20_000); i++) {
      rows.push([`cu${i}`, shopId, `顾客${i}`, monthStart, monthStart]);
    }
    await sink('customers', ['id', 'shop_id', 'display_name', 'created_at', 'last_seen_at'], rows);
  }

  const rnd = random(42);
  const batch = 5_000;
  let messages = 0;
  const started = Date.now();
  for (let from = 0; from < chats; from += batch) {
    const conversations: Row[] = [];
    const messageRows: Row[] = [];
    const ratings: Row[] = [];
    const commerce: Row[] = [];
    const calls: Row[] = [];
    const workOrders: Row[] = [];
    for (let i = from; i < Math.min(chats, from + batch); i++) {
      const id = `cv${i}`;
      const customer = `cu${i % customerCount}`;
      const agent = agents[i % agentCount] ?? '';
      // a day of the three months, inside service hours (09:00–22:00 local)
      const day = Math.floor(rnd() * 92);
      let t = monthStart + day * 86_400_000 + 9 * 3_600_000 + Math.floor(rnd() * 13 * 3_600_000);
      const first = t;
      const count = Math.min(perChat, totalMessages - i * perChat);
      for (let m = 0; m < count; m++) {
        const byCustomer = m % 2 === 0;
        messageRows.push([
          `m${i}-${m}`,
          shopId,
          id,
          m + 1,
          byCustomer ? 'customer' : 'agent',
          byCustomer ? customer : agent,
          'text',
          'x',
          0,
          t,
        ]);
        t += 5_000 + Math.floor(rnd() * 115_000);
      }
      messages += count;
      conversations.push([
        id,
        shopId,
        customer,
        'closed',
        'shop_home',
        'pre_sale',
        agent,
        0,
        first,
        first,
        count,
        t,
        0,
        0,
        0,
        1,
        first,
        t,
      ]);
      if (rnd() < 0.3) ratings.push([id, shopId, customer, agent, rnd() < 0.8 ? 'good' : 'bad', t + 60_000]);
      if (rnd() < 0.2) {
        commerce.push([
          `ce${i}a`,
          shopId,
          `ce${i}a`,
          'order_placed',
          `O${i}`,
          `O${i}`,
          customer,
          t,
          null,
          'webhook',
          t,
        ]);
        const fen = 1000 + Math.floor(rnd() * 50_000);
        commerce.push([
          `ce${i}b`,
          shopId,
          `ce${i}b`,
          'order_paid',
          `O${i}`,
          `O${i}`,
          customer,
          t + 60_000,
          fen,
          'webhook',
          t,
        ]);
      }
      if (i % 10 === 0) {
        const answered = rnd() < 0.9;
        calls.push([
          `k${i}`,
          shopId,
          'pbx',
          `k${i}`,
          'inbound',
          'ended',
          agent,
          first,
          answered ? first + 8000 : null,
          answered ? 0 : 1,
          1,
          first,
          first,
        ]);
      }
      if (i % 20 === 0) {
        workOrders.push([
          `w${i}`,
          shopId,
          i,
          'common_question',
          'normal',
          'closed',
          '咨询',
          '',
          'chat',
          '',
          '',
          agent,
          0,
          0,
          first + 600_000,
          1,
          first,
          first + 3_600_000,
        ]);
      }
    }
    await sink(
      'conversations',
      [
        'id',
        'shop_id',
        'customer_id',
        'status',
        'source',
        'target_group',
        'agent_id',
        'off_hours',
        'queued_at',
        'assigned_at',
        'last_seq',
        'last_message_at',
        'customer_read_seq',
        'agent_read_seq',
        'transfer_count',
        'version',
        'created_at',
        'updated_at',
      ],
      conversations,
    );
    await sink(
      'messages',
      [
        'id',
        'shop_id',
        'conversation_id',
        'seq',
        'author_kind',
        'author_id',
        'kind',
        'text',
        'internal',
        'created_at',
      ],
      messageRows,
    );
    if (ratings.length > 0) {
      await sink(
        'chat_ratings',
        ['conversation_id', 'shop_id', 'customer_id', 'agent_id', 'score', 'created_at'],
        ratings,
      );
    }
    if (commerce.length > 0) {
      await sink(
        'commerce_events',
        [
          'id',
          'shop_id',
          'external_id',
          'kind',
          'order_no',
          'subject_key',
          'customer_id',
          'occurred_at',
          'amount_fen',
          'source',
          'created_at',
        ],
        commerce,
      );
    }
    if (calls.length > 0) {
      await sink(
        'calls',
        [
          'id',
          'shop_id',
          'source',
          'external_call_id',
          'direction',
          'state',
          'agent_id',
          'started_at',
          'answered_at',
          'missed',
          'version',
          'created_at',
          'updated_at',
        ],
        calls,
      );
    }
    if (workOrders.length > 0) {
      await sink(
        'work_orders',
        [
          'id',
          'shop_id',
          'number',
          'type',
          'priority',
          'status',
          'title',
          'description',
          'source_kind',
          'key_points',
          'customer_requirement',
          'assignee_id',
          'complaint_team',
          'reopen_count',
          'first_reply_at',
          'version',
          'created_at',
          'updated_at',
        ],
        workOrders,
      );
    }
    if ((from / batch) % 20 === 0)
      log(`${messages.toLocaleString('en')} messages (${seconds(Date.now() - started)} s)`);
  }
  return { shopId, messages, chats, generateSeconds: seconds(Date.now() - started) };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

async function runOn(dialect: 'sqlite' | 'postgres') {
  let handle: DatabaseHandle;
  let sink: Sink;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-bench-metrics-'));
    const file = join(dir, 'kefu.sqlite');
    handle = openDatabase({ dialect: 'sqlite', file });
    await migrateToLatest(handle.db);
    const raw = sqliteSink(file);
    sink = raw.sink;
    cleanup = async () => {
      raw.close();
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    };
  } else {
    const scratch = await createScratchDatabase(postgresAdminUrl);
    handle = openDatabase({ dialect: 'postgres', url: scratch.url });
    await migrateToLatest(handle.db);
    const raw = postgresSink(scratch.url, pgTypes);
    sink = raw.sink;
    cleanup = async () => {
      await raw.close();
      await handle.close();
      await scratch.drop();
    };
  }
  try {
    log(`${dialect}: generating ${totalMessages.toLocaleString('en')} messages, ${agentCount} agents`);
    const data = await generate(handle, sink);
    if (dialect === 'postgres') await analyze(handle);
    log(`${dialect}: building the roll-ups of ${measured.from} … ${measured.to}`);
    const build = await timed(() =>
      rebuildRollups(handle.db, data.shopId, measured.from, measured.to, Date.now()),
    );
    log(`${dialect}: recomputing the month from raw events`);
    const raw = await timed(() => metricsTable(handle.db, data.shopId, measured.from, measured.to, 'raw'));
    const runs: number[] = [];
    let fromRollups: Awaited<ReturnType<typeof metricsTable>> = [];
    for (let i = 0; i < repeat; i++) {
      const run = await timed(() =>
        metricsTable(handle.db, data.shopId, measured.from, measured.to, 'rollups'),
      );
      runs.push(run.ms);
      fromRollups = run.result;
    }
    const sorted = [...runs].sort((a, b) => a - b);
    const shopRow = fromRollups.find((row) => row.scope === 'shop');
    return {
      database: dialect,
      messages: data.messages,
      chats: data.chats,
      agents: agentCount,
      generateSeconds: data.generateSeconds,
      buildRollupsSeconds: seconds(build.ms),
      monthTableFromRollupsMs: round(sorted[Math.floor(sorted.length / 2)] ?? 0, 1),
      monthTableFromRollupsRunsMs: runs.map((ms) => round(ms, 1)),
      monthTableFromRawSeconds: seconds(raw.ms),
      rows: fromRollups.length,
      monthConsultations: shopRow?.values.consultingCustomers ?? 0,
      sameResult: JSON.stringify(fromRollups) === JSON.stringify(raw.result),
    };
  } finally {
    await cleanup();
  }
}

async function analyze(handle: DatabaseHandle) {
  const { sql } = await import('kysely');
  await sql`analyze`.execute(handle.db);
}

const databases = options.databases.split(',').map((name) => name.trim());
// Closing a SQLite handle waits for its checkpoint worker, which is unref'd: without another handle the event loop
// would empty and Node would end the process (exit 13) before the close resolves.
const keepAlive = setInterval(() => undefined, 1000);
const results: unknown[] = [];
if (databases.length > 1) {
  // one child process per database: each starts with a clean heap and its own connections
  for (const dialect of databases) {
    const output = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(import.meta.url),
        '--databases',
        dialect,
        '--messages',
        String(totalMessages),
        '--agents',
        String(agentCount),
        '--repeat',
        String(repeat),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 },
    );
    results.push(...(JSON.parse(output.toString('utf8')) as { results: unknown[] }).results);
  }
} else {
  const dialect = databases[0];
  if (dialect !== 'sqlite' && dialect !== 'postgres') throw new Error(`unknown database ${String(dialect)}`);
  results.push(await runOn(dialect));
}
console.log(
  JSON.stringify(
    {
      goal: 'a month of metrics for 200 agents in under 1 s from the roll-ups',
      month: measured,
      results,
    },
    null,
    2,
  ),
);
clearInterval(keepAlive);
