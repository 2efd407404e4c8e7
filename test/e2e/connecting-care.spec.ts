import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { expectAccessible, freshDesk, setUpOperator, TARGET, type Desk } from './desk';
import { formatDay } from '../../shared/domain/london-time';

let desk: Desk;

// Every test starts on a new desk with only its operator.
beforeEach(async () => {
  desk = await freshDesk(desk);
  await desk.page.waitForSelector('h1');
  await setUpOperator(desk.page);
});
afterAll(async () => {
  await desk?.close();
});

const h1 = () => desk.page.locator('h1');
const nav = () => desk.page.getByRole('navigation', { name: 'Menu' });

/** Riverside Community Trust, with Priya as its authoriser; ends on the Connecting Care page. */
async function addOrganisation() {
  const page = desk.page;
  await nav().getByRole('link', { name: 'Connecting Care' }).click();
  await page.getByRole('link', { name: 'Add a partner organisation' }).click();
  await page.getByLabel('Organisation name').fill('Riverside Community Trust');
  await page.getByLabel('Local service desk email').fill('servicedesk@riverside.nhs.uk');
  await page.getByLabel('Licence allocation per year').fill('50');
  await page.getByLabel('Nominated authorisers').fill('Priya Shah, priya.shah@nhs.net');
  await page.getByLabel('Connecting Care roles').fill('Clinician\nAdministrator');
  await page.getByRole('button', { name: 'Save organisation' }).click();
  await expect.poll(() => page.getByTestId('cc-licences').textContent()).toContain('Riverside Community Trust');
}

/** Opens the request form for direct care. */
async function startDirectCareRequest() {
  await desk.page.getByRole('link', { name: 'Make a request' }).click();
  await expect.poll(() => h1().textContent()).toBe('Make a Connecting Care request');
  await desk.page.getByLabel('Direct care').check();
}

/** Files a starter for Siân O'Brien-Smith (temporary staff); ends on the request's page. */
async function fileStarter() {
  const page = desk.page;
  await startDirectCareRequest();
  await page.getByLabel('Full name of user').fill("Siân O'Brien-Smith");
  await page.getByLabel('Job title').fill('Agency Nurse');
  await page.getByLabel('Work email').fill('sian.obrien@nhs.net');
  await page.getByLabel('Connecting Care role').selectOption('Clinician');
  await page.getByLabel('Start date').fill('2026-12-01');
  await page.getByRole('group', { name: 'Are they temporary staff?' }).getByLabel('Yes').check();
  await page.getByLabel('Finishing date', { exact: true }).fill('2027-02-28');
  for (const box of await page.getByRole('group', { name: 'Your responsibilities as an authoriser' }).getByRole('checkbox').all())
    await box.check();
  await page.getByRole('button', { name: 'Send to the service desk' }).click();
  await expect.poll(() => h1().textContent()).toBe("Connecting Care (starter) Siân O'Brien-Smith");
}

describe(`Connecting Care (${TARGET})`, () => {
  it('sets up a partner organisation with its authorisers and roles', async () => {
    const page = desk.page;
    await nav().getByRole('link', { name: 'Connecting Care' }).click();
    await expect.poll(() => h1().textContent()).toBe('Connecting Care');
    await expectAccessible(desk.page, 'connecting care home');
    await page.getByRole('link', { name: 'Add a partner organisation' }).click();
    await page.getByLabel('Organisation name').fill('Riverside Community Trust');
    await page.getByLabel('Local service desk email').fill('servicedesk@riverside.nhs.uk');
    await page.getByLabel('Licence allocation per year').fill('50');
    await page.getByLabel('Nominated authorisers').fill('Priya Shah, priya.shah@nhs.net\nnot an email');
    await page.getByLabel('Connecting Care roles').fill('Clinician\nAdministrator');
    await page.getByRole('button', { name: 'Save organisation' }).click();
    await expect
      .poll(() => page.locator('.nhsuk-error-summary a').first().textContent())
      .toMatch(/^Line 2: write each authoriser as "Full name, email address"/);
    await page.getByLabel('Nominated authorisers').fill('Priya Shah, priya.shah@nhs.net');
    await page.getByRole('button', { name: 'Save organisation' }).click();
    await expect.poll(() => page.getByTestId('cc-licences').textContent()).toContain('Riverside Community Trust');
  });

  it('stops a request for a secondary purpose with the guide’s words', async () => {
    const page = desk.page;
    await addOrganisation();
    await page.getByRole('link', { name: 'Make a request' }).click();
    await expect.poll(() => h1().textContent()).toBe('Make a Connecting Care request');
    await page.getByLabel('A secondary purpose, such as research').check();
    await expect.poll(() => page.getByTestId('secondary-stop').textContent()).toMatch(/only for direct care purposes/);
    await page.getByRole('button', { name: 'Send to the service desk' }).click();
    await expect
      .poll(() => page.locator('.nhsuk-error-summary a').first().textContent())
      .toMatch(/only for direct care purposes.*do not process their application further/);
    await page.getByLabel('Direct care').check();
  });

  it('files a starter for temporary staff, and the .eml with the exact title is in the outbox folder', async () => {
    const page = desk.page;
    await addOrganisation();
    await startDirectCareRequest();
    await page.getByLabel('Full name of user').fill("Siân O'Brien-Smith");
    await page.getByLabel('Job title').fill('Agency Nurse');
    await page.getByLabel('Work email').fill('sian.obrien@nhs.net');
    await page.getByLabel('Connecting Care role').selectOption('Clinician');
    await page.getByLabel('Start date').fill('2026-12-01');
    await page.getByRole('group', { name: 'Are they temporary staff?' }).getByLabel('Yes').check();
    await page.getByLabel('Finishing date', { exact: true }).fill('2026-11-01');
    await page.getByRole('button', { name: 'Send to the service desk' }).click();
    await expect
      .poll(() => page.locator('.nhsuk-error-summary a').allTextContents())
      .toEqual(['The finishing date must be on or after the start date', 'Confirm each of your responsibilities as an authoriser']);
    await expectAccessible(desk.page, 'request form with errors');
    await page.getByLabel('Finishing date', { exact: true }).fill('2027-02-28');
    for (const box of await page.getByRole('group', { name: 'Your responsibilities as an authoriser' }).getByRole('checkbox').all())
      await box.check();
    await page.getByRole('button', { name: 'Send to the service desk' }).click();
    await expect.poll(() => h1().textContent()).toBe("Connecting Care (starter) Siân O'Brien-Smith");
    expect(await page.locator('.app-email-text').textContent()).toContain('Finishing date: 2027-02-28');
    await expectAccessible(desk.page, 'request page');

    const files = (await readdir(join(desk.places.dataDir, 'outbox'))).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const eml = await readFile(join(desk.places.dataDir, 'outbox', files[0]!), 'utf8');
    expect(eml).toMatch(/^To: Riverside Community Trust service desk <servicedesk@riverside\.nhs\.uk>\r?$/m);
    expect(eml).toMatch(/^Cc: Priya Shah <priya\.shah@nhs\.net>\r?$/m);
    const { simpleParser } = await import('mailparser');
    expect((await simpleParser(eml)).subject).toBe("Connecting Care (starter) Siân O'Brien-Smith");
  });

  it('tracks receipt by the back office and shows the due date', async () => {
    const page = desk.page;
    await addOrganisation();
    await fileStarter();
    await page.getByLabel('Date', { exact: true }).fill('2020-01-01');
    await page.getByRole('button', { name: 'Record receipt' }).click();
    await expect
      .poll(() => page.locator('.nhsuk-error-message').first().textContent())
      .toMatch(/cannot have received it before it was sent/);
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('Date', { exact: true }).fill(today);
    await page.getByRole('button', { name: 'Record receipt' }).click();
    await expect.poll(() => page.locator('.nhsuk-summary-list').textContent()).toContain(`Received by the back office${formatDay(today)}`);
    // 5 working days after receipt, written the NHS way.
    expect(await page.locator('.nhsuk-summary-list').textContent()).toMatch(/Action by\d{1,2} [A-Z][a-z]+ \d{4}/);
  });
});
