// Opens the database chosen by the configuration (embedded SQLite or PostgreSQL) behind one Kysely instance.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CamelCasePlugin,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  sql,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { checkpointInBackground } from './sqlite-checkpoint.js';
import { startSqliteWriter, type SqliteWriter } from './sqlite-writer.js';
import { gatedSqliteDialect, WriteGate } from './write-gate.js';

export type DialectName = 'sqlite' | 'postgres';

export type DatabaseTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, without credentials, for logs and test output. */
  description: string;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** SQLite in a file: chat messages are written by a worker thread (src/db/sqlite-writer.ts). */
  writer?: SqliteWriter;
}

const INT8_OID = 20;

/** Kysely's CamelCasePlugin, whose column naming the SQLite writer thread's rows share (`columnName`). */
class CamelCaseColumns extends CamelCasePlugin {
  readonly columnName = (column: string): string => this.camelCase(column);
}

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { dialect: 'postgres', url };
  if (url.startsWith('sqlite:')) return { dialect: 'sqlite', file: url.slice('sqlite:'.length) };
  return { dialect: 'sqlite', file: url };
}

export function openDatabase(
  target: DatabaseTarget,
  onPoolError: (error: Error) => void = (error) =>
    process.emitWarning(`database connection lost: ${error.message}`),
): DatabaseHandle {
  const camelCase = new CamelCaseColumns();
  const plugins = [camelCase];
  if (target.dialect === 'sqlite') {
    if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
    const sqlite = new SqliteDatabase(target.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const checkpoints = target.file === ':memory:' ? null : checkpointInBackground(sqlite, target.file);
    // A file has a writer thread too; the two connections take turns at writing (src/db/write-gate.ts).
    const gate = target.file === ':memory:' ? null : new WriteGate();
    const writer = gate ? startSqliteWriter(target.file, gate, camelCase.columnName) : undefined;
    const dialect = new SqliteDialect({ database: withStatementCache(sqlite) });
    const db = new Kysely<Database>({
      dialect: gate ? gatedSqliteDialect(dialect, gate) : dialect,
      plugins,
    });
    return {
      db,
      dialect: 'sqlite',
      description: `sqlite:${target.file}`,
      ping: async () => {
        await sql`select 1`.execute(db);
      },
      close: async () => {
        await writer?.close();
        await checkpoints?.stop();
        await db.destroy();
      },
      ...(writer ? { writer } : {}),
    };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    // Epoch-millisecond instants and cents are bigint columns; they fit a JS number exactly.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection that PostgreSQL ends (a restart, a dropped database) is reported on the pool; without a
  // listener Node would treat it as an uncaught exception and end the process. The pool replaces the client.
  pool.on('error', (error) => onPoolError(error));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
  const safeUrl = new URL(target.url);
  safeUrl.password = safeUrl.password ? '***' : '';
  return {
    db,
    dialect: 'postgres',
    description: safeUrl.toString(),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

/** True when the error is a unique-constraint violation on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Names the violated unique constraint or column, when the driver says it. */
export function uniqueViolationTarget(error: unknown): string {
  const e = error as { constraint?: string; message?: string };
  return e.constraint ?? e.message ?? '';
}

/** How many distinct SQL texts keep their prepared statement (lists of ids make texts vary; the cache restarts). */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely prepares every query afresh; preparing costs about as much as running a small query. Statements are
 * reusable in better-sqlite3 (each call runs to completion synchronously), so each SQL text is prepared once.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDialectConfig['database'] {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (requested: string) => {
      // Transactions take the write lock when they begin, where SQLite's busy timeout applies: a deferred one that
      // has read and then writes gets SQLITE_BUSY at once, without waiting, if the checkpoint worker holds the lock.
      const text = requested === 'begin' ? 'begin immediate' : requested;
      let statement = statements.get(text);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = sqlite.prepare(text);
        statements.set(text, statement);
      }
      return statement;
    },
  };
}
