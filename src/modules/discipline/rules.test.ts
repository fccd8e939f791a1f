import { describe, expect, it } from 'vitest';
import { defaultBusinessCalendar, type BusinessCalendar } from '../../shared/business-time.js';
import { dailyReportDeadline, monthOf, monthRange, pointsFor, totalOf } from './rules.js';

describe('discipline points', () => {
  it('doubles from the third repeat when the rule says so (seed 003: 3次以上加倍处罚)', () => {
    expect([1, 2, 3, 4].map((repeat) => pointsFor(5, repeat, 3))).toEqual([5, 5, 10, 10]);
    expect([1, 2, 3].map((repeat) => pointsFor(15, repeat, null))).toEqual([15, 15, 15]);
  });

  it('counts a reversal against the month total', () => {
    expect(totalOf([{ pointsTenths: 30 }, { pointsTenths: 15 }, { pointsTenths: -30 }])).toBe(15);
  });

  it("puts an entry in the shop's month, not the machine's", () => {
    const instant = Date.parse('2026-11-30T16:30:00Z'); // 2026-12-01 00:30 in Shanghai
    expect(monthOf(instant, 'Asia/Shanghai')).toBe('2026-12');
    expect(monthOf(instant, 'UTC')).toBe('2026-11');
    expect(monthRange('2026-12', 'Asia/Shanghai')).toEqual({
      start: Date.parse('2026-11-30T16:00:00Z'),
      end: Date.parse('2026-12-31T16:00:00Z'),
    });
  });
});

describe('the daily data report deadline', () => {
  it('is 10:00 of the next workday: Friday → Monday 10:00', () => {
    expect(new Date(dailyReportDeadline(defaultBusinessCalendar, '2026-11-20', 600)).toISOString()).toBe(
      '2026-11-23T02:00:00.000Z',
    );
  });

  it('skips a public holiday', () => {
    const calendar: BusinessCalendar = { ...defaultBusinessCalendar, holidays: ['2026-11-23'] };
    expect(new Date(dailyReportDeadline(calendar, '2026-11-20', 600)).toISOString()).toBe(
      '2026-11-24T02:00:00.000Z',
    );
  });
});
