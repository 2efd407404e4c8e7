import { describe, expect, it } from 'vitest';
import { ActivationData, DosTeamNoteData, EMAIL_VALIDATION_DAYS, renderActivation, renderTemplate } from '../../../shared/email/templates';

const activation = {
  recipientName: 'Alex Jones',
  region: 'London',
  registeredOn: '2026-11-01',
  senderName: 'Priya Shah',
  senderRole: 'Local DoS Lead',
};

describe('email templates', () => {
  it('the activation email says what to do, the junk-folder advice and the 28-day deadline', () => {
    expect(EMAIL_VALIDATION_DAYS).toBe(28);
    const { subject, text, html } = renderActivation(activation, 'plain');
    expect(subject).toBe('Validate your email address to activate your DoS account');
    expect(html).toBeNull();
    expect(text).toContain('Dear Alex Jones,');
    expect(text).toContain('check your junk mail folder');
    expect(text).toContain('by 29 November 2026');
    expect(text).toContain('submit a new request and verify your email address');
  });

  it('the rich activation email has a link only when one is given, and escapes values', () => {
    const rich = renderActivation(
      { ...activation, recipientName: 'Alex <script>alert(1)</script>', activationLink: 'https://dos.example.nhs.uk/activate?x=1&y="2"' },
      'rich',
    );
    expect(rich.html).toContain('Alex &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(rich.html).not.toContain('<script>');
    expect(rich.html).toContain('href="https://dos.example.nhs.uk/activate?x=1&amp;y=&quot;2&quot;"');
    expect(renderActivation(activation, 'rich').html).not.toContain('<a ');
  });

  it('refuses a link that is not https, and bad names', () => {
    expect(ActivationData.safeParse({ ...activation, activationLink: 'javascript:alert(1)' }).success).toBe(false);
    expect(ActivationData.safeParse({ ...activation, activationLink: 'http://dos.nhs.uk' }).success).toBe(false);
    expect(ActivationData.safeParse({ ...activation, recipientName: 'A\r\nB' }).success).toBe(false);
  });

  it('the note to a DoS team keeps the body as typed and refuses a 1 MB body or an empty subject', () => {
    const note = renderTemplate('dos-team-note', { subject: 'Hello', body: 'First\n\nSecond', senderName: 'P', senderRole: 'R' }, 'rich');
    expect(note.text).toBe('First\n\nSecond\n\nP\nR');
    expect(note.html).toContain('<p>First</p>\n<p>Second</p>');
    const big = DosTeamNoteData.safeParse({ subject: 'x', body: 'x'.repeat(1_000_000), senderName: 'P', senderRole: 'R' });
    expect(big.success).toBe(false);
    expect(big.error!.issues[0]!.message).toMatch(/50,000 characters or fewer/);
    expect(DosTeamNoteData.safeParse({ subject: ' ', body: 'x', senderName: 'P', senderRole: 'R' }).success).toBe(false);
  });
});

describe('pharmacy handoff emails', () => {
  const facts = {
    pharmacyName: 'Rowlands & Sons "Pharmacy"',
    odsCode: 'FA123',
    address: '61 Arundel Avenue, Stockport, SK7 5LD',
    region: 'North West',
    kind: 'same-day closure',
    details: 'Closed from 19:00 tonight',
    madeAt: 'Saturday 21 November 2026 at 21:30 (London time)',
    senderName: 'Priya Shah',
    senderRole: 'On-call DoS support',
  };

  it('tells the local team what changed, that it is an emergency change, and asks them to inform NHS.UK', () => {
    const email = renderTemplate(
      'pharmacy-on-call',
      {
        ...facts,
        pharmacyName: 'Rowlands Pharmacy',
        entries: ['Rowlands Pharmacy (Pharmacy, FA123)'],
        contractorName: 'Sam Patel, pharmacist',
        madeBy: 'Priya Shah',
        madeByEmail: 'priya.shah@nhs.net',
        deadline: 'Sunday 22 November 2026 at 21:30 (London time)',
        serviceDeskEmail: 'nhswebsite.servicedesk@nhs.net',
      },
      'rich',
    );
    expect(email.subject).toBe('Out-of-hours pharmacy change: Rowlands Pharmacy (FA123)');
    expect(email.text).toContain(
      'recorded as an emergency change and reported here within 24 hours (by Sunday 22 November 2026 at 21:30 (London time))',
    );
    expect(email.text).toContain('Please inform NHS.UK through the NHS website service desk (nhswebsite.servicedesk@nhs.net)');
    expect(email.text).toContain('Who called: Sam Patel, pharmacist');
    expect(email.html).toContain('<th scope="row" align="left">DoS entries changed</th>');
  });

  it('asks the NHS website service desk to make the same change, escaping what it is given', () => {
    const email = renderTemplate('pharmacy-service-desk', facts, 'rich');
    expect(email.subject).toBe('Pharmacy change made in DoS out of hours: Rowlands & Sons "Pharmacy" (FA123)');
    expect(email.html).toContain('Rowlands &amp; Sons &quot;Pharmacy&quot; (FA123)');
    expect(email.text).toContain('North West DoS team');
  });

  it('refuses a subject line that would carry a header', () => {
    expect(() => renderTemplate('pharmacy-service-desk', { ...facts, pharmacyName: 'Rowlands\r\nBcc: x@y.z' }, 'plain')).toThrow();
  });
});
