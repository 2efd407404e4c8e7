import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { addEmergencyAccount, expectAccessible, freshDesk, setUpOperator, TARGET, type Desk } from './desk';

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

const nav = () => desk.page.getByRole('navigation', { name: 'Menu' });

/** Makes a backup by hand and waits for it in the list. */
async function backUpNow() {
  await nav().getByRole('link', { name: 'Backups' }).click();
  await desk.page.getByRole('button', { name: 'Back up now' }).click();
  await expect.poll(() => desk.page.getByTestId('backup-list').locator('tbody tr').count()).toBe(1);
}

describe(`backups and data (${TARGET})`, () => {
  it('backs up on request into the data folder', async () => {
    const page = desk.page;
    await nav().getByRole('link', { name: 'Backups' }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => page.getByTestId('backup-list').locator('tbody tr').count()).toBe(1);
    expect((await readdir(join(desk.places.dataDir, 'backups'))).filter((f) => f.endsWith('.manifest.json'))).toHaveLength(1);
    expect(await page.getByTestId('backup-list').locator('tbody tr').first().textContent()).toContain('Made by hand');
    await expectAccessible(desk.page, 'backups');
  });

  it('restores a backup after showing what it holds against what is here, backing up first', async () => {
    const page = desk.page;
    await backUpNow();
    await page.goto(`${page.url().split('#')[0]}#/accounts/new`);
    await page.getByLabel('Full name').fill('Alex Jones');
    await page.getByLabel('Email address').fill('alex.jones@nhs.net');
    await page.getByLabel('Organisation').fill('Riverside');
    await page.getByLabel('Job title').fill('Lead');
    await page.getByLabel('Type of DoS user').selectOption({ label: 'Clinical Lead' });
    await page.getByRole('button', { name: 'Apply suggested set' }).click();
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alex Jones' }).waitFor();
    await nav().getByRole('link', { name: 'Backups' }).click();
    await page
      .getByRole('button', { name: /^Restore the backup from/ })
      .first()
      .click();
    await expect
      .poll(() =>
        page
          .getByTestId('restore-summary')
          .locator('tr')
          .filter({ has: page.getByRole('cell', { name: 'accounts', exact: true }) })
          .locator('td')
          .allTextContents(),
      )
      .toEqual(['accounts', '0', '1']);
    await page.getByRole('button', { name: 'Yes, restore it' }).click();
    await expect.poll(() => page.getByText(/^Restored the backup from/).count()).toBe(1);
    await expect.poll(() => page.getByTestId('backup-list').textContent()).toContain('Before a restore');
    await nav().getByRole('link', { name: 'Users in my region' }).click();
    await expect.poll(() => page.getByTestId('account-count').textContent()).toBe('0 of 0 accounts');
    // History is kept: the account's creation and the restore itself are both in the trail, and it verifies.
    await nav().getByRole('link', { name: 'Audit' }).click();
    await page.getByLabel('Record type').selectOption({ label: 'Restores from a backup' });
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.getByLabel('Record type').selectOption({ label: 'DoS accounts' });
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Verify the audit trail' }).click();
    await expect.poll(() => page.getByTestId('audit-verdict').textContent()).toMatch(/matches what this desk witnessed/);
  });

  it('Verify catches the newest audit entries deleted behind the app’s back', async () => {
    const page = desk.page;
    // Some history to cut short: the operator's creation and an account's.
    await addEmergencyAccount(page, 'Alex Jones', 'alex.jones@nhs.net', 'Director on Call', 'Riverside');
    await nav().getByRole('link', { name: 'Audit' }).click();
    // A hostile person with the developer tools open, straight into IndexedDB.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('dos-desk');
          open.onsuccess = () => {
            const tx = open.result.transaction('audit', 'readwrite');
            const store = tx.objectStore('audit');
            const last = store.openCursor(null, 'prev');
            last.onsuccess = () => {
              last.result?.delete();
            };
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.getByRole('button', { name: 'Verify the audit trail' }).click();
    await expect
      .poll(() => page.getByTestId('audit-verdict').textContent())
      .toMatch(/does not match what this desk witnessed: entries \d+ to \d+ are missing: the trail has been cut short/);
    await expectAccessible(desk.page, 'audit-tampered');
  });

  it('refuses a file that is not a backup, changing nothing', async () => {
    const page = desk.page;
    await nav().getByRole('link', { name: 'Backups' }).click();
    await page
      .getByLabel('Restore from a backup file')
      .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"not":"a backup"}') });
    await expect
      .poll(() => page.locator('.nhsuk-error-summary').textContent())
      .toMatch(/This file is not a DoS Desk backup.*Nothing was changed/);
    await page
      .getByLabel('Restore from a backup file')
      .setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from('{"formatName":"dexie","data":{') });
    await expect.poll(() => page.locator('.nhsuk-error-summary').textContent()).toMatch(/cut short/);
    expect(await page.getByTestId('restore-summary').count()).toBe(0);
  });
});
