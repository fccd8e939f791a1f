// Acceptance 3 of issue 6: the metrics export as XLSX and CSV: the right numbers, the filter in the file, contact
// details masked for an exporter without customer.reveal_contact, formula-like text neutralised, one audit entry
// per export, and no file when the audit entry cannot be written.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness.js';
import { buildShop, buildStaff, signIn, type ApiClient } from '../../test/factories.js';
import { refreshEntities } from '../kpi/service.js';
import { insertChat, insertCustomer } from '../kpi/test-data.js';
import { neutraliseFormula, toCsv } from './spreadsheet.js';

const at = (time: string) => Date.parse(`2026-11-02T${time}+08:00`);

/** The cells of the worksheet, row by row, read back from the XLSX with the system's unzip. */
function readXlsx(body: Buffer): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-xlsx-'));
  const file = join(dir, 'export.xlsx');
  writeFileSync(file, body);
  // `unzip -t` checks every entry's CRC: a broken archive fails here
  execFileSync('unzip', ['-tq', file]);
  const xml = execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet1.xml']).toString('utf8');
  const unescape = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return [...xml.matchAll(/<row r="\d+">(.*?)<\/row>/g)].map((row) => {
    const cells: string[] = [];
    const pattern =
      /<c r="([A-Z]+)\d+"(?: t="inlineStr")?>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g;
    for (const cell of (row[1] ?? '').matchAll(pattern)) {
      cells[column(cell[1] ?? 'A')] = unescape(cell[2] ?? cell[3] ?? '');
    }
    return Array.from(cells, (cell) => cell ?? '');
  });
}

describeEachDatabase('metrics export (XLSX, CSV)', (ctx) => {
  let admin: ApiClient;
  let qa: ApiClient;
  let shopId = '';

  beforeAll(async () => {
    const { app, database } = ctx();
    const db = database.db;
    const shop = await buildShop(ctx());
    shopId = shop.id;
    const agent = await buildStaff(ctx(), shop, { groups: ['pre_sale'] });
    const sly = await buildStaff(ctx(), shop, { groups: ['pre_sale'] });
    // An agent whose display name carries a phone number and an e-mail, and one whose name is a formula.
    await db
      .updateTable('users')
      .set({ displayName: '王五 13912345678 wangwu@example.com' })
      .where('id', '=', agent.id)
      .execute();
    await db
      .updateTable('users')
      .set({ displayName: '=HYPERLINK("http://evil.example","点我")' })
      .where('id', '=', sly.id)
      .execute();
    const customer = await insertCustomer(db, shop.id, 'C', at('08:00:00'));
    // 2 consultations for the agent, one answered after 30 s.
    const chats = [
      await insertChat(db, shop.id, {
        customerId: customer,
        agentId: agent.id,
        messages: [
          { at: at('10:00:00'), by: 'customer' },
          { at: at('10:00:30'), by: agent.id },
        ],
      }),
      await insertChat(db, shop.id, {
        customerId: customer,
        agentId: agent.id,
        messages: [{ at: at('11:00:00'), by: 'customer' }],
      }),
    ];
    await refreshEntities(
      db,
      shop.id,
      chats.map((id) => `c:${id}`),
      Date.now(),
    );
    const inspector = await buildStaff(ctx(), shop, { role: 'qa_inspector' });
    await app.ready();
    admin = await signIn(app, shop.admin.login);
    qa = await signIn(app, inspector.login);
  }, 60_000);

  const exports = () =>
    ctx()
      .database.db.selectFrom('auditLog')
      .selectAll()
      .where('shopId', '=', shopId)
      .where('action', '=', 'metrics.exported')
      .execute();

  it('XLSX for an exporter without the reveal permission: numbers, filter, masked contacts, neutralised formula', async () => {
    const before = (await exports()).length;
    const response = await qa.get('/api/metrics/export?format=xlsx&period=day&from=2026-11-02');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const rows = readXlsx(response.rawPayload);
    expect(rows[1]).toEqual(['统计周期', '自然日 2026-11-02 ~ 2026-11-02']);
    expect(rows[2]).toEqual(['数据来源', '汇总表']);
    const header = rows[6] ?? [];
    expect(header.slice(0, 3)).toEqual(['维度', '名称', '工号']);
    const col = (label: string) => header.indexOf(label);
    const agentRow = rows.find((row) => row[1]?.startsWith('王五')) ?? [];
    // masked as the presenters mask them
    expect(agentRow[1]).toBe('王五 139****5678 w***@example.com');
    expect(agentRow[col('咨询人数')]).toBe('2');
    expect(agentRow[col('未回复人数')]).toBe('1');
    expect(agentRow[col('回复率')]).toBe('50'); // per cent
    expect(agentRow[col('平均首次响应时长（秒）')]).toBe('30');
    const formulaRow = rows.find((row) => row[1]?.includes('HYPERLINK')) ?? [];
    expect(formulaRow[1]).toBe('\'=HYPERLINK("http://evil.example","点我")');
    expect(JSON.stringify(rows)).not.toContain('13912345678');

    const entries = await exports();
    expect(entries.length).toBe(before + 1);
    const changes = JSON.parse(entries.at(-1)?.changes ?? '{}') as Record<string, unknown>;
    expect(changes).toMatchObject({
      format: 'xlsx',
      filter: { kind: 'day', from: '2026-11-02', to: '2026-11-02', source: 'rollups' },
    });
    expect(changes.rows).toBe(Number(response.headers['x-row-count']));
  });

  it('CSV for an exporter with the reveal permission shows the contact details as they are', async () => {
    const before = (await exports()).length;
    const response = await admin.get(
      '/api/metrics/export?format=csv&period=range&from=2026-11-01&to=2026-11-03',
      {
        'accept-language': 'en',
      },
    );
    expect(response.statusCode, response.body).toBe(200);
    const text = response.body.replace(/^\uFEFF/, '');
    expect(text).toContain('Period,custom range 2026-11-01 ~ 2026-11-03');
    expect(text).toContain('王五 13912345678 wangwu@example.com');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect((await exports()).length).toBe(before + 1);
  });

  it('when the audit entry cannot be written, no file is delivered', async () => {
    const db = ctx().database.db;
    if (ctx().dialect === 'sqlite') {
      await sql`CREATE TRIGGER audit_down BEFORE INSERT ON audit_log WHEN NEW.action = 'metrics.exported'
        BEGIN SELECT RAISE(ABORT, 'audit store down'); END`.execute(db);
    } else {
      await sql`CREATE FUNCTION audit_down() RETURNS trigger AS $$ BEGIN
        IF NEW.action = 'metrics.exported' THEN RAISE EXCEPTION 'audit store down'; END IF; RETURN NEW; END $$
        LANGUAGE plpgsql`.execute(db);
      await sql`CREATE TRIGGER audit_down BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_down()`.execute(
        db,
      );
    }
    try {
      const before = (await exports()).length;
      const response = await admin.get('/api/metrics/export?format=xlsx&period=day&from=2026-11-02');
      expect(response.statusCode).toBe(500);
      expect(response.headers['content-type']).toContain('application/json');
      expect(response.json<{ error: { code: string } }>().error.code).toBe('internal');
      expect((await exports()).length).toBe(before);
    } finally {
      await sql`DROP TRIGGER audit_down${ctx().dialect === 'postgres' ? sql` ON audit_log` : sql``}`.execute(
        db,
      );
    }
  });

  it('neutralises every formula lead character, not numbers', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r'])
      expect(neutraliseFormula(`${lead}1`)).toBe(`'${lead}1`);
    expect(neutraliseFormula('正常')).toBe('正常');
    expect(toCsv([[-5, '-5']]).toString('utf8')).toBe("\uFEFF-5,'-5\r\n");
  });
});
