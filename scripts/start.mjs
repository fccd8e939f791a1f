// `npm start`: builds the server and web app when their sources changed since the last build, then serves.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const stamp = 'dist/.build-stamp';
const sources = [
  'src',
  'web/src',
  'web/index.html',
  'web/vite.config.ts',
  'widget/src',
  'widget/vite.config.ts',
  'demo-shop',
  'package-lock.json',
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestMtime(join(path, entry))),
    stat.mtimeMs,
  );
}

const outputs = ['web/dist/index.html', 'widget/dist/widget.js'];
const built =
  existsSync(stamp) && outputs.every((output) => existsSync(output)) ? statSync(stamp).mtimeMs : 0;
if (sources.some((source) => newestMtime(source) > built)) {
  console.log('Building Kefu (server, web app and chat widget)…');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, new Date().toISOString());
}

await import('../dist/server/start.js');
