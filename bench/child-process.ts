// Server processes the benchmark starts and always stops: a free port, readiness, peak memory and CPU time from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Linux reports CPU time in clock ticks; 100 a second on every mainstream kernel build. */
const CLOCK_TICKS_PER_SECOND = 100;
const OUTPUT_KEPT = 64 * 1024;

export interface ChildServer {
  name: string;
  pid: number;
  url: string;
  /** The last 64 KiB of its stdout and stderr, for error messages. */
  output(): string;
  /** Peak resident memory of the process so far (VmHWM), in MiB. */
  peakRssMb(): number | null;
  /** User + system CPU seconds used so far. */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

const running = new Set<ChildServer>();

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

export function peakRssMbOf(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

export function cpuSecondsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)": state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Busy and total jiffies of the whole machine, to tell how loaded it was while measuring. */
export function machineCpuTicks(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** Pids whose command line contains every one of `parts` (e.g. the PostgreSQL backends serving one database). */
export function pidsMatching(...parts: string[]): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (parts.every((part) => command.includes(part))) pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

async function waitUntilReady(
  child: ChildProcess,
  url: string,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  const state: { exited: string | null } = { exited: null };
  child.once('exit', (code, signal) => (state.exited = `exited with ${code ?? signal}`));
  while (Date.now() < until) {
    if (state.exited) throw new Error(`${url} ${state.exited} before it was ready:\n${output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s:\n${output()}`);
}

/**
 * Starts `node <args>` in `cwd` with PORT set to a free port and waits until `readyPath` answers 200.
 * The process is registered so that `stopAllChildren` ends it whatever happens to the benchmark.
 */
export async function startChild(options: {
  name: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  readyPath: string;
  readyTimeoutMs?: number;
}): Promise<ChildServer> {
  const port = await freePort();
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
  };
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.name} did not start`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  const server: ChildServer = {
    name: options.name,
    pid,
    url,
    output: () => output,
    peakRssMb: () => peakRssMbOf(pid),
    cpuSeconds: () => cpuSecondsOf(pid),
    stop: async () => {
      running.delete(server);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      // The server closes its sockets and database and exits by itself (and writes a --cpu-prof profile).
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
  running.add(server);
  try {
    await waitUntilReady(child, `${url}${options.readyPath}`, () => output, options.readyTimeoutMs ?? 90_000);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** The end of every running server's output, to explain a failure. */
export function outputOfChildren(chars = 4000): string {
  return [...running]
    .map((server) => `── ${server.name} (pid ${server.pid}) ──\n${server.output().slice(-chars)}`)
    .join('\n');
}

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
}
