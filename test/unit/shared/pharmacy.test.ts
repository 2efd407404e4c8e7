import { describe, expect, it } from 'vitest';
import { isInHours, isOdsCode, linkedEntries, nextCheckDue, PROFILE_MANAGER_SERVICE_TYPES } from '../../../shared/domain/pharmacy';

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

  it('recognise an ODS code shape', () => {
    expect(isOdsCode('FA123')).toBe(true);
    expect(isOdsCode('FA-12')).toBe(false);
  });
});

describe('quarterly checks', () => {
  it('are due 3 months after the last check', () => {
    expect(nextCheckDue('2026-03-02')).toBe('2026-06-02');
    expect(nextCheckDue('2026-11-30')).toBe('2027-02-28');
  });
});
