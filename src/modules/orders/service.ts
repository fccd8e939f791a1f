// Order events (issue 4): stored once per external event id from the signed webhook or a CSV import, linked to
// customers by member id or phone, and published in batches as 'commerce.recorded' for the SLA clocks.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.js';
import { isoOf, isoOrNull } from '../../db/instants.js';
import type {
  CommerceEventTable,
  Database,
  OrderImportErrorTable,
  OrderImportTable,
} from '../../db/schema.js';
import type { Actor } from '../../server/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import { runCommand, type Emit, type EventBus } from '../../server/events.js';
import type { CommerceEvent } from '../../shared/commerce.js';
import type { Locale } from '../../shared/locales.js';
import { importRowErrorMessage } from '../../shared/order-import.js';
import type {
  ImportRowError,
  OrderImport,
  OrderImportDetail,
  OrderWebhookEvent,
} from '../../shared/schemas/orders.js';
import { customerLinks } from '../customers/service.js';
import { getChatSettings } from '../shops/service.js';
import { CsvReader, csvCell, isBlankRecord } from './csv.js';
import * as repo from './repo.js';
import { parseOrderRow, readHeader, type CommerceEventInput } from './rules.js';

type Db = Kysely<Database>;

/** Rows stored per transaction (and per 'commerce.recorded' event) during an import. */
export const importBatchSize = 1000;
/** Largest CSV accepted (about 500,000 rows). */
export const maxCsvBytes = 64 * 1024 * 1024;
/** Errors shown with the job; the downloadable report has all of them. */
const errorsShown = 500;

function published(row: CommerceEventTable): CommerceEvent {
  return {
    id: row.id,
    kind: row.kind,
    orderNo: row.orderNo,
    subjectKey: row.subjectKey,
    customerId: row.customerId,
    occurredAt: row.occurredAt,
    amountFen: row.amountFen,
  };
}

/**
 * Stores the events not stored before (one multi-row insert), linked to customers, and emits the new ones as one
 * 'commerce.recorded' event in the order they happened. Joins the caller's transaction when given `outer`.
 */
export function storeCommerceEvents(
  db: Db,
  bus: EventBus,
  shopId: string,
  inputs: readonly CommerceEventInput[],
  origin: { source: 'webhook' | 'csv'; importId: string | null },
  outer?: Emit,
): Promise<CommerceEventTable[]> {
  return runCommand(
    db,
    bus,
    async (trx, emit) => {
      const now = Date.now();
      const links = await customerLinks(trx, shopId, {
        memberIds: inputs.flatMap((input) => (input.memberId ? [input.memberId] : [])),
        phones: inputs.flatMap((input) => (input.phone ? [input.phone] : [])),
      });
      const rows: CommerceEventTable[] = inputs.map((input) => ({
        id: newId(now),
        shopId,
        ...input,
        customerId:
          (input.memberId ? links.byMember.get(input.memberId) : undefined) ??
          (input.phone ? links.byPhone.get(input.phone) : undefined) ??
          null,
        source: origin.source,
        importId: origin.importId,
        createdAt: now,
      }));
      const inserted = await repo.insertNewEvents(trx, rows);
      if (inserted.length > 0) {
        const events = inserted
          .map(published)
          .sort((a, b) => a.occurredAt - b.occurredAt || (a.id < b.id ? -1 : 1));
        emit({ type: 'commerce.recorded', shopId, events });
      }
      return inserted;
    },
    outer,
  );
}

/** The signed webhook: a batch of events from the platform, each idempotent on its event id. */
export async function receiveOrderEvents(
  db: Db,
  bus: EventBus,
  shopId: string,
  events: readonly OrderWebhookEvent[],
): Promise<{ stored: number; duplicates: number }> {
  const inputs = events.map((event) => ({
    externalId: event.eventId,
    kind: event.kind,
    orderNo: event.orderNo,
    subjectKey: event.subjectNo ?? event.orderNo,
    memberId: event.memberId ?? null,
    phone: event.phone ?? null,
    occurredAt: Date.parse(event.occurredAt),
    amountFen: event.amountFen ?? null,
  }));
  const inserted = await storeCommerceEvents(db, bus, shopId, inputs, { source: 'webhook', importId: null });
  return { stored: inserted.length, duplicates: events.length - inserted.length };
}

function presentImport(row: OrderImportTable): OrderImport {
  const percent =
    row.status === 'done' || row.rowsTotal === 0 ? 100 : Math.floor((row.rowsDone * 100) / row.rowsTotal);
  return {
    id: row.id,
    fileName: row.fileName,
    status: row.status,
    rowsTotal: row.rowsTotal,
    rowsDone: row.rowsDone,
    rowsStored: row.rowsStored,
    rowsDuplicate: row.rowsDuplicate,
    rowsFailed: row.rowsFailed,
    percent,
    createdAt: isoOf(row.createdAt),
    finishedAt: isoOrNull(row.finishedAt),
  };
}

function presentError(row: OrderImportErrorTable, locale: Locale): ImportRowError {
  return {
    row: row.rowNo,
    column: row.columnName,
    code: row.code,
    message: importRowErrorMessage(row.code, locale),
  };
}

/** Reads a CSV stream record by record, without holding the file. */
async function* csvRecords(stream: AsyncIterable<Buffer | string>): AsyncGenerator<string[][]> {
  const reader = new CsvReader();
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream) {
    const records = reader.push(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (records.length > 0) yield records;
  }
  const rest = reader.push(decoder.end());
  rest.push(...reader.end());
  if (rest.length > 0) yield rest;
}

export interface OrderImporter {
  /** Saves the upload to disk (counting its rows), creates the job and starts it; answers once the job exists. */
  start(actor: Actor, fileName: string, body: Readable): Promise<OrderImport>;
  get(actor: Actor, id: string, locale: Locale): Promise<OrderImportDetail>;
  list(actor: Actor): Promise<OrderImport[]>;
  errorReport(actor: Actor, id: string, locale: Locale): Promise<string>;
  /** Resolves when no import is running (app shutdown, tests). */
  idle(): Promise<void>;
}

export function createOrderImporter(deps: {
  db: Db;
  bus: EventBus;
  dataDir: string;
  onError: (error: unknown) => void;
}): OrderImporter {
  const { db, bus } = deps;
  const running = new Set<Promise<void>>();

  async function saveUpload(
    body: Readable,
    file: string,
  ): Promise<{ header: string[] | null; rows: number }> {
    let header: string[] | null = null;
    let rows = 0;
    let size = 0;
    const reader = new CsvReader();
    const decoder = new StringDecoder('utf8');
    const count = (records: string[][]) => {
      for (const record of records) {
        if (isBlankRecord(record)) continue;
        if (header === null) header = record;
        else rows += 1;
      }
    };
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > maxCsvBytes) return callback(new AppError('payload_too_large'));
        count(reader.push(decoder.write(chunk)));
        callback(null, chunk);
      },
      flush(callback) {
        count(reader.push(decoder.end()));
        count(reader.end());
        callback();
      },
    });
    await pipeline(body, counter, createWriteStream(file));
    return { header, rows };
  }

  async function run(job: OrderImportTable, file: string): Promise<void> {
    const { serviceHours } = await getChatSettings(db, job.shopId);
    const totals = { rowsDone: 0, rowsStored: 0, rowsDuplicate: 0, rowsFailed: 0 };
    let columns: ReturnType<typeof readHeader>['index'] | null = null;
    let width = 0;
    let rowNo = 0;
    let events: CommerceEventInput[] = [];
    let errors: OrderImportErrorTable[] = [];
    let rowsInBatch = 0;

    const flush = async () => {
      const batch = { events, errors, rows: rowsInBatch };
      events = [];
      errors = [];
      rowsInBatch = 0;
      await runCommand(db, bus, async (trx, emit) => {
        const inserted = await storeCommerceEvents(
          trx,
          bus,
          job.shopId,
          batch.events,
          { source: 'csv', importId: job.id },
          emit,
        );
        await repo.insertErrors(trx, batch.errors);
        totals.rowsDone += batch.rows;
        totals.rowsStored += inserted.length;
        totals.rowsDuplicate += batch.events.length - inserted.length;
        totals.rowsFailed += batch.rows - batch.events.length;
        await repo.updateImport(trx, job.id, totals);
      });
    };

    for await (const records of csvRecords(createReadStream(file))) {
      for (const record of records) {
        rowNo += 1;
        if (isBlankRecord(record)) continue;
        if (columns === null) {
          columns = readHeader(record).index;
          width = record.length;
          continue;
        }
        rowsInBatch += 1;
        const result = parseOrderRow(columns, width, record, serviceHours.timeZone);
        if (result.ok) events.push(result.event);
        else {
          for (const error of result.errors) {
            errors.push({ importId: job.id, rowNo, columnName: error.column, code: error.code });
          }
        }
        if (rowsInBatch >= importBatchSize) await flush();
      }
    }
    if (rowsInBatch > 0) await flush();
    await repo.updateImport(db, job.id, { status: 'done', finishedAt: Date.now() });
  }

  function launch(job: OrderImportTable, file: string) {
    const task = run(job, file)
      .catch(async (error: unknown) => {
        deps.onError(error);
        await repo.updateImport(db, job.id, {
          status: 'failed',
          failure: String(error).slice(0, 500),
          finishedAt: Date.now(),
        });
      })
      .catch(deps.onError)
      .finally(() => {
        running.delete(task);
        return rm(file, { force: true });
      });
    running.add(task);
  }

  async function load(actor: Actor, id: string) {
    const row = await repo.findImport(db, actor.shopId, id);
    if (!row) throw notFound();
    return row;
  }

  return {
    async start(actor, fileName, body) {
      const now = Date.now();
      const id = newId(now);
      const folder = join(deps.dataDir, 'imports');
      await mkdir(folder, { recursive: true });
      const file = join(folder, `${id}.csv`);
      try {
        const { header, rows } = await saveUpload(body, file);
        if (header === null || readHeader(header).missing.length > 0)
          throw new AppError('csv_header_invalid');
        if (rows === 0) throw new AppError('csv_empty');
        const job: OrderImportTable = {
          id,
          shopId: actor.shopId,
          fileName,
          status: 'running',
          rowsTotal: rows,
          rowsDone: 0,
          rowsStored: 0,
          rowsDuplicate: 0,
          rowsFailed: 0,
          failure: null,
          createdBy: actor.userId,
          createdAt: now,
          finishedAt: null,
        };
        await repo.insertImport(db, job);
        launch(job, file);
        return presentImport(job);
      } catch (error) {
        await rm(file, { force: true });
        throw error;
      }
    },
    async get(actor, id, locale) {
      const row = await load(actor, id);
      const errors = await repo.listErrors(db, id, errorsShown);
      return { ...presentImport(row), errors: errors.map((error) => presentError(error, locale)) };
    },
    async list(actor) {
      return (await repo.listImports(db, actor.shopId, 20)).map(presentImport);
    },
    async errorReport(actor, id, locale) {
      await load(actor, id);
      const lines = [['row', 'column', 'code', 'message'].join(',')];
      for (const error of await repo.listErrors(db, id)) {
        const shown = presentError(error, locale);
        lines.push([shown.row, shown.column, shown.code, shown.message].map(csvCell).join(','));
      }
      return `\ufeff${lines.join('\r\n')}\r\n`;
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

/** A customer's orders from the order events stored for them: last event, paid and refunded amounts (fen). */
export async function ordersOfCustomers(db: Db, shopId: string, customerIds: readonly string[]) {
  const events = await repo.eventsOfCustomers(db, shopId, customerIds, 2000);
  const orders = new Map<
    string,
    { orderNo: string; lastEvent: string; lastAt: string; paidFen: number; refundedFen: number }
  >();
  for (const event of events) {
    const order = orders.get(event.orderNo) ?? {
      orderNo: event.orderNo,
      lastEvent: event.kind,
      lastAt: new Date(event.occurredAt).toISOString(),
      paidFen: 0,
      refundedFen: 0,
    };
    order.lastEvent = event.kind;
    order.lastAt = new Date(event.occurredAt).toISOString();
    if (event.kind === 'order_paid') order.paidFen += event.amountFen ?? 0;
    if (event.kind === 'refund_completed') order.refundedFen += event.amountFen ?? 0;
    orders.set(event.orderNo, order);
  }
  return [...orders.values()].sort((a, b) => b.lastAt.localeCompare(a.lastAt));
}

/** The customers an order number belongs to. */
export function customerIdsByOrderNo(db: Db, shopId: string, orderNo: string): Promise<string[]> {
  return repo.customerIdsOfOrder(db, shopId, orderNo);
}

/** Order-side events for the metrics (issue 6): by time, customer or order / after-sale number, oldest first. */
export async function commerceFacts(db: Db, shopId: string, filter: repo.CommerceFactFilter) {
  if (filter.subjectKeys?.length === 0 || filter.customerIds?.length === 0) return [];
  return repo.commerceFactRows(db, shopId, filter);
}
