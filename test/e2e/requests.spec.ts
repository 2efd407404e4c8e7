import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { expectAccessible, freshDesk, setUpOperator, TARGET, type Desk } from './desk';

let desk: Desk;

// Every test starts on a new desk with only its operator.
beforeEach(async () => {
  desk = await freshDesk(desk);
  const page = desk.page;
  await page.waitForSelector('h1');
  await setUpOperator(page, 'Priya Shah', 'priya.shah@nhs.net', { jobRole: 'Local DoS Lead', approveUser: true });
});
afterAll(async () => {
  await desk?.close();
});

const h1 = () => desk.page.locator('h1');
const nav = () => desk.page.getByRole('navigation', { name: 'Menu' });
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

const JO = () =>
  `Jo Bloggs,jo.bloggs@nhs.net,,Riverside UTC,Clinical Lead,London,clinical-lead,Reviews clinical profiles,Riverside UTC,${daysAgo(3)},`;
const SAM = () => `Sam Old,sam.old@nhs.net,,Pharmacy Group,Manager,London,service-provider,Update opening times,,${daysAgo(35)},`;
const FAR = () => `Far Away,far@nhs.net,,Trust,Nurse,Midlands,clinical-lead,Why,,${daysAgo(1)},`;

/** Pastes these request lines into the Requests import; the caller checks and imports. */
async function pasteRequests(lines: string[]) {
  await nav().getByRole('link', { name: 'Requests' }).click();
  await expect.poll(() => h1().textContent()).toBe('Outstanding user requests');
  await desk.page
    .getByLabel('Or paste the CSV')
    .fill(
      ['fullName,email,phone,organisation,jobTitle,region,userType,reason,servicesNeeded,registeredOn,emailValidatedOn', ...lines].join(
        '\n',
      ),
    );
  await desk.page.getByRole('button', { name: 'Check the file' }).click();
}

/** Imports these requests (all in London) and opens the one for `open`, if given. */
async function importRequests(lines: string[], open?: string) {
  await pasteRequests(lines);
  await desk.page.getByRole('button', { name: `Import ${lines.length} new request${lines.length === 1 ? '' : 's'}` }).click();
  await expect.poll(() => desk.page.getByTestId('request-queue').locator('tbody tr').count()).toBe(lines.length);
  if (open) {
    await desk.page.getByRole('link', { name: open }).click();
    await expect.poll(() => h1().textContent()).toBe(open);
  }
}

async function emlFiles(): Promise<string[]> {
  return (await readdir(join(desk.places.dataDir, 'outbox'))).filter((f) => f.endsWith('.eml'));
}

describe(`outstanding user requests (${TARGET})`, () => {
  it('imports requests from CSV; the queue shows (unvalidated email), days, counts and the 28-day line', async () => {
    const page = desk.page;
    await pasteRequests([JO(), SAM(), FAR()]);
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('2 new, 0 already there, 1 with problems.');
    await page.getByRole('button', { name: 'Import 2 new requests' }).click();
    await expect.poll(() => page.getByTestId('request-queue').locator('tbody tr').count()).toBe(2);
    const first = page.getByTestId('request-queue').locator('tbody tr').first();
    expect(await first.locator('td').first().textContent()).toBe('Sam Old(unvalidated email)');
    expect(await first.locator('td').last().textContent()).toMatch(/^35Unvalidated 28 days or more$/);
    expect(await page.getByTestId('region-counts').textContent()).toBe('London: 2');
    await expectAccessible(desk.page, 'queue');
  });

  it('shows the gate on an unvalidated request; approving is not offered', async () => {
    const page = desk.page;
    await importRequests([JO(), SAM()]);
    await page.getByRole('link', { name: 'Jo Bloggs' }).click();
    await expect.poll(() => h1().textContent()).toBe('Jo Bloggs');
    expect(await page.getByTestId('validation-gate').locator('h2').textContent()).toBe(
      'Unvalidated email. Email address must be validated by the user before this account can be approved',
    );
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await page.getByText('Approving becomes possible once the email address is validated.').count()).toBe(1);
    await expectAccessible(desk.page, 'unvalidated request');
  });

  it('resends the activation email as rich text and the .eml is in the outbox folder', async () => {
    const page = desk.page;
    await importRequests([JO()], 'Jo Bloggs');
    const before = await emlFiles();
    await page.getByLabel('Rich text').check();
    await page.getByRole('button', { name: 'Resend activation email' }).click();
    await expect.poll(() => page.getByText('Activation email has been resent…').count()).toBe(1);
    await expect.poll(() => page.getByTestId('resend-count').textContent()).toMatch(/^Resent 1 time, last on .* as rich text\.$/);
    const added = (await emlFiles()).filter((f) => !before.includes(f));
    expect(added).toHaveLength(1);
    const eml = await readFile(join(desk.places.dataDir, 'outbox', added[0]!), 'utf8');
    expect(eml).toContain('Subject: Validate your email address to activate your DoS account');
    expect(eml).toMatch(/multipart\/alternative/);
    expect(eml).toMatch(/^To: Jo Bloggs <jo\.bloggs@nhs\.net>\r?$/m);
  });

  it('records validation and approves with the suggested set; the account is in Users in my region', async () => {
    const page = desk.page;
    await importRequests([JO()], 'Jo Bloggs');
    await page.getByRole('button', { name: 'Record validation' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Approve' }).count()).toBe(1);
    expect(await page.getByTestId('validation-gate').count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: 'viewClinical', exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'compareService', exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'editClinical', exact: true }).isChecked()).toBe(false);
    await expectAccessible(desk.page, 'approve');
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => h1().textContent()).toBe('Jo Bloggs');
    await expect.poll(() => page.getByText(/Approved: Jo Bloggs's account was created/).count()).toBe(1);
    await nav().getByRole('link', { name: 'Users in my region' }).click();
    await expect.poll(() => page.getByTestId('account-count').textContent()).toBe('1 of 1 accounts');
    expect(await page.getByRole('link', { name: 'Jo Bloggs' }).count()).toBe(1);
  });

  it('rejects the overdue request with a product-redirect reason, and the email is in the outbox', async () => {
    const page = desk.page;
    // Sam Old is the only outstanding request here, so rejecting him empties the queue.
    await importRequests([SAM()]);
    await nav().getByRole('link', { name: 'Requests' }).click();
    await page.getByRole('link', { name: 'Sam Old' }).click();
    await expect.poll(() => h1().textContent()).toBe('Sam Old');
    // Over 28 days: the reason comes prefilled with the guidance's instructions.
    expect(await page.getByLabel(/^Reason \(emailed to Sam Old\)/).inputValue()).toMatch(
      /submit a new request and verify your email address/,
    );
    await page
      .getByLabel('Ready reasons')
      .selectOption({ label: 'Another product is more appropriate: Profile Update (now NHS Profile Manager)' });
    expect(await page.getByLabel(/^Reason/).inputValue()).toContain('https://organisation.nhswebsite.nhs.uk/sign-in');
    await page.getByRole('button', { name: 'Reject request' }).click();
    await expect.poll(() => h1().textContent()).toBe('Outstanding user requests');
    await expect.poll(() => page.getByText('There are no outstanding requests.').count()).toBe(1);
    await nav()
      .getByRole('link', { name: /Outbox/ })
      .click();
    await page.getByRole('link', { name: 'Your request for DoS access has been rejected' }).click();
    await expect
      .poll(() => page.locator('.app-email-text').textContent())
      .toContain('Profile Update (now NHS Profile Manager) is more appropriate');
    expect(await page.locator('.app-email-text').textContent()).toContain('https://organisation.nhswebsite.nhs.uk/sign-in');
  });
});
