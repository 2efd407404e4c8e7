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

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const localInput = (msAgo: number) => {
  const d = new Date(Date.now() - msAgo);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

// Every test starts on a new desk with its operator, a service, a Director on Call account and the DoS team addresses.
beforeEach(async () => {
  desk = await freshDesk(desk);
  const page = desk.page;
  await page.waitForSelector('h1');
  await setUpOperator(page, 'Priya Shah', 'priya.shah@nhs.net', { jobRole: 'Local DoS Lead', approveUser: true });
  // A service, a Director on Call account and the DoS team addresses.
  await importServices(page, ['Riverside UTC,UTC,RV001,London,']);
  await addEmergencyAccount(page, 'Sam Okoro', 'sam.okoro@nhs.net', 'Director on Call', 'London ICB');
  await saveLondonDosTeams(page);
});
afterAll(async () => {
  await desk?.close();
});

const h1 = () => desk.page.locator('h1');
const nav = () => desk.page.getByRole('navigation', { name: 'Menu' });

/** Opens the emergency changes register. */
async function openEmergencyChanges() {
  await nav().getByRole('link', { name: 'Registers' }).click();
  await desk.page.getByRole('link', { name: 'Emergency changes' }).click();
  await expect.poll(() => desk.page.getByRole('heading', { name: 'Emergency changes', level: 2 }).count()).toBe(1);
}

/** Logs Sam Okoro's capacity change at Riverside UTC, made 30 hours ago (so overdue). */
async function logChange() {
  const page = desk.page;
  await page.getByLabel('Who made the change').selectOption({ label: 'Sam Okoro (sam.okoro@nhs.net)' });
  await page.getByLabel('When it was made (London time)').fill(localInput(30 * 3_600_000));
  await page.getByLabel('Service changed').selectOption({ label: 'Riverside UTC (London)' });
  await page.getByLabel('Capacity').check();
  await page.getByLabel('What changed').fill('Capacity status set to red');
  await page.getByLabel('Why', { exact: true }).fill('Two clinicians off sick');
  await page.getByRole('button', { name: 'Log the change' }).click();
  await expect.poll(() => page.getByTestId('waiting-reports').locator('li').count()).toBe(1);
}

describe(`registers (${TARGET})`, () => {
  it('logs an emergency change made 30 hours ago: it is overdue', async () => {
    const page = desk.page;
    await openEmergencyChanges();
    await page.getByRole('button', { name: 'Log the change' }).click();
    await expect.poll(() => page.locator('.nhsuk-error-message').first().textContent()).toMatch(/Choose who made the change/);
    await page.getByLabel('Who made the change').selectOption({ label: 'Sam Okoro (sam.okoro@nhs.net)' });
    await page.getByLabel('When it was made (London time)').fill(localInput(30 * 3_600_000));
    await page.getByLabel('Service changed').selectOption({ label: 'Riverside UTC (London)' });
    await page.getByLabel('Capacity').check();
    await page.getByLabel('What changed').fill('Capacity status set to red');
    await page.getByLabel('Why', { exact: true }).fill('Two clinicians off sick');
    await page.getByRole('button', { name: 'Log the change' }).click();
    await expect.poll(() => page.getByTestId('waiting-reports').locator('li').count()).toBe(1);
    expect(await page.getByTestId('countdown').textContent()).toMatch(/^Overdue by 6 h \d+ min$/);
    await expectAccessible(desk.page, 'emergency changes');
  });

  it('sends its report to both teams in one click, and it leaves the overdue list', async () => {
    const page = desk.page;
    await openEmergencyChanges();
    await logChange();
    await page.getByRole('button', { name: /Send report to both DoS teams/ }).click();
    await expect.poll(() => page.getByTestId('nothing-waiting').count()).toBe(1);
    expect(await page.getByTestId('reported-changes').textContent()).toContain('Reported late');
    await page.getByLabel('Review by a DoS lead').selectOption('permanent-change');
    await page.getByRole('button', { name: 'Record review' }).click();
    await expect.poll(() => page.getByTestId('reported-changes').textContent()).toContain('Reviewed: make a permanent change');
    await nav()
      .getByRole('link', { name: /Outbox/ })
      .click();
    await page.getByRole('link', { name: 'Emergency DoS change: Riverside UTC (London)' }).click();
    await expect.poll(() => page.locator('.nhsuk-summary-list').textContent()).toContain('london.local.dos@nhs.net');
    expect(await page.locator('.nhsuk-summary-list').textContent()).toContain('london.regional.dos@nhs.net');
    expect(await page.locator('.app-email-text').textContent()).toContain('Made by: Sam Okoro (sam.okoro@nhs.net)');
  });

  it('a temporary account due within 14 days shows the reminder banner; extending clears it', async () => {
    const page = desk.page;
    await nav().getByRole('link', { name: 'Registers' }).click();
    await expect.poll(() => h1().textContent()).toBe('Registers');
    await page.getByLabel('Account', { exact: true }).selectOption({ label: 'Sam Okoro (sam.okoro@nhs.net)' });
    await page.getByLabel('Why the account is temporary').fill('One-off on-call cover over Christmas');
    await page.getByLabel('Date it is no longer required').fill(inDays(10));
    await page.getByRole('button', { name: 'Add to the register' }).click();
    await expect.poll(() => page.getByTestId('reminders-banner').textContent()).toMatch(/1 due within 14 days/);
    await expectAccessible(desk.page, 'temporary register');
    await page.getByRole('button', { name: 'Extend Sam Okoro' }).click();
    await page.getByLabel('New date no longer required').fill(inDays(60));
    await page.getByLabel('Why it is still needed').fill('Cover extended');
    await page.getByRole('button', { name: 'Extend', exact: true }).click();
    await expect.poll(() => page.getByTestId('reminders-banner').count()).toBe(0);
  });

  it('lists inactive accounts from an imported user status report', async () => {
    const page = desk.page;
    await nav().getByRole('link', { name: 'Registers' }).click();
    await page.getByRole('link', { name: 'Inactive accounts' }).click();
    await page.getByLabel('Or paste the CSV').fill(`Email,Last Login\nsam.okoro@nhs.net,${inDays(-200)}\nghost@nhs.net,${inDays(-10)}`);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('1 new, 0 already there, 1 with problems.');
    await page.getByRole('button', { name: 'Import 1 new last logins' }).click();
    await expect.poll(() => page.getByTestId('inactive-register').textContent()).toContain('Due for deletion');
    await expectAccessible(desk.page, 'inactive accounts');
  });
});
