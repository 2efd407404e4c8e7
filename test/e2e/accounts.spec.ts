import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { expectAccessible, freshDesk, importServices, setUpOperator, TARGET, type Desk } from './desk';

let desk: Desk;

// Every test starts on a new desk with only its operator.
beforeEach(async () => {
  desk = await freshDesk(desk);
  const page = desk.page;
  await page.waitForSelector('h1');
  await setUpOperator(page, 'Priya Shah', 'priya.shah@nhs.net', { jobRole: 'Regional DoS Lead', approveUser: true });
});
afterAll(async () => {
  await desk?.close();
});

const h1 = () => desk.page.locator('h1');
const nav = () => desk.page.getByRole('navigation', { name: 'Menu' });

const TREE = ['London IUC,IUC,LI001,London,', 'North Hub,UTC,NH001,London,LI001', 'Riverside UTC,UTC,RV001,London,NH001'];

/** Alex Jones, a clinical lead with the suggested set plus editClinical, on London IUC and below; ends on his page. */
async function addAlex() {
  const page = desk.page;
  await importServices(page, TREE);
  await nav().getByRole('link', { name: 'Users in my region' }).click();
  await page.getByRole('link', { name: 'Add an existing account' }).click();
  await page.getByLabel('Full name').fill('Alex Jones');
  await page.getByLabel('Email address').fill('alex.jones@nhs.net');
  await page.getByLabel('Organisation').fill('Riverside UTC');
  await page.getByLabel('Job title').fill('Clinical Director');
  await page.getByLabel('Type of DoS user').selectOption({ label: 'Clinical Lead' });
  await page.getByRole('button', { name: 'Apply suggested set' }).click();
  await page.getByRole('checkbox', { name: 'London IUC' }).check();
  await page.getByRole('checkbox', { name: /^editClinical/ }).check();
  await page.getByRole('button', { name: 'Add account' }).click();
  await expect.poll(() => h1().textContent()).toBe('Alex Jones');
}

/** Amends Alex's roles: editClinical off, editCapacity on. */
async function amendAlex() {
  const page = desk.page;
  await page.getByRole('checkbox', { name: /^editClinical/ }).uncheck();
  await page.getByRole('checkbox', { name: 'editCapacity', exact: true }).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => page.getByText("Changes to Alex Jones's account saved.").count()).toBe(1);
}

describe(`permission roles and users in my region (${TARGET})`, () => {
  it('imports a 3-level service tree from CSV after a preview', async () => {
    const page = desk.page;
    await nav().getByRole('link', { name: 'Services' }).click();
    await expect.poll(() => h1().textContent()).toBe('Services');
    await page
      .getByLabel('Or paste the CSV')
      .fill(
        [
          'name,serviceType,odsCode,region,parentOdsCode',
          'London IUC,IUC,LI001,London,',
          'North Hub,UTC,NH001,London,LI001',
          'Riverside UTC,UTC,RV001,London,NH001',
          'Nowhere,GP,NW001,Atlantis,',
        ].join('\n'),
      );
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('3 new, 0 already there, 1 with problems.');
    await expectAccessible(desk.page, 'services import preview');
    await page.getByRole('button', { name: 'Import 3 new services' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    expect(await page.locator('tbody tr').first().locator('td').last().textContent()).toBe('2');
  });

  it('adds an account: apply a suggested set, deviate, see the warning, save', async () => {
    const page = desk.page;
    await importServices(page, TREE);
    await nav().getByRole('link', { name: 'Users in my region' }).click();
    await expect.poll(() => h1().textContent()).toBe('Users in my region');
    await expectAccessible(desk.page, 'users in my region (empty)');
    await page.getByRole('link', { name: 'Add an existing account' }).click();
    await expect.poll(() => h1().textContent()).toBe('Add an existing DoS account');
    await page.getByLabel('Full name').fill('Alex Jones');
    await page.getByLabel('Email address').fill('alex.jones@nhs.net');
    await page.getByLabel('Organisation').fill('Riverside UTC');
    await page.getByLabel('Job title').fill('Clinical Director');
    await page.getByLabel('Type of DoS user').selectOption({ label: 'Clinical Lead' });
    await page.getByRole('button', { name: 'Apply suggested set' }).click();
    expect(await page.getByRole('checkbox', { name: /^viewClinical/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /^compareService/ }).isChecked()).toBe(true);
    expect(await page.getByTestId('set-difference').count()).toBe(0);

    await page.getByRole('checkbox', { name: 'London IUC' }).check();
    await expect.poll(() => page.getByTestId('relationship-reach').textContent()).toBe('No Relationship-based roles are ticked.');

    // Deviate: editClinical for a clinical lead.
    await page.getByRole('checkbox', { name: /^editClinical/ }).check();
    await expect.poll(() => page.getByTestId('set-difference').textContent()).toContain('Added: editClinical');
    expect(
      await page.locator('.nhsuk-warning-callout', { hasText: 'should NOT be given edit permissions for clinical information' }).count(),
    ).toBe(1);
    await expect
      .poll(() => page.getByTestId('relationship-reach').textContent())
      .toBe('The Relationship-based roles (editClinical) will apply to 3 services: the 1 chosen and the services under them.');
    expect(await page.getByTestId('pair-editClinical').textContent()).toMatch(/propose changes to the Clinical Details tab/);
    await expectAccessible(desk.page, 'account form with a warning');

    // editClinical without viewClinical is explained and refused.
    await page.getByRole('checkbox', { name: /^viewClinical/ }).uncheck();
    await expect.poll(() => page.getByText("editClinical requires the 'viewClinical' role").count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Add account' }).click();
    await expect
      .poll(() => page.locator('.nhsuk-error-summary a').allTextContents())
      .toEqual([
        "editClinical requires the 'viewClinical' role in order to access the Clinical Details tab. Add viewClinical or remove editClinical.",
      ]);
    await page.getByRole('checkbox', { name: /^viewClinical/ }).check();
    await page.getByRole('button', { name: 'Add account' }).click();
    await expect.poll(() => h1().textContent()).toBe('Alex Jones');
  });

  it('amends the roles with Save, and lists the account', async () => {
    const page = desk.page;
    await addAlex();
    await amendAlex();
    await nav().getByRole('link', { name: 'Users in my region' }).click();
    await page.getByLabel('Search by name, email or organisation').fill('riverside');
    await expect.poll(() => page.getByTestId('account-count').textContent()).toBe('1 of 1 accounts');
    await page.getByLabel('Search by name, email or organisation').fill('nobody');
    await expect.poll(() => page.getByTestId('account-count').textContent()).toBe('0 of 1 accounts');
  });

  it('finds the role change in the audit trail, and the chain verifies', async () => {
    const page = desk.page;
    await addAlex();
    await amendAlex();
    await nav().getByRole('link', { name: 'Audit' }).click();
    await expect.poll(() => h1().textContent()).toBe('Audit trail');
    await page.getByLabel('Action contains').fill('roles-change');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    const cells = await page.locator('tbody tr td').allTextContents();
    expect(cells[1]).toBe('Priya Shah');
    // Whose roles changed, by name, not only an id.
    expect(cells[2]).toBe("Alex Jones's account");
    expect(cells[4]).toBe('compareService, editClinical, viewClinical');
    expect(cells[5]).toBe('compareService, editCapacity, viewClinical');
    await page.getByRole('button', { name: 'Verify the audit trail' }).click();
    await expect
      .poll(() => page.getByTestId('audit-verdict').textContent())
      .toMatch(
        /entries checked: each follows on from the one before and matches its own hash, and every entry up to \d+ matches what this desk witnessed/,
      );
    await expectAccessible(desk.page, 'audit');
  });
});
