// The period chooser of the metrics pages: natural day / week / month of a picked day, or a custom range, starting on
// the shop's today (not the browser's).
import { DatePicker, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocalDate } from '@shared/business-time.js';
import { toZonedParts } from '@shared/zoned-time.js';
import { useAuthenticatedSession } from '../hooks/use-session';

export type Period = 'day' | 'week' | 'month' | 'range';

export function PeriodPicker<P extends Period>({
  periods,
  period,
  onPeriod,
  day,
  onDay,
  range,
  onRange,
  testId,
}: {
  periods: readonly P[];
  period: P;
  onPeriod: (period: P) => void;
  day: Dayjs;
  onDay: (day: Dayjs) => void;
  range: [Dayjs, Dayjs];
  onRange: (range: [Dayjs, Dayjs]) => void;
  /** prefix of the test ids: <prefix>-period, -range, -day */
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Segmented<P>
        value={period}
        onChange={onPeriod}
        options={periods.map((value) => ({ value, label: t(`metrics.periods.${value}`) }))}
        data-testid={`${testId}-period`}
      />
      {period === 'range' ? (
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          onChange={(values) => {
            if (values?.[0] && values[1]) onRange([values[0], values[1]]);
          }}
          data-testid={`${testId}-range`}
        />
      ) : (
        <DatePicker
          value={day}
          allowClear={false}
          picker={period === 'day' ? 'date' : (period as Exclude<Period, 'day' | 'range'>)}
          onChange={(value) => {
            if (value) onDay(value);
          }}
          data-testid={`${testId}-day`}
        />
      )}
    </>
  );
}

/** Today in the shop's time zone, as a date-only Dayjs: late at night in UTC it is already tomorrow in Shanghai. */
export function useShopToday(): Dayjs {
  const timeZone = useAuthenticatedSession().shop.timezone;
  const [today] = useState(() => dayjs(formatLocalDate(toZonedParts(Date.now(), timeZone))));
  return today;
}

/**
 * The state behind a PeriodPicker and the query it gives: starts on the shop's today (a day, week or month) or on the
 * last `rangeDays` days ending today, unless a from/to pair (YYYY-MM-DD, e.g. from a link) says otherwise.
 */
export function usePeriodState<P extends Period>(options: {
  periods: readonly P[];
  initial: P;
  rangeDays: number;
  from?: string | null;
  to?: string | null;
}) {
  const today = useShopToday();
  const [period, setPeriod] = useState<P>(options.initial);
  const [day, setDay] = useState<Dayjs>(options.from ? dayjs(options.from) : today);
  const [range, setRange] = useState<[Dayjs, Dayjs]>(
    options.from && options.to
      ? [dayjs(options.from), dayjs(options.to)]
      : [today.subtract(options.rangeDays - 1, 'day'), today],
  );
  const query: { period: P; from: string; to?: string } =
    period === 'range'
      ? { period, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }
      : { period, from: day.format('YYYY-MM-DD') };
  const picker = {
    periods: options.periods,
    period,
    onPeriod: setPeriod,
    day,
    onDay: setDay,
    range,
    onRange: setRange,
  };
  return { query, picker };
}
