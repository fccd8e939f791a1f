// The hottest write of a SQLite database, a chat message (take the conversation's next sequence number, insert the
// message), runs in a worker thread with its own connection. better-sqlite3 runs every statement on the thread that
// calls it, and a batch of messages spends most of its time in SQLite (the commit writes each changed page to the
// log); in the worker it no longer holds up the event loop that reads, routes and delivers the next messages.
//
// The two connections take turns at writing through a WriteGate (src/db/write-gate.ts), so neither waits for the
// other's lock (a busy wait would block the event loop): the caller holds a shared turn from before it sends a batch
// until the batch is answered. Both connections share the file in WAL mode; a commit here is seen by the next read
// on the main connection.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { WriteGate } from './write-gate.js';

export interface CompiledStatement {
  sql: string;
  parameters: readonly unknown[];
}

/** A statement with one parameter taken from the row `take` returned. */
export type FromTake = CompiledStatement & { fromTake: { parameter: number; column: string } };

/**
 * `take` returns at most one row (an UPDATE … RETURNING); without a row nothing more happens for this step (null).
 * Otherwise `insert` runs, then `read` if given (its first row, or null), each with one parameter from that row.
 */
export interface TakeThenInsert {
  take: CompiledStatement;
  insert: FromTake;
  read?: FromTake | undefined;
}

/** A row, its columns named as this database's queries name them (the `columnName` the writer was started with). */
export type WriterRow = Record<string, unknown>;
export interface Taken {
  taken: WriterRow;
  read: WriterRow | null;
}

export interface SqliteWriter {
  /**
   * Runs the steps in order in one transaction and commits; resolves with each step's row (named as the main
   * connection's queries name theirs) or null. If any statement fails, nothing is written and the promise rejects with an
   * error carrying the driver's `code`; batches sent before that answer arrived are not run either (code
   * KEFU_WRITER_SKIPPED), so none overtakes the failed batch's messages on their way through the main connection.
   */
  takeThenInsert(steps: readonly TakeThenInsert[]): Promise<Array<Taken | null>>;
  /** Whose turn it is to write: hold `gate.shared()` while a batch is on its way. */
  gate: WriteGate;
  close(): Promise<void>;
}

// Plain CommonJS, run with `eval` (no TypeScript loader in the worker), like the checkpoint worker.
// Requests and answers travel as flat arrays of plain values (see encodeSteps and decodeRows below): copying them
// between threads costs a fraction of copying an object per statement and per row, key by key.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
// The background checkpoint worker copies the log back; this connection only appends to it.
db.pragma('wal_autocheckpoint = 0');
// Statements by the number the main thread gave their SQL (sent once, with the first request that uses it); those
// that return rows return them as arrays, in the order of their columns, whose names go back once.
const statements = new Map();
const define = (pairs, columns) => {
  for (const [id, sql] of pairs) {
    const statement = db.prepare(sql);
    const entry = { statement, position: null };
    if (statement.reader) {
      statement.raw(true);
      const names = statement.columns().map((column) => column.name);
      entry.position = new Map(names.map((name, index) => [name, index]));
      columns.push([id, names]);
    }
    statements.set(id, entry);
  }
};
const begin = db.prepare('begin immediate');
const commit = db.prepare('commit');
const rollback = db.prepare('rollback');
// After a failed batch, the batches already sent behind it are answered unrun until the main thread says to resume:
// it hands their messages to its own transactions first, and a later batch must not overtake them.
let paused = false;
parentPort.on('message', (request) => {
  if (request.type === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  if (request.type === 'resume') {
    paused = false;
    return;
  }
  const columns = [];
  try {
    // Defined even when not run: the main thread counts them as sent.
    define(request.define, columns);
    if (paused) {
      parentPort.postMessage({
        id: request.id,
        columns,
        error: { message: 'not run: an earlier batch failed', code: 'KEFU_WRITER_SKIPPED' },
      });
      return;
    }
    // Per step: take id, n, n parameters; insert id, n, n parameters, the parameter from the take, its column;
    // read id (0: none), and if any n, n parameters, the parameter from the take, its column.
    const f = request.steps;
    const out = [];
    const fromTake = (entry, row, column) => row[entry.position.get(column)];
    begin.run();
    try {
      for (let i = 0; i < f.length; ) {
        const take = statements.get(f[i++]);
        const takeParameters = f.slice(i + 1, i + 1 + f[i]);
        i += 1 + f[i];
        const insert = statements.get(f[i++]);
        const insertParameters = f.slice(i + 1, i + 1 + f[i]);
        i += 1 + f[i];
        const insertFrom = f[i++];
        const insertColumn = f[i++];
        const readId = f[i++];
        let read = null;
        if (readId !== 0) {
          read = { entry: statements.get(readId), parameters: f.slice(i + 1, i + 1 + f[i]) };
          i += 1 + f[i];
          read.from = f[i++];
          read.column = f[i++];
        }
        const row = take.statement.all(takeParameters)[0];
        if (!row) {
          out.push(0);
          continue;
        }
        insertParameters[insertFrom] = fromTake(take, row, insertColumn);
        insert.statement.run(insertParameters);
        out.push(1);
        for (const value of row) out.push(value);
        if (read) {
          read.parameters[read.from] = fromTake(take, row, read.column);
          const found = read.entry.statement.all(read.parameters)[0];
          if (found) {
            out.push(1);
            for (const value of found) out.push(value);
          } else out.push(0);
        }
      }
      commit.run();
    } catch (error) {
      if (db.inTransaction) rollback.run();
      throw error;
    }
    parentPort.postMessage({ id: request.id, columns, rows: out });
  } catch (error) {
    paused = true;
    parentPort.postMessage({
      id: request.id,
      columns,
      error: { message: String((error && error.message) || error), code: error && error.code },
    });
  }
});
`;

type Reply = { id: number; columns: Array<[number, string[]]> } & (
  { rows: unknown[] } | { error: { message: string; code?: string } }
);

interface Pending {
  /** Each step's take and read statement numbers (0: no read), to read the answer's rows */
  shapes: Array<{ take: number; read: number }>;
  resolve: (rows: Array<Taken | null>) => void;
  reject: (error: Error) => void;
}

/** The steps as one flat array: statement numbers, parameter counts, parameters (see the worker's loop). */
function encodeSteps(
  steps: readonly TakeThenInsert[],
  numberOf: (sql: string) => number,
): { flat: unknown[]; shapes: Pending['shapes'] } {
  const flat: unknown[] = [];
  const shapes: Pending['shapes'] = [];
  const statement = (number: number, parameters: readonly unknown[]) => {
    flat.push(number, parameters.length);
    for (const value of parameters) flat.push(value);
  };
  for (const step of steps) {
    const take = numberOf(step.take.sql);
    statement(take, step.take.parameters);
    statement(numberOf(step.insert.sql), step.insert.parameters);
    flat.push(step.insert.fromTake.parameter, step.insert.fromTake.column);
    if (step.read) {
      const read = numberOf(step.read.sql);
      statement(read, step.read.parameters);
      flat.push(step.read.fromTake.parameter, step.read.fromTake.column);
      shapes.push({ take, read });
    } else {
      flat.push(0);
      shapes.push({ take, read: 0 });
    }
  }
  return { flat, shapes };
}

/** The answer's flat values back into each step's rows, named by their statements' columns. */
function decodeRows(
  values: readonly unknown[],
  shapes: Pending['shapes'],
  columnsOf: ReadonlyMap<number, readonly string[]>,
): Array<Taken | null> {
  let at = 0;
  const row = (statement: number): WriterRow => {
    const columns = columnsOf.get(statement) ?? [];
    const found: WriterRow = {};
    for (const column of columns) found[column] = values[at++];
    return found;
  };
  return shapes.map(({ take, read }) => {
    if (values[at++] === 0) return null;
    const taken = row(take);
    if (read === 0) return { taken, read: null };
    return { taken, read: values[at++] === 0 ? null : row(read) };
  });
}

/**
 * A writer thread for the SQLite file (not `:memory:`, which another connection cannot open). `columnName` names
 * the columns of the rows it answers with as the main connection's queries do (its CamelCasePlugin).
 */
export function startSqliteWriter(
  file: string,
  gate: WriteGate,
  columnName: (column: string) => string = (column) => column,
): SqliteWriter {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  let worker: Worker | null = null;
  /** SQL text → its number in the current worker */
  const defined = new Map<string, number>();
  /** A statement's number → the names of its rows' columns, as columnName gives them (statements that return rows) */
  const columnsOf = new Map<number, string[]>();
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let closed = false;

  const failAll = (error: Error) => {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  };
  // Started on first use, and again after a crash (what was in flight is rejected: its caller stores it otherwise).
  const running = (): Worker => {
    if (worker) return worker;
    const started = new Worker(workerSource, { eval: true, workerData: { driver, file } });
    defined.clear();
    columnsOf.clear();
    started.unref();
    let failed = false;
    started.on('message', (reply: Reply) => {
      const entry = pending.get(reply.id);
      if (!entry) return;
      pending.delete(reply.id);
      for (const [number, columns] of reply.columns) columnsOf.set(number, columns.map(columnName));
      if (!('rows' in reply)) failed = true;
      if (pending.size === 0) {
        started.unref();
        // Everything sent before the failure has been answered (and is rejected below, before any later batch is
        // planned): the worker may run batches again.
        if (failed) {
          failed = false;
          started.postMessage({ type: 'resume' });
        }
      }
      if ('rows' in reply) entry.resolve(decodeRows(reply.rows, entry.shapes, columnsOf));
      else entry.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
    });
    started.on('error', (error) => {
      if (worker === started) worker = null;
      failAll(new Error(`SQLite writer failed: ${error.message}`));
    });
    started.on('exit', () => {
      if (worker === started) worker = null;
      failAll(new Error('SQLite writer stopped'));
    });
    worker = started;
    return started;
  };

  return {
    gate,
    takeThenInsert(steps) {
      if (closed) return Promise.reject(new Error('SQLite writer closed'));
      if (steps.length === 0) return Promise.resolve([]);
      const target = running();
      const id = nextId++;
      // SQL texts travel once per worker: steps name their statements by number.
      const define: Array<[number, string]> = [];
      const numberOf = (sql: string) => {
        let number = defined.get(sql);
        if (number === undefined) {
          number = defined.size + 1;
          defined.set(sql, number);
          define.push([number, sql]);
        }
        return number;
      };
      const { flat, shapes } = encodeSteps(steps, numberOf);
      return new Promise((resolve, reject) => {
        try {
          target.postMessage({ type: 'run', id, define, steps: flat });
        } catch (error) {
          for (const [, sql] of define) defined.delete(sql);
          throw error;
        }
        // Kept alive while it owes an answer, so no acknowledgement waits on a process that decided to exit.
        if (pending.size === 0) target.ref();
        pending.set(id, { shapes, resolve, reject });
      });
    },
    async close() {
      closed = true;
      const current = worker;
      worker = null;
      if (!current) return;
      const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
      current.postMessage({ type: 'close' });
      await exited;
    },
  };
}
