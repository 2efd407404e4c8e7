import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestSmtpServer } from '../support/smtp-test-server';
import { expectAccessible, freshDesk, setUpOperator, TARGET, type Desk } from './desk';

let desk: Desk;
let smtp: TestSmtpServer;

// Every test starts on a new desk with only its operator, and its own (stopped) SMTP server.
beforeEach(async () => {
  desk = await freshDesk(desk);
  await desk.page.waitForSelector('h1');
  await setUpOperator(desk.page);
  smtp = new TestSmtpServer();
});
afterEach(async () => {
  await smtp.stop();
});
afterAll(async () => {
  await desk?.close();
});

const h1 = () => desk.page.locator('h1');
const nav = () => desk.page.getByRole('navigation', { name: 'Menu' });

async function writeNote(to: string, subject: string, body: string, options: { format?: string; delivery?: string } = {}) {
  const page = desk.page;
  await nav()
    .getByRole('link', { name: /Outbox/ })
    .click();
  await page.getByRole('link', { name: 'Write a note to a DoS team' }).click();
  await expect.poll(() => h1().textContent()).toBe('Write a note to a DoS team');
  await page.getByRole('textbox', { name: 'To', exact: true }).fill(to);
  await page.getByRole('textbox', { name: 'Subject', exact: true }).fill(subject);
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill(body);
  if (options.format) await page.getByRole('group', { name: 'Format' }).getByLabel(options.format).check();
  if (options.delivery) await page.getByRole('group', { name: 'How to send it' }).getByLabel(options.delivery).check();
  await page.getByRole('button', { name: 'Put in the outbox' }).click();
}

/** Saves SMTP settings for a server on 127.0.0.1 at this port, without security. */
async function useSmtp(port: number) {
  const page = desk.page;
  await nav().getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('SMTP server name').fill('127.0.0.1');
  await page.getByLabel('Port').fill(String(port));
  await page.getByRole('group', { name: 'Connection security' }).getByLabel('None').check();
  await page.getByRole('button', { name: 'Save email settings' }).click();
  await expect.poll(() => page.getByText('Email settings saved.').count()).toBe(1);
}

const MAIL_CLIENT_NOTE = ['london.dos@nhs.net', 'Out-of-hours capacity change', 'Capacity at Riverside UTC set to red at 02:10.'] as const;

describe(`outbox (${TARGET})`, () => {
  it('starts empty and is accessible', async () => {
    await nav()
      .getByRole('link', { name: /Outbox/ })
      .click();
    await expect.poll(() => h1().textContent()).toBe('Outbox');
    await expect.poll(() => desk.page.getByText('The outbox is empty.').count()).toBe(1);
    await expectAccessible(desk.page, 'outbox');
  });

  it('names every problem in a bad note and queues nothing', async () => {
    await writeNote('not-an-address', '', '');
    await expect
      .poll(() => desk.page.locator('.nhsuk-error-summary a').allTextContents())
      .toEqual([
        '"not-an-address" is not a valid email address. Enter addresses like london.dos@nhs.net',
        'Enter a subject',
        'Enter the message',
      ]);
    await expectAccessible(desk.page, 'compose with errors');
    await nav()
      .getByRole('link', { name: /Outbox/ })
      .click();
    await expect.poll(() => desk.page.getByText('The outbox is empty.').count()).toBe(1);
  });

  it('hands a note to the mail client as an unsent .eml in the outbox folder', async () => {
    await writeNote(...MAIL_CLIENT_NOTE);
    await expect.poll(() => h1().textContent()).toBe('Out-of-hours capacity change');
    await expect.poll(() => desk.page.locator('.nhsuk-tag', { hasText: 'Handed to mail program' }).count()).toBeGreaterThan(0);
    const path = await desk.page.locator('.nhsuk-inset-text code').textContent();
    expect(path).toMatch(/outbox[\\/][0-9a-f-]{36}\.eml$/);
    const files = (await readdir(join(desk.places.dataDir, 'outbox'))).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const eml = await readFile(join(desk.places.dataDir, 'outbox', files[0]!), 'utf8');
    expect(eml).toMatch(/^X-Unsent: 1\r?$/m);
    expect(eml).toMatch(/^To: london\.dos@nhs\.net\r?$/m);
    expect(eml).toContain('Subject: Out-of-hours capacity change');
    await expectAccessible(desk.page, 'message');
  });

  it('saves the message as .eml', async () => {
    await writeNote(...MAIL_CLIENT_NOTE);
    await expect.poll(() => h1().textContent()).toBe('Out-of-hours capacity change');
    const [download] = await Promise.all([
      desk.page.waitForEvent('download'),
      desk.page.getByRole('button', { name: 'Save as .eml' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Out-of-hours-capacity-change.eml');
    const content = await readFile((await download.path())!, 'utf8');
    expect(content).toContain('Capacity at Riverside UTC set to red at 02:10.');
  });

  it('shows a rich-text message safely and records it as copied', async () => {
    await writeNote(
      'london.dos@nhs.net; south.east.dos@nhs.net',
      'Rich note & "quotes" 🙂',
      'Hello <script>alert(1)</script>\n\nSecond paragraph',
      {
        format: 'Rich text',
        delivery: 'Copy and paste into webmail',
      },
    );
    await expect.poll(() => h1().textContent()).toBe('Rich note & "quotes" 🙂');
    const frame = desk.page.locator('iframe.app-email-frame');
    expect(await frame.getAttribute('sandbox')).toBe('');
    const inner = desk.page.frameLocator('iframe.app-email-frame');
    await expect.poll(() => inner.locator('p').first().textContent()).toBe('Hello <script>alert(1)</script>');
    expect(await inner.locator('script').count()).toBe(0);
    await expectAccessible(desk.page, 'rich message');
    await desk.page.getByRole('button', { name: 'Copy email' }).click();
    const manual = desk.page.getByRole('button', { name: 'I have copied it' });
    const copied = desk.page.locator('.nhsuk-summary-list .nhsuk-tag', { hasText: 'Copied' });
    await expect.poll(async () => (await manual.count()) + (await copied.count())).toBeGreaterThan(0);
    if (await manual.count()) await manual.click();
    await expect.poll(() => copied.count()).toBe(1);
  });

  it('queues for SMTP while the server is down, shows it in the header, and sends when back online', async () => {
    const page = desk.page;
    smtp.port = 0;
    await smtp.start();
    const port = smtp.port;
    await smtp.stop();
    await nav().getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('SMTP server name').fill('127.0.0.1');
    await page.getByLabel('Port').fill(String(port));
    await page.getByRole('group', { name: 'Connection security' }).getByLabel('None').check();
    await page.getByRole('button', { name: 'Save email settings' }).click();
    await expect.poll(() => page.getByText('Email settings saved.').count()).toBe(1);

    await writeNote('london.dos@nhs.net', 'Director on Call change', 'Demographic change made at 03:00.', {
      delivery: 'Send directly (SMTP)',
    });
    await expect.poll(() => h1().textContent()).toBe('Director on Call change');
    await expect.poll(() => page.getByTestId('outbox-badge').textContent(), { timeout: 10_000 }).toBe('1 waiting');
    await expect.poll(() => page.locator('.nhsuk-summary-list .nhsuk-tag').textContent(), { timeout: 10_000 }).toBe('Failed – will retry');
    await expectAccessible(desk.page, 'retrying message');

    await smtp.start();
    await page.context().setOffline(true);
    await page.context().setOffline(false);
    await expect.poll(() => page.locator('.nhsuk-summary-list .nhsuk-tag').textContent(), { timeout: 15_000 }).toBe('Sent');
    expect(smtp.received.map((m) => m.envelopeTo)).toEqual([['london.dos@nhs.net']]);
    await expect.poll(() => page.getByTestId('outbox-badge').count()).toBe(0);
  });

  it('filters the outbox by status', async () => {
    // Three messages, one of them sent: two notes for the mail client and one sent by SMTP.
    await smtp.start();
    await useSmtp(smtp.port);
    await writeNote(...MAIL_CLIENT_NOTE);
    await expect.poll(() => h1().textContent()).toBe('Out-of-hours capacity change');
    await writeNote('london.dos@nhs.net', 'Another note', 'For the mail client too.');
    await expect.poll(() => h1().textContent()).toBe('Another note');
    await writeNote('london.dos@nhs.net', 'Director on Call change', 'Demographic change made at 03:00.', {
      delivery: 'Send directly (SMTP)',
    });
    await expect.poll(() => h1().textContent()).toBe('Director on Call change');
    await expect.poll(() => desk.page.locator('.nhsuk-summary-list .nhsuk-tag').textContent(), { timeout: 15_000 }).toBe('Sent');
    await nav()
      .getByRole('link', { name: /Outbox/ })
      .click();
    await desk.page.getByLabel('Show').selectOption('sent');
    await expect.poll(() => desk.page.locator('tbody tr').count()).toBe(1);
    expect(await desk.page.locator('tbody tr a').textContent()).toBe('Director on Call change');
    await desk.page.getByLabel('Show').selectOption('');
    await expect.poll(() => desk.page.locator('tbody tr').count()).toBe(3);
  });

  it('a connection lost after the whole message went out shows "May have been sent", and "It was sent" settles it', async () => {
    const page = desk.page;
    await smtp.start();
    await useSmtp(smtp.port);
    smtp.onMessage = () => 'drop';
    await writeNote('london.dos@nhs.net', 'Reply may be lost', 'Capacity at Riverside UTC set to amber.', {
      delivery: 'Send directly (SMTP)',
    });
    await expect.poll(() => h1().textContent()).toBe('Reply may be lost');
    const tag = page.locator('.nhsuk-summary-list .nhsuk-tag');
    await expect.poll(() => tag.textContent(), { timeout: 15_000 }).toBe('May have been sent');
    await expect
      .poll(() => page.getByTestId('message-warning').textContent())
      .toContain('May have been sent: check your Sent folder or ask the recipient.');
    await expect.poll(() => page.getByTestId('outbox-badge').textContent()).toBe('1 failed');
    await expectAccessible(desk.page, 'may have been sent');
    smtp.onMessage = null;
    await page.getByRole('button', { name: 'It was sent' }).click();
    await expect.poll(() => tag.textContent()).toBe('Sent');
    await expect.poll(() => page.getByTestId('outbox-badge').count()).toBe(0);
    expect(smtp.received.filter((m) => m.raw.toString().includes('Subject: Reply may be lost'))).toHaveLength(1);
  });

  it('a link clicked inside the rich-text preview shows a note, and the frame still shows the email', async () => {
    const page = desk.page;
    // Queued through the page's own bridge (Electron IPC or the preview host), as a screen would.
    const id = await page.evaluate(async () => {
      const args = {
        template: 'request-rejected',
        data: {
          recipientName: 'Jo Bloggs',
          region: 'London',
          reason: 'Please apply again at https://www.nhs.uk/apply once your role is confirmed.',
          senderName: 'Sam Operator',
          senderRole: 'DoS Lead',
        },
        from: { address: 'dos.desk@nhs.net' },
        to: [{ address: 'jo.bloggs@nhs.net' }],
        format: 'rich',
        delivery: 'copy',
        operatorId: 'e2e',
      };
      const bridge = (window as unknown as { dosDesk?: { queueEmail(a: unknown): Promise<{ ok: boolean; data: { id: string } }> } })
        .dosDesk;
      if (bridge) return (await bridge.queueEmail(args)).data.id;
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-dos-desk-token': sessionStorage.getItem('dos-desk:preview-token') ?? '' },
        body: JSON.stringify({ channel: 'outbox:queue', args }),
      });
      return ((await response.json()) as { data: { id: string } }).data.id;
    });
    await page.evaluate((to) => (window.location.hash = to), `#/outbox/${id}`);
    await expect.poll(() => h1().textContent()).toBe('Your request for DoS access has been rejected');
    const inner = page.frameLocator('iframe.app-email-frame');
    const link = inner.getByRole('link', { name: 'https://www.nhs.uk/apply' });
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.getAttribute('title')).toBe('Opens from the real email: https://www.nhs.uk/apply');
    const note = page.getByRole('status').filter({ hasText: 'Links open from the real email, not from this preview.' });
    expect(await note.count()).toBe(0);

    await link.click();
    await expect.poll(() => note.count()).toBe(1);
    await expect.poll(() => inner.getByText('Dear Jo Bloggs,').count()).toBe(1);
    await expect.poll(() => inner.getByRole('link', { name: 'https://www.nhs.uk/apply' }).count()).toBe(1);
    expect(page.url()).toContain(`#/outbox/${id}`);
    await expectAccessible(desk.page, 'message after a link was clicked');
  });
});
