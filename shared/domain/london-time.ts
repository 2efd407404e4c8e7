/**
 * The London calendar: every date rule and every date or time people read goes through here, on
 * `date-fns` and `@date-fns/tz`. Two kinds of value:
 * - instants (a `Date`, stored as an ISO string): read on London's wall clock, so deadlines are
 *   right across restarts and the spring and autumn clock changes (a "day" is a calendar day in
 *   London, 23 or 25 hours long on the days the clocks change);
 * - calendar dates (yyyy-mm-dd, as stored for review dates, checks and reports): days with no time
 *   of day, so they never move with a time zone.
 */
import { TZDate, tz } from '@date-fns/tz';
import { addDays, addMonths, differenceInCalendarDays, format, getDay, startOfWeek, type Locale } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';

const LONDON = 'Europe/London';
const inLondon = tz(LONDON);

/** British English as the screens have always shown it: abbreviated September is "Sept", as Intl writes it. */
const locale: Locale = {
  ...enGB,
  localize: {
    ...enGB.localize,
    month: (month, options) => (month === 8 && options?.width === 'abbreviated' ? 'Sept' : enGB.localize.month(month, options)),
  },
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

// ---- Instants on London's wall clock ------------------------------------------------------

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The London wall-clock reading at an instant. */
export function londonParts(instant: Date): LocalParts {
  const t = new TZDate(instant.getTime(), LONDON);
  return {
    year: t.getFullYear(),
    month: t.getMonth() + 1,
    day: t.getDate(),
    hour: t.getHours(),
    minute: t.getMinutes(),
    second: t.getSeconds(),
    millisecond: t.getMilliseconds(),
  };
}

/** Minutes London is ahead of UTC at an instant (0 in winter, 60 in summer). */
export function londonOffsetMinutes(instant: Date): number {
  return -new TZDate(instant.getTime(), LONDON).getTimezoneOffset();
}

/**
 * The instant London's clocks show this wall-clock time. A time skipped by the spring change is
 * moved forward by the hour; a time that happens twice in autumn resolves to the first.
 */
export function fromLondonParts(p: LocalParts): Date {
  const at = new TZDate(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond, LONDON).getTime();
  const hourBefore = londonParts(new Date(at - 3_600_000));
  const repeated = hourBefore.day === p.day && hourBefore.hour === p.hour && hourBefore.minute === p.minute;
  return new Date(repeated ? at - 3_600_000 : at);
}

/** The same London wall-clock time `days` calendar days later. */
export function addLondonDays(instant: Date, days: number): Date {
  return new Date(addDays(instant, days, { in: inLondon }).getTime());
}

/** The London date (yyyy-mm-dd) of an instant. */
export function londonDate(instant: Date): string {
  const p = londonParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Today's date in London (yyyy-mm-dd): what "today" means on every screen and in every rule. */
export function londonToday(now: Date = new Date()): string {
  return londonDate(now);
}

/** The instant a London calendar day (yyyy-mm-dd) begins: midnight, GMT or BST as the day has it. */
export function londonDayStart(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return fromLondonParts({ year: year!, month: month!, day: date!, hour: 0, minute: 0, second: 0, millisecond: 0 });
}

/** Whole London calendar days from `from` to `to` (0 on the same day). */
export function londonDaysBetween(from: Date, to: Date): number {
  return calendarDaysBetween(londonDate(from), londonDate(to));
}

// ---- Calendar dates (yyyy-mm-dd) ------------------------------------------------------------
// date-fns works on these as midnight in the computer's own calendar, which only names the day:
// the arithmetic is in whole days and months, so no zone or clock change can move the answer.

function fromDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}

function toDay(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** Reads yyyy-mm-dd or dd/mm/yyyy (as DoS reports write dates); null when it is neither or not a real date. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(t);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: .*)?$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) [y, m, d] = [Number(uk[3]), Number(uk[2]), Number(uk[1])];
  else return null;
  const date = new Date(y, m - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** The calendar date `days` days after (or before, when negative) a date. */
export function addCalendarDays(day: string, days: number): string {
  return toDay(addDays(fromDay(day), days));
}

/** Calendar months after a date, clamped to the month's last day (31 August + 6 months = 28 or 29 February). */
export function addCalendarMonths(day: string, months: number): string {
  return toDay(addMonths(fromDay(day), months));
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return differenceInCalendarDays(fromDay(to), fromDay(from));
}

/** The day of the week of a calendar date: 0 is Sunday, 6 is Saturday. */
export function calendarWeekday(day: string): number {
  return getDay(fromDay(day));
}

/** The Monday of a calendar date's week (ISO weeks start on Monday). */
export function startOfCalendarWeek(day: string): string {
  return toDay(startOfWeek(fromDay(day), { weekStartsOn: 1 }));
}

// ---- Dates and times for people -----------------------------------------------------------

/**
 * A calendar date (yyyy-mm-dd) as people read it, the NHS way: "25 December 2026", or with
 * `weekday`, "Friday 25 December 2026". Text that is not a real date is returned as it is.
 */
export function formatDay(day: string, options: { weekday?: boolean } = {}): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !parseDate(day)) return day;
  return format(fromDay(day), options.weekday ? 'EEEE d MMMM yyyy' : 'd MMMM yyyy');
}

/** An instant's London date: "29 March 2026", or with `weekday`, "Sunday 29 March 2026". */
export function formatLondonDate(instant: Date, options: { weekday?: boolean } = {}): string {
  return format(instant, options.weekday ? 'EEEE d MMMM yyyy' : 'd MMMM yyyy', { in: inLondon });
}

/** An instant's London time of day, 24-hour: "09:05". */
export function formatLondonTime(instant: Date): string {
  return format(instant, 'HH:mm', { in: inLondon });
}

/** An instant in words: "29 March 2026 at 09:05", or with `weekday`, "Sunday 29 March 2026 at 09:05". */
export function formatLondonDateTime(instant: Date, options: { weekday?: boolean } = {}): string {
  return `${formatLondonDate(instant, options)} at ${formatLondonTime(instant)}`;
}

/** An instant in a table or log, short: "29 Mar 2026, 09:05", or with `seconds`, "29 Mar 2026, 09:05:30". */
export function formatLondonTimestamp(instant: Date, options: { seconds?: boolean } = {}): string {
  return format(instant, options.seconds ? 'd MMM yyyy, HH:mm:ss' : 'd MMM yyyy, HH:mm', { in: inLondon, locale });
}
