import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeMessage, type ComposeInput } from '../../../electron/main/services/email/compose';
import { renderDosTeamNote } from '../../../shared/email/templates';

const base: ComposeInput = {
  messageId: '<11111111-2222-3333-4444-555555555555@dos-desk.local>',
  date: new Date('2026-11-21T10:00:00Z'),
  from: { name: 'Priya Shah', address: 'priya.shah@nhs.net' },
  to: [{ name: 'London DoS Team', address: 'london.dos@nhs.net' }],
  cc: [],
  subject: 'Capacity change at Zoë’s clinic – please review',
  text: 'Hello\n\nCapacity changed to red. £5 café 🙂',
  html: null,
  draft: false,
};

describe('composing messages', () => {
  it('plain text is a single UTF-8 text/plain part with the right headers', async () => {
    const mail = await simpleParser(await composeMessage(base));
    expect(mail.messageId).toBe(base.messageId);
    expect(mail.subject).toBe(base.subject);
    expect(mail.from?.value).toEqual([{ name: 'Priya Shah', address: 'priya.shah@nhs.net' }]);
    expect((mail.to as { value: unknown[] }).value).toEqual([{ name: 'London DoS Team', address: 'london.dos@nhs.net' }]);
    expect(mail.date?.toISOString()).toBe('2026-11-21T10:00:00.000Z');
    expect(mail.text?.trim()).toBe(base.text);
    expect(mail.html).toBe(false);
    expect(String(mail.headers.get('content-type') && (mail.headers.get('content-type') as { value: string }).value)).toBe('text/plain');
    expect(mail.headers.get('x-unsent')).toBeUndefined();
  });

  it('rich text is multipart/alternative with text and HTML parts', async () => {
    const rendered = renderDosTeamNote(
      { subject: 'Note', body: 'Line <b>one</b>\n\nTwo', senderName: 'Priya <Shah>', senderRole: 'Lead' },
      'rich',
    );
    const raw = await composeMessage({ ...base, text: rendered.text, html: rendered.html });
    const source = raw.toString('utf8');
    expect(source).toMatch(/Content-Type: multipart\/alternative/);
    const mail = await simpleParser(raw);
    expect(mail.text).toContain('Line <b>one</b>');
    expect(mail.html).toContain('Line &lt;b&gt;one&lt;/b&gt;');
    expect(mail.html).toContain('Priya &lt;Shah&gt;');
    expect(mail.html).not.toContain('<b>one</b>');
  });

  it('mail-client drafts carry X-Unsent: 1', async () => {
    const mail = await simpleParser(await composeMessage({ ...base, draft: true }));
    expect(mail.headers.get('x-unsent')).toBe('1');
  });

  it.each([
    ['a subject with CR/LF', { subject: 'Hi\r\nBcc: spy@evil.example' }, /subject contains a line break/],
    ['a recipient name with LF', { to: [{ name: 'A\nBcc: x@y.z', address: 'a@nhs.net' }] }, /recipient's name contains a line break/],
    ['a recipient address with CR', { to: [{ address: 'a@nhs.net\rBcc: x@y.z' }] }, /recipient's address contains a line break/],
    ['a malformed address', { to: [{ address: 'not-an-address' }] }, /not a valid email address/],
    ['a sender name with a NUL', { from: { name: 'P\u0000', address: 'p@nhs.net' } }, /sender's name contains/],
    ['a Unicode line separator', { subject: 'a\u2028b' }, /subject contains a line break/],
  ])('refuses %s with a clear error', async (_label, change, message) => {
    await expect(composeMessage({ ...base, ...change })).rejects.toThrow(message);
  });
});
