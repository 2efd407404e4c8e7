import { describe, expect, it } from 'vitest';
import { addLondonDays, fromLondonParts, londonDate, londonDaysBetween, londonOffsetMinutes } from '../../../shared/domain/london-time';

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
