import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  addEmergencyAccount,
  expectAccessible,
  freshDesk,
  importServices,
  saveLondonDosTeams,
  setUpOperator,
  TARGET,
  type Desk,
} from './desk';

let desk: Desk;
const base = () => desk.page.url().split('#')[0];

// Every test starts on a new desk with its operator, the directory entries, her DoS account and the team addresses.
beforeEach(async () => {
  desk = await freshDesk(desk);
  const page = desk.page;
  await page.waitForSelector('h1');
  await setUpOperator(page, 'Priya Shah', 'priya.shah@nhs.net', { jobRole: 'On-call DoS support', approveUser: true });
  // Pharmacy entries in the services directory (two linked to FA123, one GP that is not), the
  // operator's own DoS account, and the London DoS team addresses.
  await importServices(page, [
    'Rowlands Pharmacy,Pharmacy,FA123,London,',
    'Rowlands Clinical Assessment,Integrated Urgent Care (IUC) Pharmacy Clinical Assessment,FA12301,London,',
    'Arundel GP,GP,FA12399,London,',
  ]);
  await addEmergencyAccount(page, 'Priya Shah', 'priya.shah@nhs.net', 'On-call DoS support', 'London DoS team');
  await saveLondonDosTeams(page);
});
afterAll(async () => {
  await desk?.close();
});

const h1 = () => desk.page.locator('h1');
const nav = () => desk.page.getByRole('navigation', { name: 'Menu' });

/** Adds Rowlands Pharmacy's profile (FA123, SK7 5LD; 09:00 to 13:00 and 14:00 to 18:00 on weekdays); ends on its page. */
async function addProfile() {
  const page = desk.page;
  await nav().getByRole('link', { name: 'Pharmacies' }).click();
  await page.getByRole('link', { name: 'Add a pharmacy profile' }).click();
  await page.getByLabel('ODS code').fill('FA123');
  await page.getByLabel('Organisation name').fill('Rowlands Pharmacy');
  await page.getByLabel('Address').fill('61 Arundel Avenue\nStockport');
  await page.getByLabel('Postcode').fill('sk7 5ld');
  await page.getByLabel('Public phone number').fill('0161 496 0000');
  await page.getByLabel('Region').selectOption('London');
  await page.getByRole('button', { name: 'Add a session on Monday' }).click();
  await page.getByRole('button', { name: 'Add a session on Monday' }).click();
  await page.getByLabel('Opens, Monday session 1').fill('09:00');
  await page.getByLabel('Closes, Monday session 1').fill('13:00');
  await page.getByLabel('Opens, Monday session 2').fill('14:00');
  await page.getByLabel('Closes, Monday session 2').fill('18:00');
  await page.getByRole('button', { name: "Copy Monday's times to Tuesday to Friday" }).click();
  await page.getByRole('button', { name: 'Add profile' }).click();
  await expect.poll(() => h1().textContent()).toBe('Rowlands Pharmacy');
}

describe(`pharmacies and the Profile Manager handoff (${TARGET})`, () => {
  it('refuses a profile with a bad postcode and overlapping sessions, then saves a good one with its linked entries', async () => {
    const page = desk.page;
    await nav().getByRole('link', { name: 'Pharmacies' }).click();
    await page.getByRole('link', { name: 'Add a pharmacy profile' }).click();
    await expect.poll(() => h1().textContent()).toBe('Add a pharmacy profile');
    await page.getByLabel('ODS code').fill('FA123');
    await page.getByLabel('Organisation name').fill('Rowlands Pharmacy');
    await page.getByLabel('Address').fill('61 Arundel Avenue\nStockport');
    await page.getByLabel('Postcode').fill('75015');
    await page.getByLabel('Public phone number').fill('0161 496 0000');
    await page.getByLabel('Region').selectOption('London');
    await page.getByRole('button', { name: 'Add a session on Monday' }).click();
    await page.getByRole('button', { name: 'Add a session on Monday' }).click();
    await page.getByLabel('Opens, Monday session 1').fill('09:00');
    await page.getByLabel('Closes, Monday session 1').fill('13:00');
    await page.getByLabel('Opens, Monday session 2').fill('12:00');
    await page.getByLabel('Closes, Monday session 2').fill('18:00');
    await expectAccessible(desk.page, 'profile form');
    await page.getByRole('button', { name: 'Add profile' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await expect.poll(() => summary.textContent()).toContain('Enter a real UK postcode, like SK7 5LD');
    expect(await summary.textContent()).toContain('Monday: sessions 09:00 to 13:00 and 12:00 to 18:00 overlap');
    await page.getByLabel('Postcode').fill('sk7 5ld');
    await page.getByLabel('Opens, Monday session 2').fill('14:00');
    await page.getByRole('button', { name: "Copy Monday's times to Tuesday to Friday" }).click();
    expect(await page.getByLabel('Opens, Friday session 2').inputValue()).toBe('14:00');
    await page.getByRole('button', { name: 'Add profile' }).click();
    await expect.poll(() => h1().textContent()).toBe('Rowlands Pharmacy');
    const week = page.getByTestId('standard-times');
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])
      expect(await week.locator('.nhsuk-summary-list__row', { hasText: day }).textContent()).toBe(`${day}09:00 to 13:00, 14:00 to 18:00`);
    expect(await week.locator('.nhsuk-summary-list__row', { hasText: 'Saturday' }).textContent()).toBe('SaturdayClosed');
    const linked = page.getByTestId('linked-entries');
    await expect.poll(() => linked.locator('tbody tr').count()).toBe(2);
    expect(await linked.textContent()).not.toContain('Arundel GP');
    expect(await page.getByTestId('check-state').textContent()).toMatch(/Check (due|overdue)/);
    await expectAccessible(desk.page, 'pharmacy profile');
  });

  it('out of hours: the on-call change is logged, the local team is emailed, and the follow-up emails the service desk', async () => {
    const page = desk.page;
    await addProfile();
    // Saturday 21 November 2026, 21:30 in London: out of hours by the clock.
    await page.clock.setFixedTime(new Date('2026-11-21T21:30:00Z'));
    await page.getByRole('link', { name: 'The contractor cannot use Profile Manager' }).click();
    await expect.poll(() => h1().textContent()).toBe('A contractor cannot use Profile Manager');
    await page.getByLabel('They are completely unable to use it for technical reasons, and no colleague can').check();
    await expect.poll(() => page.getByTestId('hours-decision').textContent()).toContain('by the clock this is out of hours');
    // Looking at the in-hours steps and coming back keeps the on-call person's own DoS account chosen.
    await page.getByLabel('Treat it as in hours').check();
    await page.getByLabel('Follow the clock (out of hours)').check();
    await expect.poll(() => page.getByLabel('The DoS account you made the change with').inputValue()).not.toBe('');
    await page.getByRole('button', { name: 'Record the change and email the local DoS team' }).click();
    await expect.poll(() => page.locator('.nhsuk-error-summary').textContent()).toContain('Enter the name of the person who called');
    expect(await page.locator('.nhsuk-error-summary').textContent()).toContain('Choose the DoS entries you changed');
    await page.getByLabel('Who called?').fill('Sam Patel, pharmacist');
    await page.getByLabel('Same-day closure').check();
    await page.getByLabel('What was changed in DoS').fill('Closed from 19:00 tonight: no pharmacist available');
    await page.getByLabel('Rowlands Pharmacy (Pharmacy, FA123)').check();
    await page.getByLabel('Rowlands Clinical Assessment (Integrated Urgent Care (IUC) Pharmacy Clinical Assessment, FA12301)').check();
    expect(await page.getByLabel('The DoS account you made the change with').inputValue()).not.toBe('');
    await expectAccessible(desk.page, 'handoff out of hours');
    await page.getByRole('button', { name: 'Record the change and email the local DoS team' }).click();
    await expect.poll(() => page.getByTestId('handoff-done').textContent()).toContain('Change recorded');

    // Two emergency changes, already reported.
    await page.goto(`${base()}#/registers/emergency`);
    await expect.poll(() => page.getByTestId('reported-changes').textContent()).toContain('Rowlands Clinical Assessment');

    // Home lists the follow-up as waiting, and leads to it.
    await nav().getByRole('link', { name: 'Home' }).click();
    await page.getByTestId('waiting').getByRole('link', { name: '1 out-of-hours pharmacy change to tell NHS.UK about' }).click();
    await expect.poll(() => h1().textContent()).toBe('Pharmacies');
    const tasks = page.getByTestId('follow-ups');
    await expect.poll(() => tasks.textContent()).toContain('Rowlands Pharmacy');
    await expectAccessible(desk.page, 'pharmacies with a follow-up');
    await tasks.getByRole('button', { name: /Email the NHS website service desk/ }).click();
    await expect.poll(() => page.getByTestId('follow-ups').count()).toBe(0);

    // Both emails are in the outbox, handed to the mail client as .eml files.
    const emls = async () => {
      const files = (await readdir(join(desk.places.dataDir, 'outbox'))).filter((f) => f.endsWith('.eml'));
      // Long headers are folded onto several lines; unfold them to read them.
      return Promise.all(
        files.map(async (f) => (await readFile(join(desk.places.dataDir, 'outbox', f), 'utf8')).replace(/\r?\n[ \t]+/g, ' ')),
      );
    };
    await expect.poll(async () => (await emls()).length).toBe(2);
    const all = await emls();
    const local = all.find((e) => e.includes('Subject: Out-of-hours pharmacy change: Rowlands Pharmacy (FA123)'))!;
    expect(local).toMatch(/^To: .*<london\.local\.dos@nhs\.net>\r?$/m);
    expect(local).toMatch(/^Cc: .*<london\.regional\.dos@nhs\.net>\r?$/m);
    expect(local).toContain('Sam Patel, pharmacist');
    const desk_ = all.find((e) => e.includes('Subject: Pharmacy change made in DoS out of hours: Rowlands Pharmacy (FA123)'))!;
    expect(desk_).toMatch(/^To: NHS website service desk <nhswebsite\.servicedesk@nhs\.net>\r?$/m);

    await page.getByRole('link', { name: 'Daily report of changes' }).click();
    await expect.poll(() => page.getByTestId('pharmacy-report').textContent()).toContain('On-call change');
    expect(await page.getByTestId('pharmacy-report').textContent()).toContain('NHS.UK informed');
    await expectAccessible(desk.page, 'daily pharmacy report');
  });

  it('in hours: directs the contractor to the NHS website service desk', async () => {
    const page = desk.page;
    await addProfile();
    // Tuesday 24 November 2026, 10:00 in London.
    await page.clock.setFixedTime(new Date('2026-11-24T10:00:00Z'));
    await page.goto(`${base()}#/pharmacies/handoff`);
    await page.getByLabel('Pharmacy', { exact: true }).selectOption({ label: 'Rowlands Pharmacy (FA123), SK7 5LD' });
    await page.getByLabel('They are completely unable to use it for technical reasons, and no colleague can').check();
    await expect.poll(() => page.getByTestId('hours-decision').textContent()).toContain('by the clock this is in hours');
    const desk_ = page.getByTestId('service-desk');
    expect(await desk_.textContent()).toContain('nhswebsite.servicedesk@nhs.net');
    expect(
      await desk_.getByRole('link', { name: /^https:\/\/www\.nhs\.uk\/contact-us\/nhs-website-contact-us\// }).getAttribute('target'),
    ).toBe('_blank');
    // Nothing typed: the summary names the field, and the field is marked for screen readers.
    await page.getByRole('button', { name: 'Record the call' }).click();
    await expect.poll(() => page.locator('.nhsuk-error-summary').textContent()).toContain('Enter the name of the person who called');
    expect(await page.getByLabel('Who called?').getAttribute('aria-invalid')).toBe('true');
    // Overriding the clock needs a reason.
    await page.getByLabel('Treat it as out of hours').check();
    await page.getByRole('button', { name: 'Record the change and email the local DoS team' }).click();
    await expect.poll(() => page.locator('.nhsuk-error-summary').textContent()).toContain('Say why you are overriding');
    await page.getByLabel('Follow the clock (in hours)').check();
    await page.getByLabel('Who called?').fill('Sam Patel');
    await page.getByRole('button', { name: 'Record the call' }).click();
    await expect.poll(() => page.getByTestId('handoff-done').textContent()).toContain('Call recorded');
  });
});

describe(`service status and capacity (${TARGET})`, () => {
  it("records a service's capacity and shows it in the day's report", async () => {
    const page = desk.page;
    await page.clock.setFixedTime(new Date('2026-11-24T10:00:00Z'));
    await nav().getByRole('link', { name: 'Services' }).click();
    await page.getByRole('link', { name: 'Rowlands Pharmacy' }).click();
    await page.getByRole('button', { name: "Record today's capacity" }).click();
    await page.getByLabel('Amber: under pressure').check();
    await page.getByRole('button', { name: 'Save capacity status' }).click();
    await expect.poll(() => page.getByTestId('service-capacity').textContent()).toContain('Set by Priya Shah');
    await page.getByRole('button', { name: 'Suspend the service' }).click();
    await page.getByRole('button', { name: 'Suspend service' }).click();
    await expect.poll(() => page.locator('.nhsuk-error-summary').textContent()).toContain('Enter why the service is suspended');
    await expectAccessible(desk.page, 'service status');
    await page.goto(`${base()}#/services/capacity`);
    await page.getByLabel('Date').fill('2026-11-24');
    await expect.poll(() => page.getByTestId('capacity-summary').textContent()).toBe('1 reported, 2 not reported, 0 suspended.');
    await expectAccessible(desk.page, 'capacity report');
  });
});
