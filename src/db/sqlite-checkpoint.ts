// Moves SQLite's WAL checkpoints off the event loop: a worker thread with its own connection copies the log back
// into the database file, so no chat message waits for a checkpoint's copying and fsync.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';

/** SQLite's own default: a checkpoint once the log holds this many pages. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

// Plain CommonJS, run with `eval`. A PASSIVE checkpoint copies the log into the database file without blocking the
// writer; the log only starts over from its beginning after a RESTART, which needs a moment without a writer, so
// it is tried right after (with no busy wait: if the server is writing, the next round tries again).
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 0');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    db.pragma('wal_checkpoint(RESTART)');
  } catch (error) {
    if (error && error.code === 'SQLITE_BUSY') return;
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface BackgroundCheckpoints {
  /** Stops the worker; the connection's own checkpoints resume. */
  stop(): Promise<void>;
}

/**
 * Turns off `connection`'s automatic checkpoints and runs them in a worker every `intervalMs`. If the worker fails,
 * the connection checkpoints by itself again, so the log never grows without bound.
 */
export function checkpointInBackground(
  connection: SqliteDatabase.Database,
  file: string,
  { intervalMs = 200 } = {},
): BackgroundCheckpoints {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  connection.pragma('wal_autocheckpoint = 0');
  // After the log starts over, the next commit cuts the file back to this size.
  connection.pragma(`journal_size_limit = ${4 * 1024 * 1024}`);
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { driver, file, intervalMs },
  });
  worker.unref();
  let stopping = false;
  const fallBack = () => {
    if (connection.open) connection.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
  };
  worker.on('message', (message: { error?: string }) => {
    if (message.error) process.emitWarning(`background checkpoint failed: ${message.error}`);
  });
  worker.on('error', (error) => {
    process.emitWarning(`background checkpoints stopped: ${error.message}`);
    fallBack();
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  void exited.then(() => {
    if (!stopping) fallBack();
  });
  return {
    async stop() {
      if (stopping) return exited;
      stopping = true;
      worker.postMessage('stop');
      await exited;
      fallBack();
    },
  };
}
