import { describe, expect, it } from 'vitest';
import {
  actionDueDate,
  allocationYear,
  ATTESTATIONS,
  checkAllocation,
  isActionOverdue,
  serviceDeskSubject,
} from '../../../shared/domain/connecting-care';

// England bank holidays as the main process supplies them (date-holidays, GB-ENG).
const HOLIDAYS = new Set([
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-26',
  '2026-12-28',
  '2027-01-01',
]);

describe('service desk email title', () => {
  it.each([
    ['new-user', 'Connecting Care (starter) Jo Bloggs'],
    ['amendment', 'Connecting Care (change) Jo Bloggs'],
    ['deletion', 'Connecting Care (leaver) Jo Bloggs'],
  ] as const)('is exact for a %s request', (type, subject) => {
    expect(serviceDeskSubject(type, 'Jo Bloggs')).toBe(subject);
  });

  it('keeps accents, hyphens and apostrophes as written', () => {
    expect(serviceDeskSubject('new-user', "Zoë O'Neill-Brontë")).toBe("Connecting Care (starter) Zoë O'Neill-Brontë");
    expect(serviceDeskSubject('deletion', '  José   María  ')).toBe('Connecting Care (leaver) José María');
  });
});

describe('authoriser responsibilities', () => {
  it('has one statement for each responsibility in section 7', () => {
    expect(ATTESTATIONS.map((a) => a.id)).toEqual([
      'role',
      'own-records',
      'ig-training',
      'finishing-date',
      'no-secondary',
      'prompt-changes',
    ]);
  });
});

describe('licences', () => {
  it('warn at 90% of the allocation and require confirmation over it', () => {
    expect(checkAllocation(7, 10, 90)).toMatchObject({ afterRequest: 8, approaching: false, over: false });
    expect(checkAllocation(8, 10, 90)).toMatchObject({ afterRequest: 9, approaching: true, over: false });
    expect(checkAllocation(9, 10, 90)).toMatchObject({ afterRequest: 10, approaching: true, over: false });
    expect(checkAllocation(10, 10, 90)).toMatchObject({ afterRequest: 11, approaching: true, over: true });
    expect(checkAllocation(0, 0, 90)).toMatchObject({ over: true });
  });

  it('count by allocation year (April to March by default)', () => {
    expect(allocationYear('2026-03-31', 4)).toBe('2025/26');
    expect(allocationYear('2026-04-01', 4)).toBe('2026/27');
    expect(allocationYear('2026-06-01', 1)).toBe('2026');
  });
});

describe('the 5-day target', () => {
  it('counts working days, skipping a weekend', () => {
    expect(actionDueDate('2026-11-19', 'working-days', HOLIDAYS)).toBe('2026-11-26'); // Thu → Thu
    expect(actionDueDate('2026-11-21', 'working-days', HOLIDAYS)).toBe('2026-11-27'); // Sat → Fri
  });

  it('skips Christmas, Boxing Day (substitute) and New Year', () => {
    expect(actionDueDate('2026-12-23', 'working-days', HOLIDAYS)).toBe('2027-01-04');
  });

  it('skips an Easter bank holiday', () => {
    expect(actionDueDate('2026-04-01', 'working-days', HOLIDAYS)).toBe('2026-04-10');
  });

  it('counts calendar days when the setting says so', () => {
    expect(actionDueDate('2026-12-23', 'calendar-days', HOLIDAYS)).toBe('2026-12-28');
  });

  it('is overdue only after the due date', () => {
    expect(isActionOverdue('2026-11-26', null, '2026-11-26')).toBe(false);
    expect(isActionOverdue('2026-11-26', null, '2026-11-27')).toBe(true);
    expect(isActionOverdue('2026-11-26', '2026-11-25', '2026-12-30')).toBe(false);
  });
});
