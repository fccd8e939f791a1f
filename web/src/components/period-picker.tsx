// The period chooser of the metrics pages: natural day / week / month of a picked day, or a custom range.
import { DatePicker, Segmented } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

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
