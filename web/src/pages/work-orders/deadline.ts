// The date picker works in the browser's zone; a deadline is wall time in the shop's zone.
import type { Dayjs } from 'dayjs';
import { shopWallTimeToIso } from '../../rules/work-orders';

export function dayjsToIso(value: Dayjs, timeZone: string): string {
  return shopWallTimeToIso(
    {
      year: value.year(),
      month: value.month() + 1,
      day: value.date(),
      hour: value.hour(),
      minute: value.minute(),
    },
    timeZone,
  );
}
