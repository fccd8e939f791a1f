// The official PRC public-holiday and 调休 make-up-workday schedule for 2025 and 2026, as data seeded into every shop's calendar.
//
// Sources (国务院办公厅, State Council General Office):
// - 2025: 国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号 (published 2024-11-12).
// - 2026: 国务院办公厅关于2026年部分节假日安排的通知, published November 2025. Its document number is given here as
//   国办发明电〔2025〕7号 from memory and could NOT be checked against the published notice; nor could any 2026 date
//   below, which were written from memory of that notice (no network access while this was written). Every date's
//   weekday is checked by prc-holidays.test.ts (make-up days fall on weekends, festival days are where the lunar
//   calendar puts them), but an administrator should compare the 2026 list with the notice and correct it in the
//   calendar settings page if needed.
import { formatLocalDate, parseLocalDate } from '../../shared/business-time.js';
import { addZonedDays } from '../../shared/zoned-time.js';

export interface PrcCalendarDay {
  /** 'YYYY-MM-DD', Asia/Shanghai. */
  date: string;
  kind: 'holiday' | 'makeup_workday';
  /** zh-CN name as the notice gives it. */
  name: string;
}

export interface PrcHolidayNotice {
  year: number;
  source: string;
  days: readonly PrcCalendarDay[];
}

function range(name: string, first: string, last: string): PrcCalendarDay[] {
  const days: PrcCalendarDay[] = [];
  for (let date = parseLocalDate(first); ; date = addZonedDays(date, 1)) {
    days.push({ date: formatLocalDate(date), kind: 'holiday', name });
    if (formatLocalDate(date) === last) return days;
  }
}

function makeup(name: string, date: string): PrcCalendarDay {
  return { date, kind: 'makeup_workday', name: `${name}调休上班` };
}

export const prcHolidayNotices: readonly PrcHolidayNotice[] = [
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    days: [
      ...range('元旦', '2025-01-01', '2025-01-01'),
      makeup('春节', '2025-01-26'),
      ...range('春节', '2025-01-28', '2025-02-04'),
      makeup('春节', '2025-02-08'),
      ...range('清明节', '2025-04-04', '2025-04-06'),
      makeup('劳动节', '2025-04-27'),
      ...range('劳动节', '2025-05-01', '2025-05-05'),
      ...range('端午节', '2025-05-31', '2025-06-02'),
      makeup('国庆节、中秋节', '2025-09-28'),
      ...range('国庆节、中秋节', '2025-10-01', '2025-10-08'),
      makeup('国庆节、中秋节', '2025-10-11'),
    ],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号；日期未经核对，见文件头注释）',
    days: [
      ...range('元旦', '2026-01-01', '2026-01-03'),
      makeup('元旦', '2026-01-04'),
      makeup('春节', '2026-02-14'),
      ...range('春节', '2026-02-15', '2026-02-23'),
      makeup('春节', '2026-02-28'),
      ...range('清明节', '2026-04-04', '2026-04-06'),
      ...range('劳动节', '2026-05-01', '2026-05-05'),
      makeup('劳动节', '2026-05-09'),
      ...range('端午节', '2026-06-19', '2026-06-21'),
      ...range('中秋节', '2026-09-25', '2026-09-27'),
      makeup('国庆节', '2026-09-20'),
      ...range('国庆节', '2026-10-01', '2026-10-07'),
      makeup('国庆节', '2026-10-10'),
    ],
  },
];

/** Every day of every shipped notice, in date order. */
export const prcCalendarDays: readonly PrcCalendarDay[] = prcHolidayNotices
  .flatMap((notice) => notice.days)
  .sort((a, b) => a.date.localeCompare(b.date));
