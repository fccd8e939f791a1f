// `npm run bench:chat`: starts Kefu as separate server processes (SQLite, or PostgreSQL + Redis with two nodes),
// drives N customers and M agents through the real widget and agent protocol, then drives a bare Socket.IO relay
// with the same load on the same machine as the reference, and prints one JSON report on stdout.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import {
  cpuSecondsOf,
  machineCpuTicks,
  outputOfChildren,
  pidsMatching,
  startChild,
  stopAllChildren,
  type ChildServer,
} from './child-process.js';
import {
  demoAdminLogin,
  demoPassword,
  mapLimited,
  openWidgetSession,
  prepareShop,
  StaffApi,
} from './kefu-shop.js';
import { runLoad, type LoadPlan, type LoadResult } from './load.js';
import { countPostgresMessages, createScratchDatabase, type ScratchDatabase } from './postgres.js';
import { median, round } from './stats.js';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(benchDir, '..');

/** Issue 3: persisted messages a second on SQLite, p99 customer-to-agent latency, share of the bare relay. */
const goal = { messagesPerSecond: 5000, p99Ms: 100, ratioToBareRelay: 0.5 };

const usage = `Usage: npm run bench:chat -- [options]
  --setup sqlite|pg     SQLite in a fresh temp folder (default), or PostgreSQL + Redis with --nodes processes
  --customers N         customers, each with one conversation (default 200)
  --agents M            agents sharing them; caps are set so every conversation fits (default 20)
  --duration S          measured seconds (default 20)
  --warmup S            seconds of load before measuring (default 5)
  --window W            unacknowledged messages each customer may have in flight (default 1)
  --reply-ratio R       fraction of customer messages agents answer (default 0.1)
  --rate R              customer messages a second in all (open loop); 0 = as fast as acks allow (default 0)
  --nodes K             Kefu server processes (default 1 for sqlite, 2 for pg)
  --rounds R            rounds, each a Kefu run and a bare relay run, in turn first (default 3); the report gives
                        each round and the median, so a machine that speeds up or slows down meanwhile moves both
  --no-bare             skip the bare Socket.IO relay reference
  --cpu-prof            write V8 CPU profiles of the Kefu servers (folder printed on stderr; see bench/profile-summary.ts)
  --server-dir DIR      Kefu checkout to run (default: this repository)
  --pg-url URL          existing database to create the scratch database from (default postgres://postgres@127.0.0.1:5432/test)
  --redis-url URL       Redis for --setup pg (default redis://127.0.0.1:6379)
  --label TEXT          free text copied into the report
Environment: KEFU_BENCH_PG_URL, KEFU_BENCH_REDIS_URL stand in for the two URL flags.`;

interface Options {
  setup: 'sqlite' | 'pg';
  customers: number;
  agents: number;
  durationS: number;
  warmupS: number;
  window: number;
  replyRatio: number;
  rate: number;
  nodes: number;
  rounds: number;
  bare: boolean;
  cpuProf: boolean;
  serverDir: string;
  pgUrl: string;
  redisUrl: string;
  label: string | null;
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      setup: { type: 'string', default: 'sqlite' },
      customers: { type: 'string', default: '200' },
      agents: { type: 'string', default: '20' },
      duration: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '5' },
      window: { type: 'string', default: '1' },
      'reply-ratio': { type: 'string', default: '0.1' },
      rate: { type: 'string', default: '0' },
      nodes: { type: 'string' },
      rounds: { type: 'string', default: '3' },
      'no-bare': { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      'server-dir': { type: 'string', default: repoRoot },
      'pg-url': {
        type: 'string',
        default: process.env.KEFU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      },
      'redis-url': { type: 'string', default: process.env.KEFU_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' },
      label: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.error(usage);
    process.exit(0);
  }
  const number = (name: string, value: string, min: number, integer = true) => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < min || (integer && !Number.isInteger(parsed))) {
      throw new UsageError(
        `--${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${min}, got '${value}'`,
      );
    }
    return parsed;
  };
  if (values.setup !== 'sqlite' && values.setup !== 'pg') {
    throw new UsageError(`--setup must be sqlite or pg, got '${values.setup}'`);
  }
  const setup = values.setup;
  const nodes = number('nodes', values.nodes ?? (setup === 'pg' ? '2' : '1'), 1);
  if (setup === 'sqlite' && nodes > 1)
    throw new UsageError('--nodes above 1 needs --setup pg (shared database)');
  const replyRatio = number('reply-ratio', values['reply-ratio'], 0, false);
  if (replyRatio > 1) throw new UsageError('--reply-ratio is a fraction between 0 and 1');
  return {
    setup,
    customers: number('customers', values.customers, 1),
    agents: number('agents', values.agents, 1),
    durationS: number('duration', values.duration, 1, false),
    warmupS: number('warmup', values.warmup, 0, false),
    window: number('window', values.window, 1),
    replyRatio,
    rate: number('rate', values.rate, 0, false),
    nodes,
    rounds: number('rounds', values.rounds, 1),
    bare: !values['no-bare'],
    cpuProf: values['cpu-prof'],
    serverDir: resolve(values['server-dir']),
    pgUrl: values['pg-url'],
    redisUrl: values['redis-url'],
    label: values.label ?? null,
  };
}

class UsageError extends Error {}

const started = Date.now();
function log(line: string) {
  console.error(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
}

/**
 * CPU used between the start and the end of the measured phase, in % of one core: each server, this load process,
 * named helper processes (PostgreSQL backends of the scratch database, Redis), the whole machine, and the rest of
 * the machine (whatever else was running: other people's work on a shared machine).
 */
function cpuMeter(servers: () => number[], helpers: () => Record<string, number[]> = () => ({})) {
  interface Sample {
    at: number;
    servers: Array<number | null>;
    helpers: Record<string, Map<number, number>>;
    load: NodeJS.CpuUsage;
    machine: ReturnType<typeof machineCpuTicks>;
  }
  let start: Sample | null = null;
  let result: {
    servers: Array<number | null>;
    load: number;
    helpers: Record<string, number>;
    machine: number | null;
    restOfMachine: number | null;
  } | null = null;
  const sample = (): Sample => ({
    at: Date.now(),
    servers: servers().map(cpuSecondsOf),
    helpers: Object.fromEntries(
      Object.entries(helpers()).map(([name, pids]) => [
        name,
        new Map(pids.flatMap((pid) => (cpuSecondsOf(pid) === null ? [] : [[pid, cpuSecondsOf(pid)!]]))),
      ]),
    ),
    load: process.cpuUsage(),
    machine: machineCpuTicks(),
  });
  return {
    start: () => {
      start = sample();
    },
    stop: () => {
      if (!start) return;
      const end = sample();
      const before = start;
      const seconds = (end.at - before.at) / 1000;
      const percent = (cpuSeconds: number) => (100 * cpuSeconds) / seconds;
      const serverPercents = end.servers.map((now, index) => {
        const then = before.servers[index];
        return now === null || then === null || then === undefined ? null : percent(now - then);
      });
      // A helper process that started during the window counts from zero.
      const helperPercents = Object.fromEntries(
        Object.entries(end.helpers).map(([name, pids]) => [
          name,
          percent(
            [...pids].reduce((sum, [pid, now]) => sum + now - (before.helpers[name]?.get(pid) ?? 0), 0),
          ),
        ]),
      );
      const load = percent((end.load.user - before.load.user + end.load.system - before.load.system) / 1e6);
      const machine =
        end.machine && before.machine
          ? (100 * cpus().length * (end.machine.busy - before.machine.busy)) /
            (end.machine.total - before.machine.total)
          : null;
      const ours = [...serverPercents, ...Object.values(helperPercents)].reduce<number>(
        (sum, value) => sum + (value ?? 0),
        load,
      );
      result = {
        servers: serverPercents.map((value) => (value === null ? null : round(value))),
        load: round(load),
        helpers: Object.fromEntries(
          Object.entries(helperPercents).map(([name, value]) => [name, round(value)]),
        ),
        machine: machine === null ? null : round(machine),
        restOfMachine: machine === null ? null : round(Math.max(0, machine - ours)),
      };
    },
    result: () => result,
  };
}

/**
 * Server CPU milliseconds per stored message (servers, plus PostgreSQL and Redis when used): less sensitive to other
 * work on a shared machine than messages a second, and 1000 / it estimates the rate one free core would sustain.
 */
function cpuMsPerMessage(cpu: ReturnType<ReturnType<typeof cpuMeter>['result']>, messagesPerSecond: number) {
  if (!cpu || messagesPerSecond === 0) return null;
  const percent = [...cpu.servers, ...Object.values(cpu.helpers)].reduce<number>(
    (sum, value) => sum + (value ?? 0),
    0,
  );
  return round((10 * percent) / messagesPerSecond, 3);
}

function gitRevision(dir: string): string | null {
  try {
    const commit = execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const dirty = execFileSync('git', ['-C', dir, 'status', '--porcelain', '--', 'src'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return dirty ? `${commit}+uncommitted src changes` : commit;
  } catch {
    return null;
  }
}

interface KefuRun {
  load: LoadResult;
  capPerAgent: number;
  peakRssMb: Array<number | null>;
  cpuPercent: ReturnType<ReturnType<typeof cpuMeter>['result']>;
  persisted: { acknowledged: number; rows: number; ok: boolean };
}

async function runKefu(options: Options, cleanups: Array<() => Promise<void> | void>): Promise<KefuRun> {
  const tag = randomBytes(3).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-bench-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    DEMO_SEED: 'true',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    WIDGET_SESSION_RATE_LIMIT: '100000',
    LOGIN_RATE_LIMIT: '10000',
  };
  const database: ScratchDatabase | null =
    options.setup === 'pg' ? await createScratchDatabase(options.pgUrl) : null;
  if (database) {
    cleanups.push(() => database.drop());
    log(`created PostgreSQL database ${database.name}`);
    env.DATABASE_URL = database.url;
    env.REDIS_URL = options.redisUrl;
  }
  const profileDir = options.cpuProf ? mkdtempSync(join(tmpdir(), 'kefu-bench-profile-')) : null;
  const nodeArgs = [
    ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    '--import',
    'tsx',
    'src/server/start.ts',
  ];
  if (!existsSync(join(options.serverDir, 'src/server/start.ts'))) {
    throw new UsageError(`${options.serverDir} is not a Kefu checkout (no src/server/start.ts)`);
  }

  // One after the other: the first migrates and seeds the demo shop, the others find it.
  const servers: ChildServer[] = [];
  for (let index = 0; index < options.nodes; index += 1) {
    log(`starting Kefu server ${index + 1}/${options.nodes} (${options.setup})`);
    servers.push(
      await startChild({
        name: `kefu-${index + 1}`,
        args: nodeArgs,
        cwd: options.serverDir,
        env,
        readyPath: '/readyz',
      }),
    );
  }
  const nodeOf = <T>(items: readonly T[], index: number) => items[index % items.length]!;

  log('preparing the shop: service hours around the clock, agents');
  const admin = await StaffApi.signIn(servers[0]!.url, demoAdminLogin, demoPassword);
  const prepared = await prepareShop(admin, { customers: options.customers, agents: options.agents, tag });
  const staff = await mapLimited(prepared.agents, 4, (agent, index) =>
    StaffApi.signIn(nodeOf(servers, index).url, agent.login, agent.password),
  );
  log(`opening ${options.customers} widget sessions`);
  const sessions = await mapLimited(Array.from({ length: options.customers }), 16, (_, index) =>
    openWidgetSession(nodeOf(servers, index).url, prepared.widgetKey),
  );

  const meter = cpuMeter(
    () => servers.map((server) => server.pid),
    (): Record<string, number[]> =>
      database
        ? { postgres: pidsMatching('postgres: ', ` ${database.name} `), redis: pidsMatching('redis-server') }
        : {},
  );
  const plan: LoadPlan = {
    customers: sessions.map((session, index) => ({
      url: `${nodeOf(servers, index).url}/widget`,
      options: { auth: { visitorToken: session.visitorToken } },
    })),
    agents: prepared.agents.map((agent, index) => ({
      id: agent.id,
      endpoint: {
        url: `${nodeOf(servers, index).url}/agent`,
        options: { extraHeaders: { cookie: staff[index]!.cookie } },
      },
    })),
    ...loadShape(options),
    onMeasureStart: meter.start,
    onMeasureEnd: meter.stop,
  };
  const load = await runLoad(plan);
  const peakRssMb = servers.map((server) => server.peakRssMb());

  const acknowledged = load.acknowledged.customer + load.acknowledged.agent;
  let rows: number;
  if (database) {
    rows = await countPostgresMessages(database.url);
  } else {
    const sqlite = new SqliteDatabase(join(dataDir, 'kefu.sqlite'), { readonly: true });
    try {
      const row = sqlite
        .prepare(`select count(*) as count from messages where author_kind in ('customer', 'agent')`)
        .get() as { count: number };
      rows = row.count;
    } finally {
      sqlite.close();
    }
  }
  log(`${acknowledged} messages acknowledged, ${rows} customer and agent messages stored`);

  for (const server of servers) await server.stop();
  if (profileDir) log(`CPU profiles of the Kefu servers: ${profileDir}`);
  return {
    load,
    capPerAgent: prepared.capPerAgent,
    peakRssMb,
    cpuPercent: meter.result(),
    persisted: { acknowledged, rows, ok: rows >= acknowledged },
  };
}

function loadShape(options: Options) {
  return {
    warmupS: options.warmupS,
    durationS: options.durationS,
    window: options.window,
    replyRatio: options.replyRatio,
    rate: options.rate,
    openTimeoutS: 60,
    log,
  };
}

type BareRun = Awaited<ReturnType<typeof runBareRelay>>;

async function runBareRelay(options: Options) {
  log('starting the bare Socket.IO relay');
  const relay = await startChild({
    name: 'bare-relay',
    args: ['--import', 'tsx', join(benchDir, 'bare-relay.ts')],
    cwd: repoRoot,
    env: {},
    readyPath: '/healthz',
  });
  const meter = cpuMeter(() => [relay.pid]);
  const agentIds = Array.from({ length: options.agents }, (_, index) => `a${index}`);
  const load = await runLoad({
    customers: Array.from({ length: options.customers }, (_, index) => ({
      url: `${relay.url}/widget`,
      options: { auth: { customerId: `c${index}`, agentId: agentIds[index % agentIds.length] } },
    })),
    agents: agentIds.map((id) => ({
      id,
      endpoint: { url: `${relay.url}/agent`, options: { auth: { agentId: id } } },
    })),
    ...loadShape(options),
    onMeasureStart: meter.start,
    onMeasureEnd: meter.stop,
  });
  const peakRssMb = relay.peakRssMb();
  await relay.stop();
  return { load, peakRssMb, cpuPercent: meter.result() };
}

async function main() {
  const options = readOptions(process.argv.slice(2));
  const cleanups: Array<() => Promise<void> | void> = [];
  const cleanUp = async () => {
    await stopAllChildren();
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        log(`clean-up failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping servers and removing temporary data`);
      void cleanUp().finally(() => process.exit(130));
    });
  }

  try {
    log(
      `setup ${options.setup}, ${options.nodes} node(s), ${options.customers} customers, ${options.agents} agents, ` +
        `${options.durationS} s measured`,
    );
    const rounds: Array<{ kefu: KefuRun; bare: BareRun | null }> = [];
    for (let index = 0; index < options.rounds; index += 1) {
      if (options.rounds > 1) log(`round ${index + 1}/${options.rounds}`);
      // every other round the relay goes first: a drift of the machine's speed weighs on both sides alike
      const bareFirst = options.bare && index % 2 === 1 ? await runBareRelay(options) : null;
      const kefu = await runKefu(options, cleanups);
      const bare = options.bare ? (bareFirst ?? (await runBareRelay(options))) : null;
      rounds.push({ kefu, bare });
    }
    const ratioOf = (entry: (typeof rounds)[number]) =>
      entry.bare
        ? entry.kefu.load.measured.messagesPerSecond / entry.bare.load.measured.messagesPerSecond
        : null;
    // The round with the median Kefu throughput gives the detailed figures; the ratio is the median of the rounds'.
    const byThroughput = [...rounds].sort(
      (a, b) => a.kefu.load.measured.messagesPerSecond - b.kefu.load.measured.messagesPerSecond,
    );
    const { kefu, bare } = byThroughput[Math.floor((byThroughput.length - 1) / 2)]!;
    const measured = kefu.load.measured;
    const ratios = rounds.map(ratioOf).filter((value): value is number => value !== null);
    const ratio = ratios.length > 0 ? round(median(ratios), 3) : null;
    const p99Below = (run: KefuRun) =>
      run.load.measured.customerToAgentLatencyMs.p99 !== null &&
      run.load.measured.customerToAgentLatencyMs.p99 < goal.p99Ms;
    const report = {
      setup: options.setup === 'pg' ? 'postgres+redis' : 'sqlite',
      nodes: options.nodes,
      label: options.label,
      date: new Date().toISOString(),
      revision: gitRevision(options.serverDir),
      customers: options.customers,
      agents: options.agents,
      capPerAgent: kefu.capPerAgent,
      durationS: options.durationS,
      warmupS: options.warmupS,
      window: options.window,
      replyRatio: options.replyRatio,
      rate: options.rate,
      rounds: rounds.map((entry) => ({
        messagesPerSecond: entry.kefu.load.measured.messagesPerSecond,
        p99Ms: entry.kefu.load.measured.customerToAgentLatencyMs.p99,
        serverCpuMsPerMessage: cpuMsPerMessage(
          entry.kefu.cpuPercent,
          entry.kefu.load.measured.messagesPerSecond,
        ),
        bareRelayMessagesPerSecond: entry.bare?.load.measured.messagesPerSecond ?? null,
        ratioToBareRelay: ratioOf(entry) === null ? null : round(ratioOf(entry)!, 3),
        persisted: entry.kefu.persisted.ok,
      })),
      messagesPerSecond: measured.messagesPerSecond,
      customerMessagesPerSecond: measured.customerMessagesPerSecond,
      agentMessagesPerSecond: measured.agentMessagesPerSecond,
      latencyMs: measured.customerToAgentLatencyMs,
      agentToCustomerLatencyMs: measured.agentToCustomerLatencyMs,
      ackLatencyMs: measured.ackLatencyMs,
      routingDecisionsPerSecond: kefu.load.open.decisionsPerSecond,
      routing: kefu.load.open,
      peakRssMb: { servers: kefu.peakRssMb, load: Math.round(process.resourceUsage().maxRSS / 1024) },
      cpuPercent: kefu.cpuPercent,
      serverCpuMsPerMessage: cpuMsPerMessage(kefu.cpuPercent, measured.messagesPerSecond),
      persisted: {
        ...kefu.persisted,
        ok: rounds.every((entry) => entry.kefu.persisted.ok),
      },
      undelivered: measured.undelivered,
      errors: measured.errors,
      skippedSends: measured.skippedSends,
      perSecond: measured.perSecond,
      loadEventLoopDelayMs: kefu.load.loadEventLoopDelayMs,
      bareRelay: bare
        ? {
            messagesPerSecond: bare.load.measured.messagesPerSecond,
            latencyMs: bare.load.measured.customerToAgentLatencyMs,
            ackLatencyMs: bare.load.measured.ackLatencyMs,
            peakRssMb: bare.peakRssMb,
            cpuPercent: bare.cpuPercent,
            serverCpuMsPerMessage: cpuMsPerMessage(bare.cpuPercent, bare.load.measured.messagesPerSecond),
            errors: bare.load.measured.errors,
            loadEventLoopDelayMs: bare.load.loadEventLoopDelayMs,
          }
        : null,
      ratioToBareRelay: ratio,
      goal: {
        ...goal,
        // the median round's throughput and p99 (the figures above) and the median of the rounds' ratios
        met: {
          messagesPerSecond: measured.messagesPerSecond >= goal.messagesPerSecond,
          p99: p99Below(kefu),
          ratioToBareRelay: ratio === null ? null : ratio >= goal.ratioToBareRelay,
        },
        metInEveryRound: {
          messagesPerSecond: rounds.every(
            (entry) => entry.kefu.load.measured.messagesPerSecond >= goal.messagesPerSecond,
          ),
          p99: rounds.every((entry) => p99Below(entry.kefu)),
          ratioToBareRelay:
            ratios.length === 0 ? null : ratios.every((value) => value >= goal.ratioToBareRelay),
        },
      },
      node: process.version,
      cpus: cpus().length,
    };
    console.log(JSON.stringify(report, null, 2));
  } catch (error) {
    const output = outputOfChildren();
    if (output) log(`server output:\n${output}`);
    throw error;
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${usage}`);
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  }
  process.exitCode = 1;
});
