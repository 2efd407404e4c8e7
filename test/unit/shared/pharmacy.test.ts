import { describe, expect, it } from 'vitest';
import {
  checkState,
  decideHours,
  isInHours,
  linkedEntries,
  nextCheckDue,
  profileNextCheck,
  PROFILE_MANAGER_SERVICE_TYPES,
} from '../../../shared/domain/pharmacy';

const HOLIDAYS = new Set(['2026-05-25']); // Spring bank holiday (Monday)

describe('in hours for Profile Manager help', () => {
  it.each([
    ['Friday 16:59', '2026-05-22T15:59:00Z', true],
    ['Friday 17:00', '2026-05-22T16:00:00Z', false],
    ['Monday 07:59', '2026-06-01T06:59:00Z', false],
    ['Monday 08:00', '2026-06-01T07:00:00Z', true],
    ['a bank holiday Monday at 10:00', '2026-05-25T09:00:00Z', false],
    ['Saturday noon', '2026-05-23T11:00:00Z', false],
    ['a winter Wednesday 08:00 GMT', '2026-01-14T08:00:00Z', true],
  ])('%s is %s', (_label, instant, expected) => {
    expect(isInHours(new Date(instant), HOLIDAYS)).toBe(expected);
  });
});

describe('linked DoS entries', () => {
  it('match the first 5 characters of the ODS code and only the five pharmacy service types', () => {
    const entries = [
      ...PROFILE_MANAGER_SERVICE_TYPES.map((t, i) => ({ id: `p${i}`, odsCode: `FA123${i}`, serviceType: t })),
      { id: 'gp', odsCode: 'FA123', serviceType: 'GP' },
      { id: 'other', odsCode: 'FB123', serviceType: 'Pharmacy' },
    ];
    expect(linkedEntries('FA123', entries).map((e) => e.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(linkedEntries('fa1', entries)).toEqual([]);
  });
});

describe('quarterly checks', () => {
  it('are due 3 months after the last check', () => {
    expect(nextCheckDue('2026-03-02')).toBe('2026-06-02');
    expect(nextCheckDue('2026-11-30')).toBe('2027-02-28');
  });
});

describe('quarterly check state', () => {
  it('is up to date, then due in the 14 days before, then overdue the day after', () => {
    expect(checkState('2026-12-31', '2026-12-16')).toBe('up-to-date');
    expect(checkState('2026-12-31', '2026-12-17')).toBe('due');
    expect(checkState('2026-12-31', '2026-12-31')).toBe('due');
    expect(checkState('2026-12-31', '2027-01-01')).toBe('overdue');
  });

  it('treats a profile never checked as due from the day it was added', () => {
    expect(profileNextCheck(null, '2026-11-21')).toBe('2026-11-21');
    expect(profileNextCheck('2026-08-31', '2026-01-01')).toBe('2026-11-30');
  });
});

describe('deciding in or out of hours', () => {
  const fridayEvening = new Date('2026-05-22T16:30:00Z'); // 17:30 BST
  it('follows the clock unless overridden, and says when an override disagrees with it', () => {
    expect(decideHours(fridayEvening, HOLIDAYS, 'none')).toEqual({ inHours: false, overridden: false });
    expect(decideHours(fridayEvening, HOLIDAYS, 'in-hours')).toEqual({ inHours: true, overridden: true });
    expect(decideHours(fridayEvening, HOLIDAYS, 'out-of-hours')).toEqual({ inHours: false, overridden: false });
  });
});
