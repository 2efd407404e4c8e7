import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addCalendarMonths,
  addLondonDays,
  calendarDaysBetween,
  calendarWeekday,
  formatLondonDate,
  formatLondonDateTime,
  formatLondonTime,
  formatLondonTimestamp,
  fromLondonParts,
  londonDate,
  londonDaysBetween,
  londonOffsetMinutes,
  londonToday,
  startOfCalendarWeek,
} from '../../../shared/domain/london-time';

describe('London time', () => {
  it('knows the offset in winter and summer', () => {
    expect(londonOffsetMinutes(new Date('2026-01-15T12:00:00Z'))).toBe(0);
    expect(londonOffsetMinutes(new Date('2026-07-15T12:00:00Z'))).toBe(60);
  });

  it('adds calendar days across the spring change (29 March 2026), keeping the wall-clock time', () => {
    const registered = new Date('2026-03-01T10:00:00Z'); // 10:00 GMT
    const due = addLondonDays(registered, 28);
    expect(due.toISOString()).toBe('2026-03-29T09:00:00.000Z'); // 10:00 BST
    expect(due.getTime() - registered.getTime()).toBe((28 * 24 - 1) * 3_600_000);
  });

  it('adds calendar days across the autumn change (25 October 2026)', () => {
    const start = new Date('2026-10-01T09:00:00Z'); // 10:00 BST
    expect(addLondonDays(start, 28).toISOString()).toBe('2026-10-29T10:00:00.000Z'); // 10:00 GMT
  });

  it('moves a time in the spring gap forward, and picks the first of a repeated autumn hour', () => {
    expect(fromLondonParts({ year: 2026, month: 3, day: 29, hour: 1, minute: 30, second: 0, millisecond: 0 }).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(fromLondonParts({ year: 2026, month: 10, day: 25, hour: 1, minute: 30, second: 0, millisecond: 0 }).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('counts London calendar days and dates near midnight', () => {
    expect(londonDaysBetween(new Date('2026-06-01T22:30:00Z'), new Date('2026-06-01T23:30:00Z'))).toBe(1); // 23:30 → 00:30 BST
    expect(londonDate(new Date('2026-06-01T23:30:00Z'))).toBe('2026-06-02');
  });
});

describe('London calendar', () => {
  it("takes today's date from London's clock, not UTC", () => {
    // 23:30 UTC on 1 June is 00:30 BST on 2 June.
    expect(londonToday(new Date('2026-06-01T23:30:00Z'))).toBe('2026-06-02');
    expect(londonToday(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-01');
  });

  it('adds days and months to calendar dates, across month ends, leap days and clock changes', () => {
    expect(addCalendarDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addCalendarDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addCalendarDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addCalendarDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addCalendarDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(calendarDaysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(calendarDaysBetween('2026-04-01', '2026-03-01')).toBe(-31);
    expect(calendarWeekday('2026-03-29')).toBe(0);
    expect(startOfCalendarWeek('2026-03-29')).toBe('2026-03-23');
    expect(startOfCalendarWeek('2026-03-23')).toBe('2026-03-23');
  });

  it('writes instants as the screens always have (what Intl en-GB in London wrote)', () => {
    const intl = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', ...options });
    const long = intl({ day: 'numeric', month: 'long', year: 'numeric' });
    const medium = intl({ dateStyle: 'medium', timeStyle: 'short' });
    const mediumSeconds = intl({ dateStyle: 'medium', timeStyle: 'medium' });
    const time = intl({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    for (let month = 0; month < 12; month++) {
      for (const iso of [
        `2026-${String(month + 1).padStart(2, '0')}-01T23:30:05Z`,
        `2026-${String(month + 1).padStart(2, '0')}-09T08:05:00Z`,
      ]) {
        const at = new Date(iso);
        expect(formatLondonDate(at)).toBe(long.format(at));
        expect(formatLondonTime(at)).toBe(time.format(at));
        expect(formatLondonTimestamp(at)).toBe(medium.format(at));
        expect(formatLondonTimestamp(at, { seconds: true })).toBe(mediumSeconds.format(at));
        expect(formatLondonDateTime(at)).toBe(intl({ dateStyle: 'long', timeStyle: 'short' }).format(at));
      }
    }
  });

  it('writes an instant with its weekday, in London', () => {
    const at = new Date('2026-11-21T02:10:00Z');
    expect(formatLondonDateTime(at, { weekday: true })).toBe('Saturday 21 November 2026 at 02:10');
    expect(formatLondonDate(new Date('2026-06-01T23:30:00Z'), { weekday: true })).toBe('Tuesday 2 June 2026');
  });
});
