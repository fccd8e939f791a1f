import { expect, it } from 'vitest';
import {
  addBusinessDuration,
  consultationDue,
  isServiceTime,
  isWorkday,
} from '../../shared/business-time.js';
import { fromZonedParts } from '../../shared/zoned-time.js';
import { buildShop, buildStaff, signIn, snapshotDatabase } from '../../test/factories.js';
import { describeEachDatabase } from '../../test/harness.js';
import { getBusinessCalendar } from './service.js';

const shanghai = (year: number, month: number, day: number, hour: number, minute = 0) =>
  fromZonedParts({ year, month, day, hour, minute }, 'Asia/Shanghai');

const smallIcs = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Kefu test//EN',
  'BEGIN:VEVENT',
  'UID:anniversary',
  'DTSTART;VALUE=DATE:20270105',
  'DTEND;VALUE=DATE:20270107',
  'SUMMARY:店庆',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:stocktake',
  'DTSTART;VALUE=DATE:20270109',
  'SUMMARY:盘点补班',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:meeting',
  'DTSTART:20270110T090000',
  'SUMMARY:周会',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describeEachDatabase('business calendar', (context) => {
  it('seeds a shop with Mon–Fri 09:00–18:00, service 09:00–23:00 daily and the PRC 2025–2026 days', async () => {
    const shop = await buildShop(context());
    const admin = await signIn(context().app, shop.admin.login);
    const response = await admin.get('/api/calendar');
    expect(response.statusCode).toBe(200);
    const view = response.json();
    expect(view.timeZone).toBe('Asia/Shanghai');
    expect(view.workingHours[1]).toEqual([{ start: '09:00', end: '18:00' }]);
    expect(view.workingHours[0]).toEqual([]);
    expect(view.serviceHours[0]).toEqual([{ start: '09:00', end: '23:00' }]);
    expect(view.days).toHaveLength(28 + 33 + 11);
    expect(view.days.find((day: { date: string }) => day.date === '2025-10-11')).toMatchObject({
      kind: 'makeup_workday',
      source: 'prc',
    });

    const calendar = await getBusinessCalendar(context().database.db, shop.id);
    expect(addBusinessDuration(calendar, shanghai(2025, 9, 30, 15), { unit: 'workdays', amount: 3 })).toBe(
      shanghai(2025, 10, 11, 15),
    );
    expect(consultationDue(calendar, shanghai(2026, 5, 15, 18, 5)).dueAt).toBe(shanghai(2026, 5, 18, 12));
  });

  it('an admin adds, edits and deletes a day, and getBusinessCalendar sees each change at once', async () => {
    const { db } = context().database;
    const shop = await buildShop(context());
    const admin = await signIn(context().app, shop.admin.login);
    expect(isWorkday(await getBusinessCalendar(db, shop.id), '2026-06-01')).toBe(true);

    const created = await admin.post('/api/calendar/days', {
      date: '2026-06-01',
      kind: 'holiday',
      name: '店休',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ date: '2026-06-01', kind: 'holiday', source: 'manual' });
    expect(isWorkday(await getBusinessCalendar(db, shop.id), '2026-06-01')).toBe(false);

    const moved = await admin.patch(`/api/calendar/days/${created.json().id}`, {
      date: '2026-06-06',
      kind: 'makeup_workday',
    });
    expect(moved.statusCode).toBe(200);
    const calendar = await getBusinessCalendar(db, shop.id);
    expect(isWorkday(calendar, '2026-06-01')).toBe(true);
    expect(isWorkday(calendar, '2026-06-06')).toBe(true); // a Saturday, now a make-up day

    expect((await admin.delete(`/api/calendar/days/${created.json().id}`)).statusCode).toBe(200);
    expect(isWorkday(await getBusinessCalendar(db, shop.id), '2026-06-06')).toBe(false);
    const audit = (await admin.get('/api/audit?entityType=calendar_day')).json();
    expect(audit.items.map((entry: { action: string }) => entry.action).sort()).toEqual([
      'calendar_day.created',
      'calendar_day.deleted',
      'calendar_day.updated',
    ]);
  });

  it('refuses a second entry for a date, an agent editing, and a bad body, changing nothing', async () => {
    const { db } = context().database;
    const shop = await buildShop(context());
    const admin = await signIn(context().app, shop.admin.login);
    await admin.get('/api/calendar');
    const agent = await buildStaff(context(), shop);
    const agentClient = await signIn(context().app, agent.login);
    const before = await snapshotDatabase(db);

    const taken = await admin.post('/api/calendar/days', {
      date: '2025-10-01',
      kind: 'holiday',
      name: '重复',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('calendar_day_exists');
    const forbidden = await agentClient.post('/api/calendar/days', {
      date: '2027-01-01',
      kind: 'holiday',
      name: 'x',
    });
    expect(forbidden.statusCode).toBe(403);
    const badDate = await admin.post('/api/calendar/days', {
      date: '2026-02-30',
      kind: 'holiday',
      name: 'x',
    });
    expect(badDate.statusCode).toBe(400);
    const badSpan = await admin.patch('/api/calendar', { workingHours: [[{ start: '9:00', end: '18:00' }]] });
    expect(badSpan.statusCode).toBe(400);
    const noWork = await admin.patch('/api/calendar', { workingHours: [[], [], [], [], [], [], []] });
    expect(noWork.statusCode).toBe(400);
    // Refused whole: the time zone sent with a week without working time is not kept either.
    const zoneAndNoWork = await admin.patch('/api/calendar', {
      timeZone: 'Asia/Tokyo',
      workingHours: [[], [], [], [], [], [], []],
    });
    expect(zoneAndNoWork.statusCode).toBe(400);
    expect(zoneAndNoWork.json().error.code).toBe('validation_failed');
    const notIcs = await admin.post('/api/calendar/import', { content: 'date,name\n2027-01-01,元旦' });
    expect(notIcs.statusCode).toBe(400);
    expect(notIcs.json().error.code).toBe('ics_invalid');
    expect(await snapshotDatabase(db)).toBe(before);
    // Agents can read the calendar their deadlines run on.
    expect((await agentClient.get('/api/calendar')).statusCode).toBe(200);
  });

  it('changes working hours, zone and service hours; chat service hours follow the same settings', async () => {
    const { db } = context().database;
    const shop = await buildShop(context());
    const admin = await signIn(context().app, shop.admin.login);
    const lunchBreak = [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '18:00' },
    ];
    const response = await admin.patch('/api/calendar', {
      workingHours: [[], lunchBreak, lunchBreak, lunchBreak, lunchBreak, lunchBreak, []],
      serviceHours: { opensAt: '08:00', closesAt: '02:00', offHoursReplyBy: '08:30' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().workingHours[3]).toEqual(lunchBreak);
    expect(response.json().serviceHours[6]).toEqual([{ start: '08:00', end: '02:00' }]);
    // The shop profile shows the same service hours (one source of truth).
    expect((await admin.get('/api/shop')).json().serviceHours).toEqual({
      opensAt: '08:00',
      closesAt: '02:00',
      offHoursReplyBy: '08:30',
    });
    const calendar = await getBusinessCalendar(db, shop.id);
    expect(isServiceTime(calendar, shanghai(2026, 5, 17, 1))).toBe(true);

    // A shop-settings change of the service hours reaches the calendar too.
    await admin.patch('/api/shop', { timezone: 'America/New_York' });
    expect((await getBusinessCalendar(db, shop.id)).timeZone).toBe('America/New_York');
    expect((await admin.get('/api/calendar')).json().timeZone).toBe('America/New_York');
  });

  it('imports an .ics file: good events become days, bad ones are listed, a second import changes nothing', async () => {
    const { db } = context().database;
    const shop = await buildShop(context());
    const admin = await signIn(context().app, shop.admin.login);
    const first = await admin.post('/api/calendar/import', { content: smallIcs });
    expect(first.statusCode).toBe(200);
    const result = first.json();
    expect(result).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect(result.errors).toEqual([
      { event: 3, line: 15, uid: 'meeting', summary: '周会', code: 'not_all_day' },
    ]);
    const calendar = await getBusinessCalendar(db, shop.id);
    expect(isWorkday(calendar, '2027-01-05')).toBe(false);
    expect(isWorkday(calendar, '2027-01-09')).toBe(true);

    const before = await snapshotDatabase(db);
    const again = (await admin.post('/api/calendar/import', { content: smallIcs })).json();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await snapshotDatabase(db)).toBe(before);
  });

  it('keeps each shop to its own calendar', async () => {
    const mine = await buildShop(context());
    const theirs = await buildShop(context());
    const admin = await signIn(context().app, mine.admin.login);
    const other = await signIn(context().app, theirs.admin.login);
    const day = (
      await other.post('/api/calendar/days', { date: '2027-03-03', kind: 'holiday', name: '他店' })
    ).json();
    expect((await admin.patch(`/api/calendar/days/${day.id}`, { name: '改' })).statusCode).toBe(404);
    expect((await admin.delete(`/api/calendar/days/${day.id}`)).statusCode).toBe(404);
    const myDays = (await admin.get('/api/calendar')).json().days;
    expect(myDays.some((entry: { date: string }) => entry.date === '2027-03-03')).toBe(false);
  });
});
