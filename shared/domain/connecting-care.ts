/**
 * Connecting Care user management (seed 003, "Guide for authorisers").
 */
import { addCalendarDays, calendarWeekday } from './london-time';

export type CcRequestType = 'new-user' | 'amendment' | 'deletion';

/** The word in the service-desk email title for each request type. */
export const TITLE_WORD: Record<CcRequestType, 'starter' | 'change' | 'leaver'> = {
  'new-user': 'starter',
  amendment: 'change',
  deletion: 'leaver',
};

/** "Connecting Care (leaver/starter/change– delete as appropriate) Full name of user." */
export function serviceDeskSubject(type: CcRequestType, fullName: string): string {
  return `Connecting Care (${TITLE_WORD[type]}) ${fullName.trim().replace(/\s+/g, ' ')}`;
}

/** The guide's words when a secondary purpose is asked for. */
export const SECONDARY_PURPOSE_STOP =
  'Connecting Care is currently only for direct care purposes, therefore no secondary uses of the information is permitted at this time. Please inform the person that this is not permitted and do not process their application further.';

/** Section 7: each responsibility as a statement the authoriser confirms. */
export const ATTESTATIONS = [
  {
    id: 'role',
    text: 'I have reviewed the roles available in the portal and the role requested is the most appropriate for this user: the personal data it gives access to is not excessive.',
  },
  {
    id: 'own-records',
    text: "I have told the user that they cannot use the system to look at their own or colleagues' information regardless of motive, and that this would be investigated as inappropriate use.",
  },
  { id: 'ig-training', text: 'My organisation has ongoing Information Governance training for all Connecting Care users.' },
  {
    id: 'finishing-date',
    text: 'For temporary staff I have given an accurate current finishing date (it can be amended if they are extended).',
  },
  { id: 'no-secondary', text: 'The user does not intend to use their access to Connecting Care for a secondary purpose such as research.' },
  {
    id: 'prompt-changes',
    text: 'I will inform the Connecting Care team as soon as possible of any changes needed, including when access is no longer required or the user has left, and I will not delay their deletion.',
  },
] as const;
export type AttestationId = (typeof ATTESTATIONS)[number]['id'];

export const LEAVER_REMINDER = 'Where a user has left the organisation, it is your responsibility to not delay the deletion process.';

export const BACK_OFFICE_TARGET_DAYS = 5;

export const CC_HELP = {
  reactivation: 'Staff members can ask for their account to be reactivated by contacting their local service desk.',
  requestIssues:
    'For issues with requests you have submitted, contact your local service desk first: they will follow up with the SCWCSU service desk.',
  processEmail: 'connectingcare.info@nhs.net',
  processQuestions:
    'For questions about the process and your role in it, or problems completing the form, contact connectingcare.info@nhs.net.',
};

// ---- Licences ---------------------------------------------------------------------------

export interface AllocationCheck {
  used: number;
  afterRequest: number;
  allocation: number;
  /** At or over the warning level once this request is counted. */
  approaching: boolean;
  /** Over the allocation once this request is counted: the authoriser must confirm. */
  over: boolean;
}

/**
 * A new user takes a licence. Warn when the organisation reaches `warnPercent` of its allocation
 * (90% by default) and require confirmation to go over it.
 */
export function checkAllocation(used: number, allocation: number, warnPercent: number): AllocationCheck {
  const afterRequest = used + 1;
  return {
    used,
    afterRequest,
    allocation,
    approaching: allocation > 0 ? afterRequest * 100 >= allocation * warnPercent : true,
    over: afterRequest > allocation,
  };
}

/** The allocation year a date falls in, as "2026/27", for a year starting in `startMonth` (4 = April). */
export function allocationYear(isoDate: string, startMonth: number): string {
  const [y, m] = isoDate.split('-').map(Number);
  const first = m! >= startMonth ? y! : y! - 1;
  return startMonth === 1 ? String(first) : `${first}/${String((first + 1) % 100).padStart(2, '0')}`;
}

// ---- The 5-day target -------------------------------------------------------------------

/**
 * The date a request should be actioned by: 5 days after the back office received it. The time at
 * the local service desk does not count. In working days, weekends and the given bank holidays are
 * skipped; in calendar days they are not.
 */
export function actionDueDate(
  receivedOn: string,
  unit: 'working-days' | 'calendar-days',
  bankHolidays: ReadonlySet<string>,
  days = BACK_OFFICE_TARGET_DAYS,
): string {
  if (unit === 'calendar-days') return addCalendarDays(receivedOn, days);
  let day = receivedOn;
  let left = days;
  while (left > 0) {
    day = addCalendarDays(day, 1);
    const weekday = calendarWeekday(day);
    if (weekday !== 0 && weekday !== 6 && !bankHolidays.has(day)) left--;
  }
  return day;
}

/** Overdue once the due date has passed without the request being actioned. */
export function isActionOverdue(dueDate: string, actionedOn: string | null, today: string): boolean {
  return actionedOn ? actionedOn > dueDate : today > dueDate;
}
