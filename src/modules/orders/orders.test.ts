import { expect, it } from 'vitest';
import type { DomainEvent } from '../../server/events.js';
import type { OrderImport, OrderImportDetail } from '../../shared/schemas/orders.js';
import { buildShop, signIn, type ApiClient } from '../../test/factories.js';
import { describeEachDatabase, type TestContext } from '../../test/harness.js';
import { rotateSecret, signedPost } from '../../test/webhooks.js';
import { identifyWidgetCustomer, memberSignature, recordOfflineContact } from '../customers/service.js';

const header = 'event_id,kind,order_no,subject_no,member_id,phone,occurred_at,amount_fen';

async function upload(admin: ApiClient, csv: string, fileName = 'orders.csv') {
  return admin.request('POST', '/api/order-imports', csv, {
    'content-type': 'text/csv',
    'x-file-name': encodeURIComponent(fileName),
  });
}

/** Polls the job until it finishes; returns every percentage seen on the way. */
async function waitForImport(admin: ApiClient, id: string, language = 'en') {
  const seen: number[] = [];
  for (;;) {
    const job = (
      await admin.get(`/api/order-imports/${id}`, { 'accept-language': language })
    ).json<OrderImportDetail>();
    seen.push(job.percent);
    if (job.status !== 'running') return { job, seen };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function recordedEvents(context: TestContext) {
  const batches: Array<Extract<DomainEvent, { type: 'commerce.recorded' }>> = [];
  const stop = context.app.deps.bus.subscribe((event) => {
    if (event.type === 'commerce.recorded') batches.push(event);
  });
  return { batches, stop };
}

async function countEvents(context: TestContext, shopId: string) {
  const row = await context.database.db
    .selectFrom('commerceEvents')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('shopId', '=', shopId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDatabase('order events', (context) => {
  it('imports a small CSV: bad rows reported by row and column in the caller language, customers linked', async () => {
    const { app, database } = context();
    const shop = await buildShop(context());
    const admin = await signIn(app, shop.admin.login);
    const { customer: member } = await identifyWidgetCustomer(database.db, {
      shopId: shop.id,
      identitySecret: 'k',
      member: { id: 'M-1001', signature: memberSignature('k', 'M-1001') },
    });
    const { customer: caller } = await identifyWidgetCustomer(database.db, {
      shopId: shop.id,
      identitySecret: 'k',
    });
    await recordOfflineContact(database.db, caller, { phone: '13700001111' });
    const csv = [
      header,
      'e1,order_placed,DD1,,M-1001,,2026-03-02 09:00,29900',
      'e2,order_paid,DD1,,M-1001,,2026-03-02 09:05,29900',
      'e3,order_paid,DD2,,,,2026-03-02 09:06,', // row 4: payment without amount
      ',order_shipped,DD2,,,+86 137-0000-1111,2026-03-02T03:00:00Z,',
      'e5,refund_completed,DD1,RF-9,M-1001,,"2026-03-03 10:00",100',
      'e6,order_vanished,,,,,someday,', // row 7: three bad cells
      '',
    ].join('\r\n');
    const recorded = recordedEvents(context());
    const started = await upload(admin, csv);
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json<OrderImport>()).toMatchObject({ status: 'running', rowsTotal: 6 });
    const { job } = await waitForImport(admin, started.json().id);
    recorded.stop();
    expect(job).toMatchObject({ status: 'done', percent: 100, rowsDone: 6, rowsStored: 4, rowsFailed: 2 });
    expect(job.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, 'amount_fen', 'amount_required'],
      [7, 'kind', 'unknown_kind'],
      [7, 'occurred_at', 'invalid_time'],
      [7, 'order_no', 'required'],
    ]);
    expect(job.errors[0]!.message).toBe('Payments and refunds need an amount in fen');

    const zh = await admin.get(`/api/order-imports/${job.id}/errors.csv`, { 'accept-language': 'zh-CN' });
    expect(zh.headers['content-type']).toContain('text/csv');
    expect(zh.body).toContain('4,amount_fen,amount_required,付款和退款必须填写金额（分）');

    const events = recorded.batches.flatMap((batch) => batch.events);
    expect(recorded.batches).toHaveLength(1);
    expect(events.map((e) => e.kind)).toEqual([
      'order_placed',
      'order_paid',
      'order_shipped',
      'refund_completed',
    ]);
    expect(events.find((e) => e.kind === 'order_paid')).toMatchObject({
      amountFen: 29900,
      customerId: member.id,
    });
    expect(events.find((e) => e.kind === 'order_shipped')?.customerId).toBe(caller.id);
    expect(events.find((e) => e.kind === 'refund_completed')?.subjectKey).toBe('RF-9');
  });

  it('refuses a file without the required columns, an empty file, and non-admins', async () => {
    const { app } = context();
    const shop = await buildShop(context());
    const admin = await signIn(app, shop.admin.login);
    const noHeader = await upload(admin, 'order,when\nDD1,now\n');
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.code).toBe('csv_header_invalid');
    expect((await upload(admin, `${header}\n\n`)).json().error.code).toBe('csv_empty');
    expect(await countEvents(context(), shop.id)).toBe(0);
    expect((await admin.get('/api/order-imports')).json().items).toHaveLength(0);
  });

  it('the signed order webhook stores each event once, however often it is sent', async () => {
    const { app } = context();
    const shop = await buildShop(context());
    const admin = await signIn(app, shop.admin.login);
    const signed = { id: shop.id, secret: await rotateSecret(admin) };
    const body = {
      events: [
        {
          eventId: 'w1',
          kind: 'aftersale_applied',
          orderNo: 'DD7',
          subjectNo: 'AS-1',
          occurredAt: new Date().toISOString(),
        },
        {
          eventId: 'w2',
          kind: 'order_paid',
          orderNo: 'DD7',
          occurredAt: new Date().toISOString(),
          amountFen: 500,
        },
      ],
    };
    const answers = await Promise.all(
      [1, 2, 3].map(() => signedPost(app, '/api/webhooks/orders', signed, body)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(answers.reduce((sum, a) => sum + a.json().stored, 0)).toBe(2);
    expect(await countEvents(context(), shop.id)).toBe(2);
    const unsigned = await app.inject({ method: 'POST', url: '/api/webhooks/orders', payload: body });
    expect(unsigned.statusCode).toBe(401);
  });

  it('the order webhook refuses a payment without an amount, like the CSV import, and stores nothing of the batch', async () => {
    const { app } = context();
    const shop = await buildShop(context());
    const admin = await signIn(app, shop.admin.login);
    const signed = { id: shop.id, secret: await rotateSecret(admin) };
    const occurredAt = new Date().toISOString();
    const answer = await signedPost(app, '/api/webhooks/orders', signed, {
      events: [
        { eventId: 'n1', kind: 'order_placed', orderNo: 'DD8', occurredAt },
        { eventId: 'n2', kind: 'order_paid', orderNo: 'DD8', occurredAt },
      ],
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error).toMatchObject({
      code: 'validation_failed',
      details: { issues: [expect.objectContaining({ path: ['body', 'events', '1', 'amountFen'] })] },
    });
    expect(await countEvents(context(), shop.id)).toBe(0);
  });

  it('imports 100,000 rows with progress and exactly the bad rows reported; a second import adds nothing', async () => {
    const { app } = context();
    const shop = await buildShop(context());
    const admin = await signIn(app, shop.admin.login);
    const bad = new Map([
      [1_234, 'e1233,order_paid,DD1233,,,,2026-03-02 10:00,abc'],
      [25_001, 'e25000,order_exploded,DD25000,,,,2026-03-02 10:00,100'],
      [50_000, 'e49999,order_paid,,,,,2026-03-02 10:00,100'],
      [77_777, 'e77776,order_paid,DD77776,,,,2026-13-02 10:00,100'],
      [99_999, 'e99998,order_paid,DD99998,,,,2026-03-02 10:00'],
    ]);
    const lines = [header];
    for (let i = 0; i < 100_000; i++) {
      const rowNo = i + 2;
      const minute = String(i % 60).padStart(2, '0');
      lines.push(
        bad.get(rowNo) ?? `e${i},order_paid,DD${i},,M${i % 5000},,2026-03-02 10:${minute},${100 + i}`,
      );
    }
    const csv = `${lines.join('\n')}\n`;
    const recorded = recordedEvents(context());

    const t0 = performance.now();
    const first = await upload(admin, csv, 'orders-100k.csv');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<OrderImport>().rowsTotal).toBe(100_000);
    const { job, seen } = await waitForImport(admin, first.json().id);
    const firstMs = performance.now() - t0;
    recorded.stop();

    expect(job).toMatchObject({
      status: 'done',
      percent: 100,
      rowsDone: 100_000,
      rowsStored: 99_995,
      rowsFailed: 5,
    });
    expect(seen.at(-1)).toBe(100);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect([...new Set(job.errors.map((e) => e.row))]).toEqual([...bad.keys()]);
    expect(await countEvents(context(), shop.id)).toBe(99_995);
    // Published in batches of at most 1,000 rows, each stored event exactly once.
    const published = recorded.batches.flatMap((batch) => batch.events);
    expect(published).toHaveLength(99_995);
    expect(recorded.batches.length).toBeLessThanOrEqual(100);

    const t1 = performance.now();
    const second = await upload(admin, csv, 'orders-100k.csv');
    const again = await waitForImport(admin, second.json().id);
    const secondMs = performance.now() - t1;
    expect(again.job).toMatchObject({ status: 'done', rowsStored: 0, rowsDuplicate: 99_995, rowsFailed: 5 });
    expect(await countEvents(context(), shop.id)).toBe(99_995);
    console.info(
      `[${context().dialect}] 100k-row import: first ${Math.round(firstMs)} ms, second ${Math.round(secondMs)} ms`,
    );
  }, 240_000);
});
