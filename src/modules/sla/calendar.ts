// The shop's business calendar as the SLA clocks see it. TEMPORARY: until the calendar module (issue 4, branch
// issue4-calendar) provides getBusinessCalendar, the default calendar in the shop's zone with its chat hours.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { defaultBusinessCalendar, everyDay, type BusinessCalendar } from '../../shared/business-time.js';
import { getChatSettings } from '../shops/service.js';

export async function shopCalendar(db: Kysely<Database>, shopId: string): Promise<BusinessCalendar> {
  const { serviceHours } = await getChatSettings(db, shopId);
  return {
    ...defaultBusinessCalendar,
    timeZone: serviceHours.timeZone,
    serviceHours: everyDay([{ start: serviceHours.opensAt, end: serviceHours.closesAt }]),
  };
}
