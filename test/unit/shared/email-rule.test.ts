import { describe, expect, it } from 'vitest';
import { DosTeam } from '../../../shared/models/registers';
import { emailAddress } from '../../../shared/models/text';

const messages = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, value: unknown) =>
  schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe('the one email rule', () => {
  it('trims, lower-cases and accepts addresses people use', () => {
    for (const [typed, stored] of [
      [' Alex.Jones@NHS.net ', 'alex.jones@nhs.net'],
      ["o'neil@nhs.net", "o'neil@nhs.net"],
      ['first+tag@trust.nhs.uk', 'first+tag@trust.nhs.uk'],
    ])
      expect(emailAddress().parse(typed)).toBe(stored);
  });

  it('says which part is wrong, in words', () => {
    expect(messages(emailAddress('the email address'), '  ')).toEqual(['Enter the email address']);
    for (const bad of ['alex', 'alex@nhs', 'alex jones@nhs.net', 'a..b@nhs.net', '<a@nhs.net>'])
      expect(messages(emailAddress(), bad)).toEqual(['Enter an email address in the correct format, like name@nhs.net']);
    expect(messages(emailAddress(), 'a@nhs.net\r\nBcc: x@y.com')).toEqual([
      'Email address must not contain line breaks or control characters',
    ]);
    expect(messages(emailAddress(), `${'a'.repeat(250)}@nhs.net`)).toEqual(['Email address must be 254 characters or fewer']);
  });

  it('is the rule for DoS team addresses too', () => {
    expect(DosTeam.parse({ region: 'London', localEmail: ' London.DoS@nhs.net', regionalEmail: 'england.dos@nhs.net' }).localEmail).toBe(
      'london.dos@nhs.net',
    );
    expect(messages(DosTeam, { region: 'London', localEmail: '', regionalEmail: 'not an address' })).toEqual([
      'Enter the local DoS team email address',
      'Enter an email address in the correct format, like name@nhs.net',
    ]);
  });
});
