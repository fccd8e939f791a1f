// The shop's business calendar as the SLA clocks see it. TEMPORARY: until the calendar module (issue 4, branch
// issue4-calendar) provides getBusinessCalendar, a default: the shop's zone, Monday–Friday 09:00–18:00 working
// hours, its chat service hours every day, no holidays.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { BusinessCalendar, DaySpan } from '../../shared/business-time.js';
import { getChatSettings } from '../shops/service.js';

export async function shopCalendar(db: Kysely<Database>, shopId: string): Promise<BusinessCalendar> {
  const { serviceHours } = await getChatSettings(db, shopId);
  const workday: DaySpan[] = [{ start: '09:00', end: '18:00' }];
  const service: DaySpan[] = [{ start: serviceHours.opensAt, end: serviceHours.closesAt }];
  return {
    timeZone: serviceHours.timeZone,
    workingHours: [[], workday, workday, workday, workday, workday, []],
    serviceHours: Array.from({ length: 7 }, () => service),
    holidays: [],
    makeupWorkdays: [],
  };
}
