// Queries of the reports table: one stored report per shop, kind and period (made again = replaced).
import type { Kysely } from 'kysely';
import type { Database, ReportTable } from '../../db/schema.js';

type Db = Kysely<Database>;

export async function saveReport(db: Db, row: ReportTable): Promise<void> {
  await db
    .insertInto('reports')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['shopId', 'kind', 'period']).doUpdateSet({
        id: row.id,
        data: row.data,
        createdBy: row.createdBy,
        createdAt: row.createdAt,
      }),
    )
    .execute();
}

export function listReports(db: Db, shopId: string, kinds: readonly ReportTable['kind'][]) {
  return db
    .selectFrom('reports')
    .select(['id', 'kind', 'period', 'createdAt', 'createdBy'])
    .where('shopId', '=', shopId)
    .where('kind', 'in', [...kinds])
    .orderBy('createdAt', 'desc')
    .execute();
}

export function findReport(db: Db, shopId: string, id: string) {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findReportOfPeriod(db: Db, shopId: string, kind: ReportTable['kind'], period: string) {
  return db
    .selectFrom('reports')
    .select('id')
    .where('shopId', '=', shopId)
    .where('kind', '=', kind)
    .where('period', '=', period)
    .executeTakeFirst();
}
