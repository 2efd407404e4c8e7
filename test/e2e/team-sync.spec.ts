import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addEmergencyAccount,
  expectAccessible,
  importServices,
  launchDesk,
  newPlaces,
  saveLondonDosTeams,
  setUpOperator,
  TARGET,
  type Desk,
} from './desk';

/**
 * Team sync (issue 17) end to end: two and three desks, each its own preview host, data folder and
 * Chromium profile (so its own IndexedDB), sharing one temporary team folder. Everything is done
 * through the screens, waiting for what a person at each desk would see.
 *
 * Each desk reaches the team folder through its own "mount" (a symbolic link to the one shared
 * folder), so one desk can lose the share (its mount renamed away, as an unmounted network drive)
 * while the others keep working with it.
 */

/** A quick poll so desks notice the folder within a second or so; few PBKDF2 iterations so joining is quick. */
const TEAM = { pollMs: 1000, kdfIterations: 2000 };
const PASSPHRASE = 'lantern meadow copper kettle';
/** A sync round trip between desks on a loaded two-core machine: a poll, a cycle on each side. */
const SYNC = { timeout: 45_000 };
/** Several desks and several sync round trips: more than one page's 60 s. */
const TEST_MS = 180_000;

const started: Desk[] = [];
const shares: Share[] = [];
afterEach(async () => {
  await Promise.allSettled(started.splice(0).map((d) => d.close()));
  for (const share of shares.splice(0)) rmSync(share.root, { recursive: true, force: true });
});

/** The shared team folder, and one mount of it per desk. */
class Share {
  readonly root = mkdtempSync(join(tmpdir(), 'dosdesk-team-'));
  readonly folder = join(this.root, 'shared', 'DoS team');
  constructor() {
    mkdirSync(this.folder, { recursive: true });
    shares.push(this);
  }
  /** The path this desk uses for the team folder. */
  mountFor(desk: string): string {
    const path = join(this.root, `mount-${desk}`);
    if (!existsSync(path)) symlinkSync(this.folder, path, 'dir');
    return path;
  }
  /** The desk loses the share (as an unmounted network drive): its path no longer exists. */
  unmount(desk: string): void {
    renameSync(join(this.root, `mount-${desk}`), join(this.root, `away-${desk}`));
  }
  remount(desk: string): void {
    renameSync(join(this.root, `away-${desk}`), join(this.root, `mount-${desk}`));
  }
  /** The desks' own subfolders in the team folder. */
  deskFolders(): string[] {
    return readdirSync(join(this.folder, 'desks'));
  }
}

interface Person {
  name: string;
  email: string;
  jobRole: string;
  /** A DoS lead holding approveUser in London (reviews emergency changes, amends accounts). */
  lead?: boolean;
}

/** A new desk with its own places, its operator set up at first run. */
async function startDesk(person: Person): Promise<Desk> {
  const desk = await launchDesk(newPlaces(), { team: TEAM });
  started.push(desk);
  await desk.page.waitForSelector('h1');
  await setUpOperator(desk.page, person.name, person.email, { jobRole: person.jobRole, approveUser: person.lead ?? false });
  return desk;
}

const go = (desk: Desk, path: string) => desk.page.goto(`${desk.page.url().split('#')[0]}#${path}`);
const h1 = (desk: Desk) => desk.page.locator('h1').textContent();

/** What the header says about team sync ('' when the desk is not in a team). */
const headerStatus = async (desk: Desk) => (await desk.page.getByTestId('sync-status').allTextContents()).join('');
const expectStatus = (desk: Desk, pattern: RegExp) => expect.poll(() => headerStatus(desk), SYNC).toMatch(pattern);

async function setUpTeam(desk: Desk, folder: string, deskName: string): Promise<void> {
  await go(desk, '/team');
  const form = desk.page.getByTestId('create-team');
  await form.getByLabel('Team folder', { exact: true }).fill(folder);
  await form.getByLabel('Team name', { exact: true }).fill('London DoS team');
  await form.getByLabel("This desk's name", { exact: true }).fill(deskName);
  await form.getByLabel('Team passphrase', { exact: true }).fill(PASSPHRASE);
  await form.getByLabel('Type the passphrase again', { exact: true }).fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Set up the team folder' }).click();
  await desk.page.getByTestId('team-desks').waitFor();
  await expectStatus(desk, /^Synced/);
}

/** Fills in and sends the join form (the outcome is for the caller to check). */
async function fillJoin(desk: Desk, folder: string, deskName: string, passphrase: string): Promise<void> {
  await go(desk, '/team');
  const form = desk.page.getByTestId('join-team');
  await form.getByLabel('Team folder', { exact: true }).fill(folder);
  await form.getByLabel("This desk's name", { exact: true }).fill(deskName);
  await form.getByLabel('Team passphrase', { exact: true }).fill(passphrase);
  await form.getByRole('button', { name: 'Join the team' }).click();
}

async function joinTeam(desk: Desk, folder: string, deskName: string): Promise<void> {
  await fillJoin(desk, folder, deskName, PASSPHRASE);
  await desk.page.getByTestId('team-desks').waitFor();
  await expectStatus(desk, /^Synced/);
}

/** "Sync now" on the Team page, as a person who knows another desk has just changed something. */
async function syncNow(desk: Desk): Promise<void> {
  // From another page, so the Team page opens afresh (no "Sync finished" left from an earlier press).
  await go(desk, '/');
  await go(desk, '/team');
  await desk.page.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => desk.page.getByText(/^Sync finished at/).count(), SYNC).toBe(1);
}

async function openEmergencyChanges(desk: Desk): Promise<void> {
  await go(desk, '/registers/emergency');
  await expect.poll(() => desk.page.getByRole('heading', { name: 'Emergency changes', level: 2 }).count()).toBe(1);
}

/** Users in my region, deleted accounts included (the list shows active ones unless asked). */
async function listAccounts(desk: Desk): Promise<void> {
  await go(desk, '/accounts');
  await desk.page.getByLabel('Status', { exact: true }).selectOption({ label: 'Any status' });
}

/** Opens an account from Users in my region, waiting for it to be on this desk. */
async function openAccount(desk: Desk, name: string): Promise<void> {
  await listAccounts(desk);
  const link = desk.page.getByRole('link', { name, exact: true });
  await expect.poll(() => link.count(), SYNC).toBe(1);
  await link.click();
  await expect.poll(() => h1(desk)).toBe(name);
}

/** Changes fields of the open account and saves. */
async function amendAccount(desk: Desk, name: string, fields: Record<string, string>): Promise<void> {
  await openAccount(desk, name);
  for (const [label, value] of Object.entries(fields)) await desk.page.getByLabel(label, { exact: true }).fill(value);
  await desk.page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => desk.page.getByText(`Changes to ${name}'s account saved.`).count()).toBe(1);
}

/** The open account's fields as this desk shows them, once they are as expected. */
async function expectAccount(desk: Desk, name: string, fields: Record<string, string>): Promise<void> {
  await openAccount(desk, name);
  const shown = async () =>
    Object.fromEntries(
      await Promise.all(Object.keys(fields).map(async (l) => [l, await desk.page.getByLabel(l, { exact: true }).inputValue()])),
    );
  await expect.poll(shown, SYNC).toEqual(fields);
}

/** The conflict inbox's one item: waits for it on this desk and opens its side-by-side view. */
async function openTheConflict(desk: Desk): Promise<void> {
  await go(desk, '/team/conflicts');
  await expect.poll(() => desk.page.getByTestId('conflict-item').count(), SYNC).toBe(1);
  await desk.page.getByTestId('conflict-item').getByRole('link').click();
  await desk.page.getByTestId('versions').waitFor();
}

/** The number (1-based) of the version made on the desk with this name. */
async function versionFrom(desk: Desk, deskName: string): Promise<number> {
  const headings = await desk.page.locator('[data-testid^="version-"]').allTextContents();
  const index = headings.findIndex((h) => h.includes(deskName));
  expect(index, `a version from ${deskName} among ${JSON.stringify(headings)}`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

const LEAD: Person = { name: 'Priya Shah', email: 'priya.shah@nhs.net', jobRole: 'Local DoS Lead', lead: true };
const ON_CALL: Person = { name: 'Tom Reed', email: 'tom.reed@nhs.net', jobRole: 'On-call manager' };
const COLLEAGUE: Person = { name: 'Jo Patel', email: 'jo.patel@nhs.net', jobRole: 'DoS officer', lead: true };

// In the browser preview only: the Electron app cannot be given the quick poll (desk.ts), and its
// "Save a batch file" opens a save dialog. CI runs the preview (.ci/run).
describe.skipIf(TARGET !== 'browser')(`team sync through a shared team folder (${TARGET})`, () => {
  it(
    'the on-call laptop logs an emergency change offline; the lead sees it, reviews it, and the review reaches every desk',
    async () => {
      const share = new Share();
      const [lead, onCall, colleague] = await Promise.all([startDesk(LEAD), startDesk(ON_CALL), startDesk(COLLEAGUE)]);
      // Three desks share nothing: three origins (so three IndexedDBs), three profiles, three data folders.
      const desks = [lead, onCall, colleague];
      expect(new Set(desks.map((d) => d.host!.origin)).size).toBe(3);
      expect(new Set(desks.map((d) => d.places.profileDir)).size).toBe(3);
      expect(new Set(desks.map((d) => d.places.dataDir)).size).toBe(3);

      // The lead's desk has the service and the Director on Call account, and sets up the team folder.
      await importServices(lead.page, ['Riverside UTC,UTC,RV001,London,']);
      await addEmergencyAccount(lead.page, 'Sam Okoro', 'sam.okoro@nhs.net', 'Director on Call', 'London ICB');
      await setUpTeam(lead, share.mountFor('lead'), "Lead's desk");
      // The other two join with the same folder and passphrase.
      await saveLondonDosTeams(onCall.page);
      await joinTeam(onCall, share.mountFor('on-call'), 'On-call laptop');
      await joinTeam(colleague, share.mountFor('colleague'), "Colleague's desk");

      // The Team page as a member: the three desks (each sees the others once they have written).
      await go(lead, '/team');
      await expect.poll(() => lead.page.getByTestId('team-desks').locator('tbody tr').count(), SYNC).toBe(3);
      await expect.poll(() => lead.page.getByTestId('team-folder-status').textContent()).toMatch(/^Reachable/);
      await expectAccessible(lead.page, 'Team page, a member of a team of three');

      // The on-call laptop has the lead's service and account.
      await openEmergencyChanges(onCall);
      await expect
        .poll(() => onCall.page.getByLabel('Who made the change').locator('option', { hasText: 'Sam Okoro' }).count(), SYNC)
        .toBe(1);
      await expect.poll(() => onCall.page.getByLabel('Service changed').locator('option', { hasText: 'Riverside UTC' }).count()).toBe(1);

      // 2 a.m.: the laptop is off the network. It says so, and the work goes on.
      share.unmount('on-call');
      await expectStatus(onCall, /^Team folder not reachable$/);
      await onCall.page.getByLabel('Who made the change').selectOption({ label: 'Sam Okoro (sam.okoro@nhs.net)' });
      await onCall.page.getByLabel('Service changed').selectOption({ label: 'Riverside UTC (London)' });
      await onCall.page.getByLabel('Capacity').check();
      await onCall.page.getByLabel('What changed').fill('Capacity status set to red');
      await onCall.page.getByLabel('Why', { exact: true }).fill('Two clinicians off sick');
      await onCall.page.getByRole('button', { name: 'Log the change' }).click();
      await expect.poll(() => onCall.page.getByTestId('waiting-reports').locator('li').count()).toBe(1);
      await onCall.page.getByRole('button', { name: /Send report to both DoS teams/ }).click();
      await expect.poll(() => onCall.page.getByTestId('nothing-waiting').count()).toBe(1);
      await expectStatus(onCall, /^Offline: \d+ changes? waiting$/);
      // The on-call person cannot review (not a lead); the other desks have not heard of the change.
      expect(await onCall.page.getByLabel('Review by a DoS lead').count()).toBe(0);
      await openEmergencyChanges(lead);
      expect(await lead.page.getByText('Capacity status set to red').count()).toBe(0);
      await expectStatus(lead, /^Synced/);

      // The share is back: the laptop writes its changes to the team folder.
      share.remount('on-call');
      await expectStatus(onCall, /^Synced/);

      // 9 a.m.: the lead syncs, sees the change and reviews it.
      await syncNow(lead);
      await openEmergencyChanges(lead);
      const reported = lead.page.getByTestId('reported-changes');
      await expect.poll(() => reported.textContent(), SYNC).toContain('Capacity status set to red');
      expect(await reported.textContent()).toContain('changed by Sam Okoro');
      await lead.page.getByLabel('Review by a DoS lead').selectOption('keep');
      await lead.page.getByRole('button', { name: 'Record review' }).click();
      await expect.poll(() => reported.textContent()).toContain('Reviewed: keep the change');

      // The review reaches the on-call laptop and the colleague's desk (by the folder's poll).
      for (const desk of [onCall, colleague]) {
        await openEmergencyChanges(desk);
        await expect.poll(() => desk.page.getByTestId('reported-changes').textContent(), SYNC).toContain('Reviewed: keep the change');
      }
      await expectStatus(onCall, /^Synced/);
    },
    TEST_MS,
  );

  it(
    'one account changed on two desks that cannot see each other is one conflict on both; keeping a version, then combining, resolves it on both',
    async () => {
      const share = new Share();
      const [lead, colleague] = await Promise.all([startDesk(LEAD), startDesk(COLLEAGUE)]);
      await addEmergencyAccount(lead.page, 'Alex Jones', 'alex.jones@nhs.net', 'Director on Call', 'London ICB');
      await setUpTeam(lead, share.mountFor('lead'), "Lead's desk");
      await joinTeam(colleague, share.mountFor('colleague'), "Colleague's desk");
      await openAccount(colleague, 'Alex Jones');

      // The lead's desk is off the share while both change Alex's account.
      share.unmount('lead');
      await expectStatus(lead, /^Team folder not reachable$/);
      await amendAccount(lead, 'Alex Jones', { 'Job title': 'Medical Director' });
      await expectStatus(lead, /^Offline: \d+ changes? waiting$/);
      await amendAccount(colleague, 'Alex Jones', { Organisation: 'North London ICB' });
      share.remount('lead');

      // One conflict, on both desks; every desk shows the same version for now.
      await expectStatus(lead, /^1 conflict to resolve$/);
      await expectStatus(colleague, /^1 conflict to resolve$/);
      await go(colleague, '/team/conflicts');
      await expect.poll(() => colleague.page.getByTestId('conflict-item').count(), SYNC).toBe(1);
      await expectAccessible(colleague.page, 'conflict inbox with one item');

      // The lead opens it: the versions side by side, the two changed fields marked.
      await openTheConflict(lead);
      const differs = await lead.page.locator('[data-testid="versions"] tr[data-differs="true"] th').allTextContents();
      expect(differs.map((t) => t.replace(/Differs$/, ''))).toEqual(expect.arrayContaining(['Job title', 'Organisation']));
      expect(await lead.page.getByTestId('version-1').textContent()).toMatch(/By (Priya Shah|Jo Patel) on /);
      await expectAccessible(lead.page, 'a conflict side by side');

      // Keeping the colleague's version resolves it on both desks; both show that version.
      const theirs = await versionFrom(lead, "Colleague's desk");
      await lead.page.getByTestId(`keep-version-${theirs}`).click();
      await expect.poll(() => lead.page.getByTestId('no-conflicts').count(), SYNC).toBe(1);
      await expectStatus(lead, /^Synced/);
      await expectStatus(colleague, /^Synced/);
      await go(colleague, '/team/conflicts');
      await expect.poll(() => colleague.page.getByTestId('no-conflicts').count()).toBe(1);
      for (const desk of [lead, colleague])
        await expectAccount(desk, 'Alex Jones', { 'Job title': 'Director on Call', Organisation: 'North London ICB' });

      // Again, and this time the colleague combines the two: the lead's job title, their own organisation.
      share.unmount('lead');
      await expectStatus(lead, /^Team folder not reachable$/);
      await amendAccount(lead, 'Alex Jones', { 'Job title': 'Medical Director' });
      await expectStatus(lead, /^Offline: \d+ changes? waiting$/);
      await amendAccount(colleague, 'Alex Jones', { Organisation: 'North Central London ICB' });
      share.remount('lead');
      await expectStatus(lead, /^1 conflict to resolve$/);
      await expectStatus(colleague, /^1 conflict to resolve$/);
      await openTheConflict(colleague);
      const combine = colleague.page.getByTestId('combine');
      await combine.getByRole('group', { name: 'Job title' }).getByLabel('Medical Director', { exact: true }).check();
      await combine.getByRole('group', { name: 'Organisation' }).getByLabel('North Central London ICB', { exact: true }).check();
      await combine.getByRole('button', { name: 'Save the combined record' }).click();
      await expect.poll(() => colleague.page.getByTestId('no-conflicts').count(), SYNC).toBe(1);
      await expectStatus(colleague, /^Synced/);
      await expectStatus(lead, /^Synced/);
      for (const desk of [colleague, lead])
        await expectAccount(desk, 'Alex Jones', { 'Job title': 'Medical Director', Organisation: 'North Central London ICB' });
    },
    TEST_MS,
  );

  it(
    'an account deleted on one desk stays deleted after every later sync, even when an older batch file is taken in by hand',
    async () => {
      const share = new Share();
      const [lead, colleague] = await Promise.all([startDesk(LEAD), startDesk(COLLEAGUE)]);
      await setUpTeam(lead, share.mountFor('lead'), "Lead's desk");
      await joinTeam(colleague, share.mountFor('colleague'), "Colleague's desk");

      // Off the share, the lead adds Chris's account and saves a batch file of what waits.
      share.unmount('lead');
      await expectStatus(lead, /^Team folder not reachable$/);
      await addEmergencyAccount(lead.page, 'Chris Lee', 'chris.lee@nhs.net', 'Director on Call', 'London ICB');
      await expectStatus(lead, /^Offline: \d+ changes? waiting$/);
      await go(lead, '/team');
      const [download] = await Promise.all([
        lead.page.waitForEvent('download'),
        lead.page.getByRole('button', { name: 'Save a batch file' }).click(),
      ]);
      const batchFile = join(share.root, download.suggestedFilename());
      await download.saveAs(batchFile);
      await expect.poll(() => lead.page.getByTestId('batch-outcome').textContent()).toMatch(/^Saved the batch file dos-desk-.*\.dsb\./);

      // Back on the share: the account reaches the colleague; then the lead deletes it.
      share.remount('lead');
      await expectStatus(lead, /^Synced/);
      await openAccount(colleague, 'Chris Lee');
      await openAccount(lead, 'Chris Lee');
      await lead.page.getByRole('button', { name: 'Delete account' }).click();
      await lead.page.getByLabel('Reason for deleting').fill('Left the organisation');
      await lead.page.getByRole('button', { name: 'Yes, delete the account' }).click();
      await expect.poll(() => h1(lead)).toBe('Users in my region');
      const deletedOn = async (desk: Desk) => {
        await openAccount(desk, 'Chris Lee');
        await expect.poll(() => desk.page.getByText(/^This account was deleted on .*Reason: Left the organisation$/).count(), SYNC).toBe(1);
      };
      await deletedOn(colleague);

      // The colleague takes in the older batch file by hand: the account stays deleted.
      await go(colleague, '/team');
      await colleague.page.getByLabel('Take in a batch file').setInputFiles(batchFile);
      await expect
        .poll(() => colleague.page.getByTestId('batch-outcome').textContent(), SYNC)
        .toMatch(/^Took in dos-desk-.*\.dsb: nothing in it was new on this desk\.$/);
      await deletedOn(colleague);
      // And after later syncs on both desks, and the same file taken in on the lead's desk too.
      await syncNow(colleague);
      await go(lead, '/team');
      await lead.page.getByLabel('Take in a batch file').setInputFiles(batchFile);
      await expect
        .poll(() => lead.page.getByTestId('batch-outcome').textContent(), SYNC)
        .toMatch(/^Took in dos-desk-.*\.dsb: nothing in it was new on this desk\.$/);
      await syncNow(lead);
      await syncNow(colleague);
      for (const desk of [colleague, lead]) {
        await deletedOn(desk);
        await listAccounts(desk);
        const row = desk.page.getByRole('row', { name: /Chris Lee/ });
        await expect.poll(() => row.textContent()).toContain('Deleted');
        expect(await headerStatus(desk)).not.toMatch(/conflict/);
      }
    },
    TEST_MS,
  );

  it(
    'a desk that already has records joins: they reach the other desk, and nothing on it is lost',
    async () => {
      const share = new Share();
      const [lead, colleague] = await Promise.all([startDesk(LEAD), startDesk(COLLEAGUE)]);
      await importServices(lead.page, ['Riverside UTC,UTC,RV001,London,']);
      await setUpTeam(lead, share.mountFor('lead'), "Lead's desk");
      // The colleague's desk has worked alone until now.
      await importServices(colleague.page, ['Northwick Park UTC,UTC,NP001,London,']);
      await addEmergencyAccount(colleague.page, 'Dana White', 'dana.white@nhs.net', 'Director on Call', 'NW London ICB');
      await joinTeam(colleague, share.mountFor('colleague'), "Colleague's desk");

      // Its records reach the lead's desk.
      await expectAccount(lead, 'Dana White', { 'Job title': 'Director on Call', Organisation: 'NW London ICB' });
      await go(lead, '/services');
      await expect.poll(() => lead.page.getByRole('link', { name: 'Northwick Park UTC' }).count(), SYNC).toBe(1);
      // And the colleague's desk keeps its own and has the lead's.
      await expectAccount(colleague, 'Dana White', { 'Job title': 'Director on Call', Organisation: 'NW London ICB' });
      await go(colleague, '/services');
      await expect.poll(() => colleague.page.getByRole('link', { name: 'Riverside UTC' }).count(), SYNC).toBe(1);
      expect(await colleague.page.getByRole('link', { name: 'Northwick Park UTC' }).count()).toBe(1);
    },
    TEST_MS,
  );

  it(
    'a wrong passphrase on joining is refused on the form, and nothing is joined',
    async () => {
      const share = new Share();
      const [lead, colleague] = await Promise.all([startDesk(LEAD), startDesk(COLLEAGUE)]);
      await setUpTeam(lead, share.mountFor('lead'), "Lead's desk");

      await fillJoin(colleague, share.mountFor('colleague'), "Colleague's desk", 'lantern meadow copper kettles');
      const summary = colleague.page.locator('.nhsuk-error-summary');
      await expect.poll(() => summary.textContent(), SYNC).toContain('That passphrase does not open this team folder');
      await expectAccessible(colleague.page, 'join form with a wrong passphrase');
      // Not in the team: no status in the header, the forms still offered, nothing written in the folder.
      expect(await headerStatus(colleague)).toBe('');
      expect(await colleague.page.getByTestId('join-team').count()).toBe(1);
      expect(await colleague.page.getByTestId('team-desks').count()).toBe(0);
      expect(share.deskFolders()).toHaveLength(1);
      // The lead's desk sees only itself.
      await go(lead, '/team');
      expect(await lead.page.getByTestId('team-desks').locator('tbody tr').count()).toBe(1);
    },
    TEST_MS,
  );
});
