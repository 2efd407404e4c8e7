import { mkdirSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { expectAccessible, freshDesk, launchDesk, setUpOperator, TARGET, type Desk } from './desk';

let desk: Desk;

const damaged = '{"regions": ["London"], "email": {"defaultDelivery": "smtp", "smtp": {"host": "smtp.example.nh';

// Every test starts on a new desk whose data folder holds a settings file cut off half-way, as after a
// crash or a bad hand edit.
beforeEach(async () => {
  desk = await freshDesk(desk, (places) => {
    mkdirSync(places.dataDir, { recursive: true });
    writeFileSync(join(places.dataDir, 'settings.json'), damaged);
  });
  await desk.page.waitForSelector('h1');
  await setUpOperator(desk.page);
});
afterAll(async () => {
  await desk?.close();
});

const notice = () => desk.page.getByRole('region', { name: 'Important: All settings went back to their defaults' });

async function setAsidePath(): Promise<string> {
  const names = (await readdir(desk.places.dataDir)).filter((f) => f.startsWith('settings.json.unreadable-'));
  expect(names).toHaveLength(1);
  return join(desk.places.dataDir, names[0]!);
}

describe(`a damaged settings file (${TARGET})`, () => {
  it('is kept, and Home says what went back to its default and where the copy is', async () => {
    const path = await setAsidePath();
    expect(await readFile(path, 'utf8')).toBe(damaged);
    await expect.poll(() => notice().getByTestId('settings-problem-path').textContent()).toBe(path);
    expect(await notice().getByRole('listitem').allTextContents()).toEqual([
      'your regions (the regions operators can cover)',
      'how emails are sent by default',
      'the SMTP server (name, port, security and user name)',
      'the DoS team email addresses',
      'the Connecting Care settings (licence warning level, 5-day target and allocation year)',
    ]);
    await expectAccessible(desk.page, 'home with the settings notice');
  });

  it('is still shown after a restart, on Home and on Settings', async () => {
    const path = await setAsidePath();
    await desk.close();
    desk = await launchDesk(desk.places);
    await expect.poll(() => notice().getByTestId('settings-problem-path').textContent()).toBe(path);
    await notice().getByRole('link', { name: 'Settings page' }).click();
    await expect.poll(() => desk.page.locator('h1').textContent()).toBe('Settings');
    await expect.poll(() => notice().getByTestId('settings-problem-path').textContent()).toBe(path);
    await expectAccessible(desk.page, 'settings with the settings notice');
  });

  it('goes away when the operator has dealt with it, from the keyboard, and the copy stays', async () => {
    const path = await setAsidePath();
    await notice().getByRole('button', { name: 'I have dealt with this' }).focus();
    await desk.page.keyboard.press('Enter');
    await desk.page.getByText('The notice is dismissed. The damaged settings file is still in the data folder.').waitFor();
    await expect.poll(() => notice().count()).toBe(0);
    expect(await readFile(path, 'utf8')).toBe(damaged);
    expect(JSON.parse(await readFile(join(desk.places.dataDir, 'settings-problems-dismissed.json'), 'utf8'))).toEqual({
      dismissed: [path.slice(desk.places.dataDir.length + 1)],
    });
  });
});
