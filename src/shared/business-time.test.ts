import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDuration,
  addWorkdays,
  addWorkingTime,
  consultationDue,
  defaultBusinessCalendar,
  everyDay,
  isServiceTime,
  isWorkday,
  isWorkingTime,
  mondayToFriday,
  nextServiceOpening,
  nextWorkday,
  nextWorkingTime,
  offHoursReplyDue,
  workingTimeBetween,
  type BusinessCalendar,
} from './business-time.js';
import { fromZonedParts } from './zoned-time.js';

const hourMs = 3_600_000;
const processZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** An instant read off the wall clock of `zone`: at('2026-05-04 23:30'). */
function at(reading: string, zone = 'Asia/Shanghai'): number {
  const [date = '', time = '00:00'] = reading.split(' ');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return fromZonedParts({ year: year!, month: month!, day: day!, hour, minute }, zone);
}

/** The PRC National Day weeks (国办发明电〔2024〕12号 and 2026's notice), enough for the worked examples. */
const shanghaiOffice: BusinessCalendar = {
  ...defaultBusinessCalendar,
  holidays: [
    ...['01', '02', '03', '04', '05', '06', '07', '08'].map((day) => `2025-10-${day}`),
    ...['01', '02', '03', '04', '05', '06', '07'].map((day) => `2026-10-${day}`),
  ],
  makeupWorkdays: ['2025-09-28', '2025-10-11', '2026-09-20', '2026-10-10'],
};

describe(`business-time worked examples (process TZ ${processZone})`, () => {
  it('a chat at 23:30 is due at 09:30 the next morning (service 09:00–23:00, off-hours replies by 09:30)', () => {
    expect(offHoursReplyDue(shanghaiOffice, at('2026-05-04 23:30'), '09:30')).toBe(at('2026-05-05 09:30'));
    expect(offHoursReplyDue(shanghaiOffice, at('2026-05-05 02:00'), '09:30')).toBe(at('2026-05-05 09:30'));
    expect(offHoursReplyDue(shanghaiOffice, at('2026-05-05 09:00'), '09:30')).toBe(at('2026-05-05 09:30'));
    expect(offHoursReplyDue(shanghaiOffice, at('2026-05-05 10:00'), '09:30')).toBeNull();
  });

  it('keeps chat service open on public holidays (seed 001: 不限工作日和节假日)', () => {
    expect(isServiceTime(shanghaiOffice, at('2025-10-01 10:00'))).toBe(true);
    expect(isWorkingTime(shanghaiOffice, at('2025-10-01 10:00'))).toBe(false);
  });

  it('"3 workdays" from the afternoon before National Day 2025 lands on the 调休 Saturday 10-11', () => {
    const due = addBusinessDuration(shanghaiOffice, at('2025-09-30 15:00'), { unit: 'workdays', amount: 3 });
    // 10-01 … 10-08 are holidays; 10-09 (Thu), 10-10 (Fri) and the make-up Saturday 10-11 are the three workdays.
    expect(due).toBe(at('2025-10-11 15:00'));
  });

  it('"3 workdays" from the afternoon before National Day 2026 lands on the 调休 Saturday 10-10', () => {
    const due = addBusinessDuration(shanghaiOffice, at('2026-09-30 15:00'), { unit: 'workdays', amount: 3 });
    expect(due).toBe(at('2026-10-10 15:00'));
  });

  it('a message at 18:05 on a Friday counts for the next workday and is due by 12:00 that day', () => {
    expect(consultationDue(shanghaiOffice, at('2026-05-15 18:05'))).toEqual({
      countsFor: '2026-05-18',
      dueAt: at('2026-05-18 12:00'),
    });
    // Friday 2025-09-26 is followed by the make-up Sunday 09-28: that is the next workday.
    expect(consultationDue(shanghaiOffice, at('2025-09-26 18:05'))).toEqual({
      countsFor: '2025-09-28',
      dueAt: at('2025-09-28 12:00'),
    });
  });

  it('a message before 18:00 on a workday counts for that day and is due when work ends', () => {
    expect(consultationDue(shanghaiOffice, at('2026-05-15 17:59'))).toEqual({
      countsFor: '2026-05-15',
      dueAt: at('2026-05-15 18:00'),
    });
    // A night message after midnight: due by 12:00 of that workday (晚上的留言第二个工作日12点之前).
    expect(consultationDue(shanghaiOffice, at('2026-05-19 02:00'))).toEqual({
      countsFor: '2026-05-19',
      dueAt: at('2026-05-19 12:00'),
    });
    // Saturday morning and holiday messages count for the next workday.
    expect(consultationDue(shanghaiOffice, at('2026-05-16 10:00')).dueAt).toBe(at('2026-05-18 12:00'));
    expect(consultationDue(shanghaiOffice, at('2025-10-03 10:00')).dueAt).toBe(at('2025-10-09 12:00'));
  });
});

describe('workdays', () => {
  it('holidays beat weekdays, make-up days beat weekends', () => {
    expect(isWorkday(shanghaiOffice, '2025-09-30')).toBe(true);
    expect(isWorkday(shanghaiOffice, '2025-10-08')).toBe(false); // Wednesday, holiday
    expect(isWorkday(shanghaiOffice, '2025-10-11')).toBe(true); // Saturday, 调休
    expect(isWorkday(shanghaiOffice, '2025-10-12')).toBe(false); // Sunday
    expect(nextWorkday(shanghaiOffice, '2025-09-30')).toBe('2025-10-09');
    expect(nextWorkday(shanghaiOffice, '2025-09-30', 3)).toBe('2025-10-11');
  });

  it('gives a make-up day the hours of a normal workday', () => {
    expect(isWorkingTime(shanghaiOffice, at('2025-10-11 09:00'))).toBe(true);
    expect(isWorkingTime(shanghaiOffice, at('2025-10-11 18:00'))).toBe(false);
    expect(workingTimeBetween(shanghaiOffice, at('2025-10-11 00:00'), at('2025-10-12 00:00'))).toBe(
      9 * hourMs,
    );
  });

  it('counts three full workdays from outside working hours: Friday 19:00 and Monday 08:00 → Wednesday 18:00', () => {
    expect(addWorkdays(shanghaiOffice, at('2026-05-15 19:00'), 3)).toBe(at('2026-05-20 18:00'));
    expect(addWorkdays(shanghaiOffice, at('2026-05-18 08:00'), 3)).toBe(at('2026-05-20 18:00'));
    expect(addWorkdays(shanghaiOffice, at('2026-05-18 09:00'), 3)).toBe(at('2026-05-20 18:00'));
    expect(addWorkdays(shanghaiOffice, at('2026-05-19 15:00'), 3)).toBe(at('2026-05-22 15:00'));
  });

  it('clamps to the end of a shorter target day', () => {
    const shortFriday: BusinessCalendar = {
      ...shanghaiOffice,
      workingHours: [
        [],
        ...Array(4).fill([{ start: '09:00', end: '18:00' }]),
        [{ start: '09:00', end: '12:00' }],
        [],
      ],
    };
    expect(addWorkdays(shortFriday, at('2026-05-14 16:00'), 1)).toBe(at('2026-05-15 12:00'));
    expect(addWorkdays(shortFriday, at('2026-05-14 11:00'), 1)).toBe(at('2026-05-15 11:00'));
  });
});

describe('working time', () => {
  it('a budget that runs out exactly at closing time is due at closing, not at the next opening', () => {
    expect(addWorkingTime(shanghaiOffice, at('2026-05-15 14:00'), 4 * hourMs)).toBe(at('2026-05-15 18:00'));
    expect(addWorkingTime(shanghaiOffice, at('2026-05-15 14:00'), 5 * hourMs)).toBe(at('2026-05-18 10:00'));
    expect(nextWorkingTime(shanghaiOffice, at('2026-05-15 18:00'))).toBe(at('2026-05-18 09:00'));
  });

  it('walks several spans a day (09:00–12:00, 13:30–18:00)', () => {
    const lunchBreak: BusinessCalendar = {
      ...shanghaiOffice,
      workingHours: mondayToFriday([
        { start: '13:30', end: '18:00' },
        { start: '09:00', end: '12:00' },
      ]),
    };
    expect(
      addBusinessDuration(lunchBreak, at('2026-05-18 11:00'), { unit: 'business_minutes', amount: 240 }),
    ).toBe(at('2026-05-18 16:30'));
    expect(workingTimeBetween(lunchBreak, at('2026-05-18 00:00'), at('2026-05-19 00:00'))).toBe(7.5 * hourMs);
    expect(isWorkingTime(lunchBreak, at('2026-05-18 12:30'))).toBe(false);
  });

  it('walks spans that cross midnight (20:00–02:00) and charges them to the day they start on', () => {
    const nights: BusinessCalendar = {
      ...shanghaiOffice,
      workingHours: mondayToFriday([{ start: '20:00', end: '02:00' }]),
    };
    expect(addWorkingTime(nights, at('2026-05-18 23:00'), 5 * hourMs)).toBe(at('2026-05-19 22:00'));
    // Friday night runs into Saturday; Saturday night is off.
    expect(isWorkingTime(nights, at('2026-05-23 01:00'))).toBe(true);
    expect(isWorkingTime(nights, at('2026-05-24 01:00'))).toBe(false);
    // A holiday on the Monday removes Monday night, including its part after midnight.
    const holidayMonday = { ...nights, holidays: ['2026-05-18'] };
    expect(isWorkingTime(holidayMonday, at('2026-05-19 01:00'))).toBe(false);
  });

  it('follows the wall clock across DST in New York', () => {
    const newYork: BusinessCalendar = { ...shanghaiOffice, timeZone: 'America/New_York', holidays: [] };
    const ny = (reading: string) => at(reading, 'America/New_York');
    // Friday 16:00 EST + 4 business hours = Monday 11:00 EDT (the clocks went forward on Sunday 2026-03-08).
    expect(addWorkingTime(newYork, ny('2026-03-06 16:00'), 4 * hourMs)).toBe(ny('2026-03-09 11:00'));
    expect(ny('2026-03-09 11:00') - ny('2026-03-06 16:00')).toBe(66 * hourMs);
    // A night shift across the change is an hour short in spring and an hour long in autumn.
    const nightShift = { ...newYork, workingHours: everyDay([{ start: '22:00', end: '06:00' }]) };
    expect(workingTimeBetween(nightShift, ny('2026-03-07 12:00'), ny('2026-03-08 12:00'))).toBe(7 * hourMs);
    expect(workingTimeBetween(nightShift, ny('2026-10-31 12:00'), ny('2026-11-01 12:00'))).toBe(9 * hourMs);
  });

  it('says when a calendar has no working time at all instead of looping', () => {
    const never: BusinessCalendar = { ...shanghaiOffice, workingHours: everyDay([]) };
    expect(() => addWorkingTime(never, at('2026-05-18 10:00'), hourMs)).toThrow(/no working hours/);
    expect(workingTimeBetween(never, at('2026-05-18 10:00'), at('2026-06-18 10:00'))).toBe(0);
  });

  it('skips a holiday on the only working weekday and finds the next week (found by the property test)', () => {
    // Only Tuesdays are worked; Tuesday 2027-09-21 is a holiday, so nine empty days pass before 09-28.
    const tuesdays: BusinessCalendar = {
      ...shanghaiOffice,
      workingHours: [[], [], [{ start: '09:00', end: '18:00' }], [], [], [], []],
      holidays: ['2027-09-21'],
      makeupWorkdays: [],
    };
    expect(addWorkingTime(tuesdays, at('2027-09-15 10:00'), hourMs)).toBe(at('2027-09-28 10:00'));
  });

  it('rejects malformed settings and amounts', () => {
    const bad = { ...shanghaiOffice, workingHours: mondayToFriday([{ start: '9:00', end: '18:00' }]) };
    expect(() => isWorkingTime(bad, 0)).toThrow(/workingHours\[1\]\.start/);
    expect(() => isWorkday(shanghaiOffice, '2026-02-30')).toThrow(RangeError);
    expect(() => addWorkingTime(shanghaiOffice, 0, -1)).toThrow(RangeError);
    expect(() => addWorkdays(shanghaiOffice, 0, 1.5)).toThrow(RangeError);
    expect(() => isWorkingTime({ ...shanghaiOffice, timeZone: 'Mars/Olympus' }, 0)).toThrow(RangeError);
  });
});

describe('service hours', () => {
  it('next opening is today 09:00 before opening, tomorrow 09:00 once open', () => {
    expect(nextServiceOpening(shanghaiOffice, at('2026-05-05 02:00'))).toBe(at('2026-05-05 09:00'));
    expect(nextServiceOpening(shanghaiOffice, at('2026-05-05 09:00'))).toBe(at('2026-05-05 09:00'));
    expect(nextServiceOpening(shanghaiOffice, at('2026-05-05 10:00'))).toBe(at('2026-05-06 09:00'));
  });

  it('around-the-clock service never opens and has no off-hours deadline', () => {
    const allDay = { ...shanghaiOffice, serviceHours: everyDay([{ start: '00:00', end: '24:00' }]) };
    expect(nextServiceOpening(allDay, at('2026-05-05 03:00'))).toBe(at('2026-05-05 03:00'));
    expect(offHoursReplyDue(allDay, at('2026-05-05 03:00'), '09:30')).toBeNull();
  });
});

describe('the business-time module', () => {
  it('never calls a local-time Date method or reads the clock', () => {
    const source = readFileSync(new URL('./business-time.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(
      /\.(get|set)(FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds|TimezoneOffset|Year)\(|Date\.now\(|toLocale|new Date\(/,
    );
  });
});
