import { describe, expect, it } from 'vitest';
import { formatDay, parseDate } from '../../../shared/domain/london-time';

describe('dates for people', () => {
  it('writes a calendar date the NHS way, with the weekday when asked', () => {
    expect(formatDay('2026-12-25')).toBe('25 December 2026');
    expect(formatDay('2026-12-25', { weekday: true })).toBe('Friday 25 December 2026');
    expect(formatDay('2027-03-01')).toBe('1 March 2027');
    // The day does not move with the computer's time zone or a clock change.
    expect(formatDay('2026-03-29', { weekday: true })).toBe('Sunday 29 March 2026');
    expect(formatDay('2026-10-25', { weekday: true })).toBe('Sunday 25 October 2026');
  });

  it('leaves text that is not a real yyyy-mm-dd date as it is', () => {
    for (const text of ['', '2026-02-30', '25/12/2026', 'tomorrow', '2026-12-25T10:00:00Z']) expect(formatDay(text)).toBe(text);
  });

  it('reads dates as DoS reports write them, and refuses dates that do not exist', () => {
    expect(parseDate('25/12/2026')).toBe('2026-12-25');
    expect(parseDate(' 2026-12-25 ')).toBe('2026-12-25');
    expect(parseDate('29/02/2027')).toBeNull();
    expect(parseDate('2026-13-01')).toBeNull();
  });
});
