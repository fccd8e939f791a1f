// Summarises a V8 .cpuprofile (from `npm run bench:chat -- --cpu-prof`): where the server's CPU time went, by
// package or source folder, by function (self time) and by function including what it calls.
// Usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [--top N] [--from S] [--to S]
// --from and --to keep only the samples taken that many seconds after the profile started (one phase of a run).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** node_modules/<package> or the source folder (src/modules/conversations), node: internals, or the V8 marker. */
function areaOf(url: string, functionName: string): string {
  if (!url) return `(${functionName || 'anonymous'})`;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  if (url.startsWith('node:')) return 'node: internals';
  const source = /\/(src\/(?:modules|server|db|shared)\/[^/]+|src\/[^/]+)/.exec(url);
  return source ? source[1]!.replace(/\/[^/]+\.ts$/, '') : url;
}

function labelOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*\/(node_modules\/|src\/)/, '$1');
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
}

function table(rows: Array<[string, number]>, total: number, top: number): string {
  return rows
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([name, ms]) =>
        `${((100 * ms) / total).toFixed(1).padStart(6)} %  ${ms.toFixed(0).padStart(7)} ms  ${name}`,
    )
    .join('\n');
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '25' },
    from: { type: 'string', default: '0' },
    to: { type: 'string', default: 'Infinity' },
  },
});
const file = positionals[0];
if (!file) {
  console.error('Usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [--top N] [--from S] [--to S]');
  process.exit(1);
}
const top = Number(values.top);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

const fromUs = Number(values.from) * 1e6;
const toUs = Number(values.to) * 1e6;
const self = new Map<number, number>();
let elapsedUs = 0;
profile.samples.forEach((id, index) => {
  const deltaUs = profile.timeDeltas[index] ?? 0;
  elapsedUs += deltaUs;
  if (elapsedUs < fromUs || elapsedUs > toUs) return;
  self.set(id, (self.get(id) ?? 0) + deltaUs / 1000);
});
const idle = new Set(['(idle)', '(program)', '(garbage collector)']);
let total = 0;
let busy = 0;
const byArea = new Map<string, number>();
const byFunction = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, ms] of self) {
  const node = byId.get(id)!;
  total += ms;
  if (node.callFrame.functionName !== '(idle)') busy += ms;
  const area = areaOf(node.callFrame.url, node.callFrame.functionName);
  byArea.set(area, (byArea.get(area) ?? 0) + ms);
  const label = labelOf(node);
  byFunction.set(label, (byFunction.get(label) ?? 0) + ms);
  if (idle.has(node.callFrame.functionName)) continue;
  // Each function once per stack, however deep the recursion.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const frame = labelOf(byId.get(at)!);
    if (seen.has(frame)) continue;
    seen.add(frame);
    inclusive.set(frame, (inclusive.get(frame) ?? 0) + ms);
  }
}

console.log(`profile ${file}`);
console.log(`${(total / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s not idle\n`);
console.log('── self time by package or source folder ──');
console.log(table([...byArea], total, top));
console.log('\n── self time by function ──');
console.log(table([...byFunction], total, top));
console.log('\n── time including callees (src/ only) ──');
console.log(
  table(
    [...inclusive].filter(([name]) => name.includes(' src/')),
    total,
    top,
  ),
);
