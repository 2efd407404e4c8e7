import Dexie from 'dexie';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { boot, START_EMPTY_KEY } from '../../../renderer/src/app/boot';
import { backupNow } from '../../../renderer/src/db/backup';
import { SCHEMA_VERSIONS } from '../../../renderer/src/db/schema';
import { Root } from '../../../renderer/src/app/root';
import { DosDeskDb } from '../../../renderer/src/db/database';
import { useSession } from '../../../renderer/src/session/store';
import { realApi } from '../helpers';

let dbName: string;
beforeEach(() => {
  dbName = `app-test-${Date.now()}-${Math.random()}`;
  useSession.setState({ currentOperatorId: null, notice: null });
  window.location.hash = '#/';
});

async function start(api = realApi().api) {
  const booted = await boot(api, dbName);
  render(<Root api={api} booted={booted} />);
  return { api, booted };
}

/** First-run setup through the form: Priya Shah, covering London and the South West. */
async function createPriya(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText('Full name'), 'Priya Shah');
  await user.type(screen.getByLabelText('NHS email address'), 'priya.shah@nhs.net');
  await user.type(screen.getByLabelText('Job role'), 'Local DoS Lead');
  await user.click(screen.getByLabelText('London'));
  await user.click(screen.getByLabelText('South West'));
  const approve = screen.getByRole('group', { name: 'Regions where you hold the approveUser permission' });
  await user.click(within(approve).getByLabelText('London'));
  await user.click(screen.getByRole('button', { name: 'Create operator profile' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Priya Shah' })).toBeInTheDocument();
}

describe('first run', () => {
  it('asks for an operator profile and names every invalid field in the error summary, saving nothing', async () => {
    const user = userEvent.setup();
    await start();
    expect(await screen.findByRole('heading', { level: 1, name: 'Set up your operator profile' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('NHS email address'), 'me@gmail.com');
    await user.click(screen.getByRole('button', { name: 'Create operator profile' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeInTheDocument();
    const links = within(summary)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(links).toEqual([
      'Enter your full name',
      'Enter an NHS email address ending in nhs.net or nhs.uk, like name@nhs.net',
      'Enter your job role',
      'Select at least one region you cover',
    ]);
    expect(summary).toHaveFocus();
    await user.click(within(summary).getByRole('link', { name: 'Enter your job role' }));
    expect(screen.getByLabelText('Job role')).toHaveFocus();
    expect(screen.getByLabelText('Full name')).toHaveAttribute('aria-invalid', 'true');
    const db = new DosDeskDb(dbName);
    expect(await db.operators.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('creates the operator from the form and shows them in the header', async () => {
    const user = userEvent.setup();
    await start();
    await createPriya(user);
    expect(screen.getByTestId('current-operator')).toHaveTextContent('Priya Shah');
    expect(screen.getByText('London, South West')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Menu' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
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
    const db = new DosDeskDb(dbName);
    const [op] = await db.operators.toArray();
    expect(op).toMatchObject({ fullName: 'Priya Shah', regions: ['London', 'South West'], approveUserRegions: ['London'] });
  });
});

describe('no operator chosen', () => {
  it('shows the operators on the desk to choose from (before any desk context exists), and choosing one opens Home', async () => {
    const user = userEvent.setup();
    await start();
    await createPriya(user);
    act(() => useSession.setState({ currentOperatorId: null }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Operators on this desk' })).toBeInTheDocument();
    expect(screen.queryByText('Something went wrong on this page')).toBeNull();
    await user.click(await screen.findByRole('button', { name: /^Switch to/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Priya Shah' })).toBeInTheDocument();
  });
});

describe('confirmations', () => {
  it('stay on the page they were made on and go once the user follows any link in the app', async () => {
    const user = userEvent.setup();
    await start();
    await createPriya(user);
    act(() => useSession.getState().announce('Rowlands Pharmacy saved.'));
    expect(await screen.findByText('Rowlands Pharmacy saved.')).toBeInTheDocument();
    // Clicking elsewhere on the page keeps it.
    await user.click(screen.getByRole('heading', { level: 1 }));
    expect(screen.getByText('Rowlands Pharmacy saved.')).toBeInTheDocument();
    // A link outside the menu (the header's "Switch operator") moves on from it.
    await user.click(within(screen.getByRole('navigation', { name: 'Operator' })).getByRole('link', { name: 'Switch operator' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Operators on this desk' })).toBeInTheDocument();
    expect(screen.queryByText('Rowlands Pharmacy saved.')).not.toBeInTheDocument();
  });
});

describe('team sync', () => {
  it('has a Team page in the menu; a desk not in a team shows no sync state in the header', async () => {
    const user = userEvent.setup();
    await start();
    await createPriya(user);
    expect(screen.queryByTestId('sync-status')).toBeNull();
    await user.click(within(screen.getByRole('navigation', { name: 'Menu' })).getByRole('link', { name: 'Team' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Team' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Set up a team folder' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Join a team' })).toBeInTheDocument();
    window.location.hash = '#/team/conflicts';
    expect(await screen.findByRole('heading', { level: 1, name: 'Conflicts to resolve' })).toBeInTheDocument();
  });
});

describe('recovery', () => {
  it('shows what happened and what to do when the database cannot be opened', async () => {
    const newer = new Dexie(dbName);
    newer.version(99).stores({ operators: 'id' });
    await newer.open();
    newer.close();
    const { booted } = await start();
    expect(booted.ok).toBe(false);
    expect(screen.getByRole('heading', { level: 1, name: 'DoS Desk could not open its records' })).toBeInTheDocument();
    expect(screen.getByText(/saved by a newer version of DoS Desk/)).toBeInTheDocument();
    expect(screen.getByText(/Nothing has been deleted yet/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    // The newer version's database was not opened or patched.
    const info = (await indexedDB.databases()).find((d) => d.name === dbName);
    expect(info?.version).toBe(990);
  });
});

describe('data safety at start', () => {
  it('backs up the records before upgrading them to a new schema', async () => {
    const { api } = realApi();
    const v1 = new Dexie(dbName);
    v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    await v1.open();
    await v1.table('operators').add({
      id: 'op-1',
      fullName: 'Priya Shah',
      email: 'priya.shah@nhs.net',
      jobRole: 'Lead',
      regions: ['London'],
      approveUserRegions: [],
      createdAt: 'x',
      updatedAt: 'x',
    });
    v1.close();
    const { booted } = await start(api);
    expect(booted.ok).toBe(true);
    const backups = await api.listBackups();
    expect(backups.ok && backups.data.map((b) => [b.reason, b.schemaVersion, b.counts.operators])).toEqual([['pre-migration', 1, 1]]);
  });

  it('offers the newest backup when the records are empty but backups exist, and restores it', async () => {
    sessionStorage.removeItem(START_EMPTY_KEY);
    const { api } = realApi();
    const first = await boot(api, dbName);
    if (!first.ok) throw new Error('expected a clean start');
    first.db.close();
    // A desk with records is backed up, then its records vanish (as after a bad update).
    const other = `${dbName}-source`;
    const source = await boot(api, other);
    if (!source.ok) throw new Error('expected a clean start');
    await source.db.operators.add({
      id: 'op-9',
      fullName: 'Sam Okoro',
      email: 'sam@nhs.net',
      jobRole: 'Lead',
      regions: ['London'],
      approveUserRegions: [],
      createdAt: 'x',
      updatedAt: 'x',
    });
    await backupNow(source.db, api, 'daily');
    const user = userEvent.setup();
    const { booted } = await start(api);
    expect(booted).toMatchObject({ ok: false, kind: 'empty-with-backups' });
    expect(screen.getByRole('heading', { name: 'The records on this computer are empty, but there are backups' })).toBeInTheDocument();
    const reload = vi.fn();
    Object.defineProperty(window, 'location', { value: { ...window.location, reload }, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Restore the newest good backup' }));
    await vi.waitFor(() => expect(reload).toHaveBeenCalled());
    const restored = new DosDeskDb(dbName);
    expect((await restored.operators.toArray()).map((o) => o.fullName)).toEqual(['Sam Okoro']);
  });
});
