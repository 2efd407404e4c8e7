import { describe, expect, it } from 'vitest';
import { daysSinceRegistration, isValidationOverdue, validationDeadline, UNVALIDATED_EMAIL_MESSAGE } from '../../../shared/domain/requests';

describe('the 28-day validation window', () => {
  it('keeps the seed’s message exactly', () => {
    expect(UNVALIDATED_EMAIL_MESSAGE).toBe(
      'Unvalidated email. Email address must be validated by the user before this account can be approved',
    );
  });

  it('is 28 London calendar days, even across the spring clock change', () => {
    const registered = new Date('2026-03-01T09:00:00Z'); // 09:00 GMT
    expect(validationDeadline(registered).toISOString()).toBe('2026-03-29T08:00:00.000Z'); // 09:00 BST
    const almost = new Date('2026-03-29T07:00:00Z'); // 27 days 23 hours on London clocks (08:00 BST)
    expect(isValidationOverdue(registered, almost)).toBe(false);
    expect(isValidationOverdue(registered, new Date('2026-03-29T08:00:00Z'))).toBe(true);
    // 28 × 24 elapsed hours would be an hour later; London days are what the lead sees.
    expect(isValidationOverdue(registered, new Date(registered.getTime() + 28 * 24 * 3_600_000 - 1))).toBe(true);
  });

  it('and across the autumn change', () => {
    const registered = new Date('2026-10-10T08:00:00Z'); // 09:00 BST
    expect(isValidationOverdue(registered, new Date('2026-11-07T08:59:59Z'))).toBe(false); // 08:59 GMT
    expect(isValidationOverdue(registered, new Date('2026-11-07T09:00:00Z'))).toBe(true);
  });

  it('counts days since registration in London days', () => {
    expect(daysSinceRegistration(new Date('2026-11-01T09:00:00Z'), new Date('2026-11-21T08:00:00Z'))).toBe(20);
    expect(daysSinceRegistration(new Date('2026-11-01T09:00:00Z'), new Date('2026-10-01T08:00:00Z'))).toBe(0);
  });
});
