import { describe, expect, it } from 'vitest';
import {
  addBusinessDuration,
  consultationDue,
  defaultBusinessCalendar,
  isWorkday,
  parseLocalDate,
  type BusinessCalendar,
} from '../../shared/business-time.js';
import { fromZonedParts, weekdayOf } from '../../shared/zoned-time.js';
import { prcCalendarDays, prcHolidayNotices } from './prc-holidays.js';

const prc: BusinessCalendar = {
  ...defaultBusinessCalendar,
  holidays: prcCalendarDays.filter((day) => day.kind === 'holiday').map((day) => day.date),
  makeupWorkdays: prcCalendarDays.filter((day) => day.kind === 'makeup_workday').map((day) => day.date),
};

function shanghai(year: number, month: number, day: number, hour: number, minute = 0): number {
  return fromZonedParts({ year, month, day, hour, minute }, 'Asia/Shanghai');
}

const daysNamed = (year: number, name: string, kind = 'holiday') =>
  prcCalendarDays
    .filter((day) => day.date.startsWith(`${year}-`) && day.name === name && day.kind === kind)
    .map((day) => day.date);

describe('PRC holiday schedule 2025–2026', () => {
  it('names its source for each year', () => {
    expect(prcHolidayNotices.map((notice) => notice.year)).toEqual([2025, 2026]);
    expect(prcHolidayNotices[0]?.source).toContain('国办发明电〔2024〕12号');
    expect(prcHolidayNotices[1]?.source).toContain('2026年部分节假日安排的通知');
  });

  it('has 28 holiday days in 2025 and 33 in 2026, with no date listed twice', () => {
    const holidays = (year: number) =>
      prcCalendarDays.filter((day) => day.kind === 'holiday' && day.date.startsWith(`${year}-`));
    expect(holidays(2025)).toHaveLength(28);
    expect(holidays(2026)).toHaveLength(33);
    expect(new Set(prcCalendarDays.map((day) => day.date)).size).toBe(prcCalendarDays.length);
  });

  it('puts every 调休 make-up workday on a Saturday or Sunday', () => {
    const makeups = prcCalendarDays.filter((day) => day.kind === 'makeup_workday');
    expect(makeups.map((day) => day.date)).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    for (const day of makeups) expect([6, 7], day.date).toContain(weekdayOf(parseLocalDate(day.date)));
  });

  it('covers the festival days themselves (Spring Festival 2025-01-29 and 2026-02-17, Mid-Autumn 2025-10-06)', () => {
    expect(daysNamed(2025, '春节')).toContain('2025-01-29');
    expect(daysNamed(2026, '春节')).toContain('2026-02-17');
    expect(daysNamed(2025, '国庆节、中秋节')).toHaveLength(8);
    expect(daysNamed(2025, '国庆节、中秋节')).toContain('2025-10-06');
    expect(daysNamed(2026, '中秋节')).toEqual(['2026-09-25', '2026-09-26', '2026-09-27']);
  });

  it('makes the National Day week off and the 调休 Saturdays workdays', () => {
    expect(isWorkday(prc, '2025-10-08')).toBe(false);
    expect(isWorkday(prc, '2025-10-11')).toBe(true);
    expect(isWorkday(prc, '2026-02-14')).toBe(true);
    expect(isWorkday(prc, '2026-02-23')).toBe(false);
  });

  it('"3 workdays" from the afternoon before National Day counts the 调休 Saturday (2025 and 2026)', () => {
    const threeWorkdays = { unit: 'workdays', amount: 3 } as const;
    expect(addBusinessDuration(prc, shanghai(2025, 9, 30, 15), threeWorkdays)).toBe(
      shanghai(2025, 10, 11, 15),
    );
    expect(addBusinessDuration(prc, shanghai(2026, 9, 30, 15), threeWorkdays)).toBe(
      shanghai(2026, 10, 10, 15),
    );
  });

  it('a message at 18:05 on the Friday before Spring Festival 2026 is due by 12:00 on the 调休 Saturday', () => {
    expect(consultationDue(prc, shanghai(2026, 2, 13, 18, 5))).toEqual({
      countsFor: '2026-02-14',
      dueAt: shanghai(2026, 2, 14, 12),
    });
  });
});
