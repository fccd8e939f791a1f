import { describe, expect, it } from 'vitest';
import { isMakeupEvent, parseIcs } from './rules.js';

const ics = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR'].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');

describe('parseIcs', () => {
  it('reads an all-day range with an exclusive DTEND as one holiday per date', () => {
    const result = parseIcs(
      ics(
        event('UID:nd', 'DTSTART;VALUE=DATE:20251001', 'DTEND;VALUE=DATE:20251009', 'SUMMARY:国庆节、中秋节'),
      ),
    );
    expect(result.errors).toEqual([]);
    expect(result.days.map((day) => day.date)).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ]);
    expect(result.days.every((day) => day.kind === 'holiday' && day.name === '国庆节、中秋节')).toBe(true);
  });

  it('takes one day without DTEND, whole days from DURATION, and unfolds long lines', () => {
    const result = parseIcs(
      ics(
        event('DTSTART;VALUE=DATE:20260101', 'SUMMARY:元旦'),
        event('DTSTART:20260404', 'DURATION:P3D', 'SUMMARY:清明', ' 节'),
      ),
    );
    expect(result.days).toEqual([
      { date: '2026-01-01', kind: 'holiday', name: '元旦' },
      { date: '2026-04-04', kind: 'holiday', name: '清明节' },
      { date: '2026-04-05', kind: 'holiday', name: '清明节' },
      { date: '2026-04-06', kind: 'holiday', name: '清明节' },
    ]);
  });

  it('recognises make-up workdays by 班 in the summary, by CATEGORIES or by X-KEFU-DAY-KIND', () => {
    const result = parseIcs(
      ics(
        event('DTSTART;VALUE=DATE:20251011', 'SUMMARY:国庆节调休上班'),
        event('DTSTART;VALUE=DATE:20250928', 'SUMMARY:国庆节 (班)'),
        event('DTSTART;VALUE=DATE:20260214', 'SUMMARY:春节', 'CATEGORIES:WORKDAY'),
        event('DTSTART;VALUE=DATE:20260228', 'SUMMARY:春节', 'X-KEFU-DAY-KIND:makeup_workday'),
        event('DTSTART;VALUE=DATE:20260215', 'SUMMARY:春节（休）'),
      ),
    );
    expect(result.days.map((day) => [day.date, day.kind])).toEqual([
      ['2025-09-28', 'makeup_workday'],
      ['2025-10-11', 'makeup_workday'],
      ['2026-02-14', 'makeup_workday'],
      ['2026-02-15', 'holiday'],
      ['2026-02-28', 'makeup_workday'],
    ]);
    expect(isMakeupEvent('班禅纪念日', [])).toBe(false);
    expect(isMakeupEvent('补班', [], 'holiday')).toBe(false);
  });

  it('lists each bad event with its position, line, UID and code, and keeps the good ones', () => {
    const text = ics(
      event('UID:timed', 'DTSTART:20251001T090000Z', 'DTEND:20251001T100000Z', 'SUMMARY:会议'),
      event('UID:ok', 'DTSTART;VALUE=DATE:20250501', 'SUMMARY:劳动节'),
      event('UID:nostart', 'SUMMARY:无日期'),
      event('UID:feb30', 'DTSTART;VALUE=DATE:20260230', 'SUMMARY:不存在'),
      event('UID:backwards', 'DTSTART;VALUE=DATE:20260105', 'DTEND;VALUE=DATE:20260101', 'SUMMARY:倒序'),
      event('UID:nosummary', 'DTSTART;VALUE=DATE:20260301'),
      event('UID:weekly', 'DTSTART;VALUE=DATE:20260302', 'RRULE:FREQ=WEEKLY', 'SUMMARY:例会'),
      event('UID:twice', 'DTSTART;VALUE=DATE:20250501', 'SUMMARY:劳动节'),
      event('UID:long', 'DTSTART;VALUE=DATE:20250101', 'DTEND;VALUE=DATE:20270101', 'SUMMARY:太长'),
    );
    const result = parseIcs(text);
    expect(result.isCalendar).toBe(true);
    expect(result.days).toEqual([{ date: '2025-05-01', kind: 'holiday', name: '劳动节' }]);
    expect(result.errors.map((error) => [error.event, error.uid, error.code])).toEqual([
      [1, 'timed', 'not_all_day'],
      [3, 'nostart', 'missing_dtstart'],
      [4, 'feb30', 'bad_date'],
      [5, 'backwards', 'end_before_start'],
      [6, 'nosummary', 'missing_summary'],
      [7, 'weekly', 'recurrence_unsupported'],
      [8, 'twice', 'duplicate_date'],
      [9, 'long', 'range_too_long'],
    ]);
    expect(result.errors[0]).toMatchObject({ line: 4, summary: '会议' });
  });

  it('says when the text is not an iCalendar file', () => {
    expect(parseIcs('date,name\n2025-10-01,国庆').isCalendar).toBe(false);
  });
});
