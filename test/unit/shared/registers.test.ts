import { describe, expect, it } from 'vitest';
import { addCalendarMonths as addMonths } from '../../../shared/domain/london-time';
import {
  countdownText,
  daysUntilReview,
  inactiveLine,
  inactiveState,
  isReportOverdue,
  isReviewDue,
  reminderStage,
  reportDeadline,
} from '../../../shared/domain/registers';

describe('temporary account reviews', () => {
  it('are due from the review date itself, in London time', () => {
    expect(isReviewDue('2026-06-10', new Date('2026-06-09T22:59:00Z'))).toBe(false); // 23:59 BST on the 9th
    expect(isReviewDue('2026-06-10', new Date('2026-06-09T23:00:00Z'))).toBe(true); // 00:00 BST on the 10th
    expect(daysUntilReview('2026-06-10', new Date('2026-06-12T12:00:00Z'))).toBe(-2);
  });

  it('remind 14 days and 1 day before, and on the day', () => {
    const at = (d: string) => reminderStage('2026-03-30', new Date(`${d}T12:00:00Z`));
    expect(at('2026-03-15')).toBeNull();
    expect(at('2026-03-16')).toBe('14-days');
    expect(at('2026-03-28')).toBe('14-days');
    expect(at('2026-03-29')).toBe('1-day');
    expect(at('2026-03-30')).toBe('due');
    expect(at('2026-04-02')).toBe('due');
  });
});

describe('inactive accounts', () => {
  it('cross the line after more than 6 months: 6 months to the day is not yet due', () => {
    expect(inactiveLine('2026-01-15')).toBe('2026-07-15');
    expect(inactiveState('2026-01-15', new Date('2026-07-15T22:00:00Z'))).toBe('approaching'); // 23:00 BST on the 15th
    expect(inactiveState('2026-01-15', new Date('2026-07-15T23:00:00Z'))).toBe('due-for-deletion'); // 00:00 BST on the 16th
  });

  it('are flagged within 30 days of the line', () => {
    expect(inactiveState('2026-01-15', new Date('2026-06-14T12:00:00Z'))).toBe('active');
    expect(inactiveState('2026-01-15', new Date('2026-06-15T12:00:00Z'))).toBe('approaching');
  });

  it('clamp month ends', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
  });
});

describe('emergency change reports', () => {
  it('are due 24 hours after the change, to the minute, even across the clocks going forward', () => {
    const made = new Date('2026-03-28T22:30:00Z'); // 22:30 GMT, clocks go forward that night
    expect(reportDeadline(made).toISOString()).toBe('2026-03-29T22:30:00.000Z'); // 23:30 BST
    expect(isReportOverdue(made, null, new Date('2026-03-29T22:30:00Z'))).toBe(false);
    expect(isReportOverdue(made, null, new Date('2026-03-29T22:31:00Z'))).toBe(true);
    expect(isReportOverdue(made, new Date('2026-03-29T22:29:00Z'), new Date('2026-04-05T00:00:00Z'))).toBe(false);
    expect(isReportOverdue(made, new Date('2026-03-29T22:31:00Z'), new Date('2026-04-05T00:00:00Z'))).toBe(true);
  });

  it('and across the clocks going back', () => {
    const made = new Date('2026-10-24T23:00:00Z');
    expect(reportDeadline(made).toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('count down in hours and minutes', () => {
    const made = new Date('2026-05-01T10:00:00Z');
    expect(countdownText(made, new Date('2026-05-02T04:40:00Z'))).toBe('5 h 20 min left');
    expect(countdownText(made, new Date('2026-05-02T11:05:00Z'))).toBe('Overdue by 1 h 5 min');
  });
});
