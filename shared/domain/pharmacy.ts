import { addCalendarDays, addCalendarMonths, calendarWeekday, londonDate, londonParts } from './london-time';

/** Pharmacy profiles and the Profile Manager handoff (seed 002, "Profile Manager launch"). */

/** "one of the five pharmacy service types" that Profile Manager updates. */
export const PROFILE_MANAGER_SERVICE_TYPES = [
  'Pharmacy Urgent Medicines Supply',
  'Pharmacy',
  'Pharmacy Distance Selling',
  'Integrated Urgent Care (IUC) Pharmacy Clinical Assessment',
  'Pharmacy Enhanced',
] as const;

/**
 * The DoS entries a profile's update reaches: "every DoS entry with the same ODS (first 5 digits)
 * and one of the five pharmacy service types".
 */
export function linkedEntries<T extends { odsCode: string; serviceType: string }>(profileOds: string, entries: readonly T[]): T[] {
  const prefix = profileOds.trim().toUpperCase().slice(0, 5);
  if (prefix.length < 5) return [];
  return entries.filter(
    (e) =>
      e.odsCode.trim().toUpperCase().slice(0, 5) === prefix && (PROFILE_MANAGER_SERVICE_TYPES as readonly string[]).includes(e.serviceType),
  );
}

/** "check, and update if needed, every quarter (3 months)". */
export const CHECK_EVERY_MONTHS = 3;

/** The date the next quarterly check is due (3 calendar months after the last, clamped to month end). */
export function nextCheckDue(lastChecked: string): string {
  return addCalendarMonths(lastChecked, CHECK_EVERY_MONTHS);
}

/** A check is "due" in the 14 days before its date, and overdue the day after. */
export const DUE_SOON_DAYS = 14;

export type CheckState = 'overdue' | 'due' | 'up-to-date';

/** Where a profile stands on its quarterly check, on a London date (yyyy-mm-dd). */
export function checkState(nextDue: string, today: string): CheckState {
  if (today > nextDue) return 'overdue';
  return today >= addCalendarDays(nextDue, -DUE_SOON_DAYS) ? 'due' : 'up-to-date';
}

/**
 * The next check date for a profile: 3 months after the last check, or, for a profile never
 * checked, the day it was added (so it shows as due at once).
 */
export function profileNextCheck(lastCheckedOn: string | null, addedOn: string): string {
  return lastCheckedOn ? nextCheckDue(lastCheckedOn) : addedOn;
}

export type HoursOverride = 'none' | 'in-hours' | 'out-of-hours';

/** In or out of hours as decided from the clock and bank holidays, unless the person overrode it. */
export function decideHours(
  instant: Date,
  bankHolidays: ReadonlySet<string>,
  override: HoursOverride,
): { inHours: boolean; overridden: boolean } {
  const byClock = isInHours(instant, bankHolidays);
  if (override === 'none') return { inHours: byClock, overridden: false };
  const inHours = override === 'in-hours';
  return { inHours, overridden: inHours !== byClock };
}

/** The Profile Manager sign-in page the contractor is directed to first. */
export const PROFILE_MANAGER_URL = 'https://organisation.nhswebsite.nhs.uk/sign-in';

/** The guidance's two ways to keep reduced hours on a clinical entry from being overwritten. */
export const REDUCED_HOURS_ADVICE = [
  "Change the entry's ODS code so that it is not linked (it then cannot be checked using Profile Manager).",
  'Use a different service type, if ranking is not affected by the profiling.',
] as const;

/**
 * In hours is Monday to Friday, 8am to 5pm (London time), not a bank holiday. In hours the
 * contractor goes to the NHS website service desk; out of hours the on-call DoS support acts.
 */
export function isInHours(instant: Date, bankHolidays: ReadonlySet<string>): boolean {
  const date = londonDate(instant);
  const weekday = calendarWeekday(date);
  if (weekday === 0 || weekday === 6 || bankHolidays.has(date)) return false;
  const { hour } = londonParts(instant);
  return hour >= 8 && hour < 17;
}

/** The NHS website service desk, from the guidance. */
export const NHS_WEBSITE_SERVICE_DESK = {
  email: 'nhswebsite.servicedesk@nhs.net',
  ticket: 'https://www.nhs.uk/contact-us/nhs-website-contact-us/',
  onCallPhone: '0300 0200 363',
};
