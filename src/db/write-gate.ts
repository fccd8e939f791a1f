// Who may write to a SQLite file that two connections of this process write to: the SQLite writer thread
// (src/db/sqlite-writer.ts) and the main connection. SQLite takes one writer at a time, and a connection that finds
// the lock taken waits by sleeping its thread; on the main connection that would stop the event loop. So the two
// take turns here, without blocking: the writer thread's batches share the gate (several may be on their way, it
// runs them one after another), the main connection's writes hold it alone. Its reads need no turn (WAL).
import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';

type Release = () => void;

interface Waiter {
  kind: 'shared' | 'alone';
  grant: (release: Release) => void;
}

/** First come, first served: a shared turn waits behind an earlier lone one, so the main connection never starves. */
export class WriteGate {
  private sharing = 0;
  private alone = false;
  private readonly waiting: Waiter[] = [];

  shared(): Promise<Release> {
    return this.enter('shared');
  }

  exclusive(): Promise<Release> {
    return this.enter('alone');
  }

  get state(): { sharing: number; alone: boolean; waiting: number } {
    return { sharing: this.sharing, alone: this.alone, waiting: this.waiting.length };
  }

  private enter(kind: Waiter['kind']): Promise<Release> {
    return new Promise((grant) => {
      this.waiting.push({ kind, grant });
      this.admit();
    });
  }

  private admit(): void {
    while (this.waiting.length > 0 && !this.alone) {
      const next = this.waiting[0]!;
      if (next.kind === 'alone' && this.sharing > 0) return;
      this.waiting.shift();
      let released = false;
      if (next.kind === 'alone') this.alone = true;
      else this.sharing += 1;
      next.grant(() => {
        if (released) return;
        released = true;
        if (next.kind === 'alone') this.alone = false;
        else this.sharing -= 1;
        this.admit();
      });
    }
  }
}

/**
 * Kysely's SQLite dialect whose writes take the gate alone first: a transaction from its `begin` to its end, a write
 * outside a transaction for that one statement. Only plain selects go without it.
 */
export function gatedSqliteDialect(dialect: Dialect, gate: WriteGate): Dialect {
  return {
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: (): Driver => {
      const driver = dialect.createDriver();
      let inTransaction: Release | null = null;
      const gated = new WeakMap<DatabaseConnection, DatabaseConnection>();
      const wrap = (connection: DatabaseConnection): DatabaseConnection => {
        let wrapped = gated.get(connection);
        if (!wrapped) {
          wrapped = {
            executeQuery: async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
              if (inTransaction || query.query.kind === 'SelectQueryNode') {
                return connection.executeQuery<R>(query);
              }
              const release = await gate.exclusive();
              try {
                return await connection.executeQuery<R>(query);
              } finally {
                release();
              }
            },
            streamQuery: <R>(query: CompiledQuery, chunkSize?: number) =>
              connection.streamQuery<R>(query, chunkSize),
          };
          gated.set(connection, wrapped);
        }
        return wrapped;
      };
      /** A transaction's end gives its turn up, whether it worked or not. */
      const ending = (end: Promise<void>) =>
        end.finally(() => {
          inTransaction?.();
          inTransaction = null;
        });
      const original = new WeakMap<DatabaseConnection, DatabaseConnection>();
      const unwrap = (connection: DatabaseConnection) => original.get(connection) ?? connection;
      return {
        init: () => driver.init(),
        acquireConnection: async () => {
          const connection = await driver.acquireConnection();
          const wrapped = wrap(connection);
          original.set(wrapped, connection);
          return wrapped;
        },
        beginTransaction: async (connection: DatabaseConnection, settings: TransactionSettings) => {
          const release = await gate.exclusive();
          try {
            await driver.beginTransaction(unwrap(connection), settings);
          } catch (error) {
            release();
            throw error;
          }
          inTransaction = release;
        },
        commitTransaction: (connection: DatabaseConnection) =>
          ending(driver.commitTransaction(unwrap(connection))),
        rollbackTransaction: (connection: DatabaseConnection) =>
          ending(driver.rollbackTransaction(unwrap(connection))),
        releaseConnection: (connection: DatabaseConnection) => driver.releaseConnection(unwrap(connection)),
        destroy: () => driver.destroy(),
        // savepoints are inside a transaction, which holds its turn already
        ...Object.fromEntries(
          (['savepoint', 'rollbackToSavepoint', 'releaseSavepoint'] as const).flatMap((name) => {
            const command = driver[name]?.bind(driver);
            return command
              ? [
                  [
                    name,
                    (
                      connection: DatabaseConnection,
                      savepoint: string,
                      compile: QueryCompiler['compileQuery'],
                    ) => command(unwrap(connection), savepoint, compile),
                  ],
                ]
              : [];
          }),
        ),
      };
    },
  };
}
