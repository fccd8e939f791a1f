// Queries built and compiled once per dialect and then run with fresh parameters, for the few statements every chat
// message runs: Kysely's builders, plugins and compiler cost more CPU than SQLite spends executing such a statement.
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

const slotPrefix = '\u0000kefu-slot:';

/** A placeholder for the i-th parameter while the query is built; its type is whatever the builder expects. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a placeholder stands in for any column's type
export type Slot = (index: number) => any;

const slot: Slot = (index) => `${slotPrefix}${index}`;

interface Template {
  compiled: CompiledQuery;
  /** Per compiled parameter: the index of the caller's parameter, or the constant the builder put there. */
  sources: Array<{ slot: number } | { constant: unknown }>;
}

/**
 * A query whose shape never changes. `build` receives a slot function: `slot(0)`, `slot(1)`… stand for the
 * parameters passed to `run`. The same object serves both dialects: the query is compiled once per adapter.
 */
export function preparedQuery<Row>(build: (db: Db, slot: Slot) => Compilable<Row>) {
  const templates = new WeakMap<object, Template>();
  const templateFor = (db: Db): Template => {
    const adapter = db.getExecutor().adapter;
    let template = templates.get(adapter);
    if (!template) {
      const compiled = build(db, slot).compile();
      template = {
        compiled,
        sources: compiled.parameters.map((value) =>
          typeof value === 'string' && value.startsWith(slotPrefix)
            ? { slot: Number(value.slice(slotPrefix.length)) }
            : { constant: value },
        ),
      };
      templates.set(adapter, template);
    }
    return template;
  };
  const execute = async (db: Db, parameters: readonly unknown[]): Promise<Row[]> => {
    const { compiled, sources } = templateFor(db);
    const values = sources.map((source) => ('slot' in source ? parameters[source.slot] : source.constant));
    const result = await db.executeQuery<Row>({ ...compiled, parameters: values });
    return result.rows;
  };
  return {
    all: execute,
    first: async (db: Db, parameters: readonly unknown[]): Promise<Row | undefined> =>
      (await execute(db, parameters))[0],
    /** The SQL and parameter values, to be run elsewhere (src/db/sqlite-writer.ts). */
    compile: (db: Db, parameters: readonly unknown[]) => {
      const { compiled, sources } = templateFor(db);
      return {
        sql: compiled.sql,
        parameters: sources.map((source) => ('slot' in source ? parameters[source.slot] : source.constant)),
        /** Where the i-th parameter passed in went among the compiled ones */
        positionOf: (index: number) =>
          sources.findIndex((source) => 'slot' in source && source.slot === index),
      };
    },
  };
}
