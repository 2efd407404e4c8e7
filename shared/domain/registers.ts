import { addCalendarMonths, calendarDaysBetween, londonDate } from './london-time';

/**
 * The registers the DoS guidance asks leads to keep (seed 000, "Deleting DoS accounts" and
 * "Someone making emergency changes"). All deadlines are computed from stored dates and instants.
 */

// ---- Temporary accounts -------------------------------------------------------------------

/** Reminders before a temporary account's review date: 14 days, 1 day, and on the day. */
export type ReminderStage = '14-days' | '1-day' | 'due';

/** Whole London days from today until the review date (negative once it has passed). */
export function daysUntilReview(reviewDate: string, now: Date): number {
  return calendarDaysBetween(londonDate(now), reviewDate);
}

/** Due for review from the review date itself (London time) onwards. */
export function isReviewDue(reviewDate: string, now: Date): boolean {
  return daysUntilReview(reviewDate, now) <= 0;
}

/** The latest reminder that applies now, or null when the review is more than 14 days away. */
export function reminderStage(reviewDate: string, now: Date): ReminderStage | null {
  const days = daysUntilReview(reviewDate, now);
  if (days <= 0) return 'due';
  if (days <= 1) return '1-day';
  if (days <= 14) return '14-days';
  return null;
}

// ---- Inactive accounts --------------------------------------------------------------------

/** "Accounts where users have not logged in for more than 6 months will be deleted by the Live Services and Operations Team." */
export const INACTIVE_MONTHS = 6;
/** Leads are warned this many days before an account crosses the 6-month line. */
export const INACTIVE_WARNING_DAYS = 30;

/** The date 6 calendar months after the last login (the last day of a shorter month when needed). */
export function inactiveLine(lastLoginOn: string): string {
  return addCalendarMonths(lastLoginOn, INACTIVE_MONTHS);
}

export type InactiveState = 'active' | 'approaching' | 'due-for-deletion';

/**
 * `due-for-deletion` once more than 6 months have passed (the day after the line); `approaching`
 * within 30 days before it, so leads can act first.
 */
export function inactiveState(lastLoginOn: string, now: Date): InactiveState {
  const daysToLine = calendarDaysBetween(londonDate(now), inactiveLine(lastLoginOn));
  if (daysToLine < 0) return 'due-for-deletion';
  if (daysToLine <= INACTIVE_WARNING_DAYS) return 'approaching';
  return 'active';
}

// ---- Emergency changes --------------------------------------------------------------------

/** "Changes are reported to local and regional DoS teams within 24 hours of the change being made." */
export const REPORT_WITHIN_HOURS = 24;

/** 24 hours after the change, to the minute (elapsed time, whatever the clocks do). */
export function reportDeadline(madeAt: Date): Date {
  return new Date(madeAt.getTime() + REPORT_WITHIN_HOURS * 3_600_000);
}

export function isReportOverdue(madeAt: Date, reportedAt: Date | null, now: Date): boolean {
  const deadline = reportDeadline(madeAt).getTime();
  return reportedAt ? reportedAt.getTime() > deadline : now.getTime() > deadline;
}

/** "5 h 20 min left", "Overdue by 1 h 5 min". */
export function countdownText(madeAt: Date, now: Date): string {
  const ms = reportDeadline(madeAt).getTime() - now.getTime();
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const text = `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return ms >= 0 ? `${text} left` : `Overdue by ${text}`;
}
