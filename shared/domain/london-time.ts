/**
 * Deadlines in Europe/London wall-clock time, from stored instants, so they are right across
 * restarts and the spring and autumn clock changes (a "day" is a calendar day in London, which is
 * 23 or 25 hours long on the days the clocks change).
 */
import { formatDay } from './dates';

const TZ = 'Europe/London';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

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
  const map = Object.fromEntries(partsFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(map.year),
    month: Number(map.month),
    day: Number(map.day),
    hour: Number(map.hour),
    minute: Number(map.minute),
    second: Number(map.second),
    millisecond: instant.getUTCMilliseconds(),
  };
}

/** Minutes London is ahead of UTC at an instant (0 in winter, 60 in summer). */
export function londonOffsetMinutes(instant: Date): number {
  const p = londonParts(instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/**
 * The instant London's clocks show this wall-clock time. A time skipped by the spring change is
 * moved forward by the hour; a time that happens twice in autumn resolves to the first.
 */
export function fromLondonParts(p: LocalParts): Date {
  const naive = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  // London is UTC+0 or UTC+1, so the instant is one of these two; both match in the repeated hour.
  const candidates = [new Date(naive - 60 * 60_000), new Date(naive)].filter((d) => {
    const q = londonParts(d);
    return q.hour === p.hour && q.minute === p.minute && q.day === p.day;
  });
  if (candidates.length) return candidates[0]!;
  // In the spring gap: one hour later than the naive reading.
  return new Date(naive - (londonOffsetMinutes(new Date(naive)) - 60) * 60_000);
}

/** The same London wall-clock time `days` calendar days later. */
export function addLondonDays(instant: Date, days: number): Date {
  const p = londonParts(instant);
  const shifted = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return fromLondonParts({ ...p, year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() });
}

/** Whole London calendar days from `from` to `to` (0 on the same day). */
export function londonDaysBetween(from: Date, to: Date): number {
  const a = londonParts(from);
  const b = londonParts(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** The London date (yyyy-mm-dd) of an instant. */
export function londonDate(instant: Date): string {
  const p = londonParts(instant);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Long date for people, like "29 March 2026". */
export function formatLondonDate(instant: Date): string {
  return formatDay(londonDate(instant));
}
