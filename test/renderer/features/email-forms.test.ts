import { describe, expect, it } from 'vitest';
import { NoteForm } from '../../../renderer/src/features/outbox/schemas';
import { EmailSettingsForm } from '../../../renderer/src/features/settings/schemas';

const note = { to: 'london.dos@nhs.net', subject: 'Change', body: 'Text', format: 'plain', delivery: 'mail-client' };

describe('note form', () => {
  it('splits recipients on commas and semicolons and lower-cases them', () => {
    const parsed = NoteForm.parse({ ...note, to: 'London.DoS@nhs.net; se.dos@nhs.net,  ' });
    expect(parsed.to).toEqual([{ address: 'london.dos@nhs.net' }, { address: 'se.dos@nhs.net' }]);
  });

  it.each([
    ['no recipient', { to: ' ; ' }, 'to', /Enter the email address of the DoS team/],
    ['a bad recipient', { to: 'a@nhs.net, nope' }, 'to', /"nope" is not a valid email address/],
    ['a header in the recipient', { to: 'a@nhs.net\r\nBcc: x@y.z' }, 'to', /not a valid email address/],
    ['a subject with a line break', { subject: 'A\nB' }, 'subject', /line breaks/],
    ['a 1 MB body', { body: 'x'.repeat(1_000_000) }, 'body', /50,000 characters or fewer/],
    ['an unknown delivery', { delivery: 'fax' }, 'delivery', /Choose how to send the email/],
  ])('refuses %s on the right field', (_label, change, field, message) => {
    const result = NoteForm.safeParse({ ...note, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path[0]).toBe(field);
    expect(result.error!.issues[0]!.message).toMatch(message);
  });
});

describe('email settings form', () => {
  const form = { defaultDelivery: 'mail-client', host: '', port: '587', security: 'starttls', user: '', password: '' };

  it('no server name means no SMTP', () => {
    expect(EmailSettingsForm.parse(form)).toEqual({ email: { defaultDelivery: 'mail-client', smtp: null }, password: '' });
  });

  it('builds the SMTP settings and keeps the password apart', () => {
    const parsed = EmailSettingsForm.parse({ ...form, host: 'smtp.example.nhs.uk', user: 'me@nhs.net', password: 's3cret' });
    expect(parsed).toEqual({
      email: { defaultDelivery: 'mail-client', smtp: { host: 'smtp.example.nhs.uk', port: 587, security: 'starttls', user: 'me@nhs.net' } },
      password: 's3cret',
    });
  });

  it.each([
    ['SMTP as default with no server', { defaultDelivery: 'smtp' }, 'host'],
    ['a port that is not a number', { host: 'smtp.nhs.uk', port: 'abc' }, 'port'],
    ['a server name with spaces', { host: 'smtp nhs uk' }, 'host'],
  ])('refuses %s', (_label, change, field) => {
    const result = EmailSettingsForm.safeParse({ ...form, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path[0]).toBe(field);
  });
});
