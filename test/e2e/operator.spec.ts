import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { expectAccessible, freshDesk, launchDesk, setUpOperator, TARGET, type Desk } from './desk';

let desk: Desk;

// Every test starts on a new, empty desk (first run).
beforeEach(async () => {
  desk = await freshDesk(desk);
});
afterAll(async () => {
  await desk?.close();
});

const h1 = () => desk.page.locator('h1');

async function fillOperator(name: string, email: string, role: string, regions: string[], approve: string[]) {
  const page = desk.page;
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('NHS email address').fill(email);
  await page.getByLabel('Job role').fill(role);
  const cover = page.getByRole('group', { name: 'Regions you cover' });
  for (const r of regions) await cover.getByLabel(r, { exact: true }).check();
  const approveGroup = page.getByRole('group', { name: 'Regions where you hold the approveUser permission' });
  for (const r of approve) await approveGroup.getByLabel(r, { exact: true }).check();
}

describe(`operator profile (${TARGET})`, () => {
  it('first run asks for an operator; the page is accessible', async () => {
    await expect.poll(() => h1().textContent()).toBe('Set up your operator profile');
    await expectAccessible(desk.page, 'first run');
  });

  it('keyboard: the skip link is the first stop and moves focus to the main content', async () => {
    const page = desk.page;
    await expect.poll(() => h1().textContent()).toBe('Set up your operator profile');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('maincontent');
  });

  it('names every invalid field in the error summary and saves nothing', async () => {
    const page = desk.page;
    await page.getByLabel('NHS email address').fill('priya@gmail.com');
    await page.getByRole('button', { name: 'Create operator profile' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await expect
      .poll(() => summary.locator('a').allTextContents())
      .toEqual([
        'Enter your full name',
        'Enter an NHS email address ending in nhs.net or nhs.uk, like name@nhs.net',
        'Enter your job role',
        'Select at least one region you cover',
      ]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('nhsuk-error-summary'))).toBe(true);
    await expectAccessible(desk.page, 'first run with errors');
    expect(await h1().textContent()).toBe('Set up your operator profile');
  });

  it('creates the operator, who is then shown in the header', async () => {
    await h1().waitFor();
    await fillOperator('Priya Shah', 'priya.shah@nhs.net', 'Local DoS Lead', ['London', 'South East'], ['London']);
    await desk.page.getByRole('button', { name: 'Create operator profile' }).click();
    await expect.poll(() => h1().textContent()).toBe('Welcome, Priya Shah');
    expect(await desk.page.getByTestId('current-operator').textContent()).toContain('Priya Shah');
    await expectAccessible(desk.page, 'home');
  });

  it('every section is reachable from the navigation and accessible', async () => {
    const page = desk.page;
    await setUpOperator(page);
    const nav = page.getByRole('navigation', { name: 'Menu' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Home',
      'Requests',
      'Users in my region',
      'Registers',
      'Connecting Care',
      'Services',
      'Pharmacies',
      'Operators',
      'Outbox',
      'Backups',
      'Team',
      'Audit',
      'Settings',
    ]);
    await nav.getByRole('link', { name: 'Team' }).click();
    await expect.poll(() => h1().textContent()).toBe('Team');
    await expectAccessible(desk.page, 'team');
    await page.goto(`${page.url().split('#')[0]}#/team/conflicts`);
    await expect.poll(() => h1().textContent()).toBe('Conflicts to resolve');
    await expectAccessible(desk.page, 'conflicts');
    await nav.getByRole('link', { name: 'Operators' }).click();
    await expect.poll(() => h1().textContent()).toBe('Operators on this desk');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expectAccessible(desk.page, 'operators');
    await nav.getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => h1().textContent()).toBe('Settings');
    await expect.poll(() => page.getByText('Browser preview').or(page.getByText('Desktop app')).count()).toBe(1);
    await expectAccessible(desk.page, 'settings');
    await page.getByRole('link', { name: 'Operators' }).first().click();
    await page.getByRole('link', { name: 'Add an operator' }).click();
    await expect.poll(() => h1().textContent()).toBe('Add an operator');
    await expectAccessible(desk.page, 'add operator');
  });

  it('adds a second operator for a shared desk, and switches back', async () => {
    const page = desk.page;
    await setUpOperator(page);
    await addSam();
  });

  async function addSam() {
    const page = desk.page;
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Operators' }).click();
    await page.getByRole('link', { name: 'Add an operator' }).click();
    await expect.poll(() => h1().textContent()).toBe('Add an operator');
    await fillOperator('Sam Okoro', 'sam.okoro@nhs.net', 'Director on Call', ['Midlands'], []);
    await page.getByRole('button', { name: 'Create operator profile' }).click();
    await expect.poll(() => h1().textContent()).toBe('Operators on this desk');
    await expect.poll(() => page.getByTestId('current-operator').textContent()).toContain('Sam Okoro');
    await page.getByRole('button', { name: 'Switch to Priya Shah' }).click();
    await expect.poll(() => h1().textContent()).toBe('Welcome, Priya Shah');
    await expect.poll(() => page.getByTestId('current-operator').textContent()).toContain('Priya Shah');
  }

  it('saves a settings change through the main process', async () => {
    const page = desk.page;
    await setUpOperator(page);
    await saveRegions();
  });

  async function saveRegions() {
    const page = desk.page;
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Settings' }).click();
    const box = page.getByLabel('Regions operators can cover');
    await expect.poll(() => box.inputValue()).toContain('South West');
    await box.fill('London\nSouth East\nMidlands\nLon\u0007don');
    await page.getByRole('button', { name: 'Save regions' }).click();
    await expect
      .poll(() => page.locator('.nhsuk-error-summary a').allTextContents())
      .toEqual(['Line 4: A region name must not contain line breaks or control characters']);
    await box.fill('London\nSouth East\nMidlands\nThames Valley');
    await page.getByRole('button', { name: 'Save regions' }).click();
    await expect.poll(() => page.getByText('Regions saved.').count()).toBe(1);
  }

  it('after a restart, the operators, the current one and the settings are all still there', async () => {
    await setUpOperator(desk.page);
    await addSam();
    await saveRegions();
    await desk.close();
    desk = await launchDesk(desk.places);
    await expect.poll(() => h1().textContent()).toBe('Welcome, Priya Shah');
    await desk.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Operators' }).click();
    await expect.poll(() => desk.page.locator('tbody tr').count()).toBe(2);
    await desk.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Settings' }).click();
    await expect
      .poll(() => desk.page.getByLabel('Regions operators can cover').inputValue())
      .toBe('London\nSouth East\nMidlands\nThames Valley');
  });
});
