import { londonParts } from './london-time';

/**
 * Pharmacy profiles and the Profile Manager handoff (seed 002, "Profile Manager launch").
 * Domain rules only; the screens are issue 10's remaining work.
 */

/** "one of the five pharmacy service types" that Profile Manager updates. */
export const PROFILE_MANAGER_SERVICE_TYPES = [
  'Pharmacy Urgent Medicines Supply',
  'Pharmacy',
  'Pharmacy Distance Selling',
  'Integrated Urgent Care (IUC) Pharmacy Clinical Assessment',
  'Pharmacy Enhanced',
] as const;

/** ODS codes for pharmacies: letters and digits; Profile Manager matches on the first 5 characters. */
export function isOdsCode(value: string): boolean {
  return /^[A-Z0-9]{5,10}$/.test(value.trim().toUpperCase());
}

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
  const [y, m, d] = lastChecked.split('-').map(Number);
  const first = new Date(Date.UTC(y!, m! - 1 + CHECK_EVERY_MONTHS, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(d!, lastDay)).padStart(2, '0')}`;
}

/**
 * In hours is Monday to Friday, 8am to 5pm (London time), not a bank holiday. In hours the
 * contractor goes to the NHS website service desk; out of hours the on-call DoS support acts.
 */
export function isInHours(instant: Date, bankHolidays: ReadonlySet<string>): boolean {
  const p = londonParts(instant);
  const date = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  if (weekday === 0 || weekday === 6 || bankHolidays.has(date)) return false;
  return p.hour >= 8 && p.hour < 17;
}

/** The NHS website service desk, from the guidance. */
export const NHS_WEBSITE_SERVICE_DESK = {
  email: 'nhswebsite.servicedesk@nhs.net',
  ticket: 'https://www.nhs.uk/contact-us/nhs-website-contact-us/',
  onCallPhone: '0300 0200 363',
};
