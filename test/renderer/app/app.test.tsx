import Dexie from 'dexie';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { boot } from '../../../renderer/src/app/boot';
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

async function start() {
  const { api } = realApi();
  const booted = await boot(api, dbName);
  render(<Root api={api} booted={booted} />);
  return { api, booted };
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
    await user.type(await screen.findByLabelText('Full name'), 'Priya Shah');
    await user.type(screen.getByLabelText('NHS email address'), 'priya.shah@nhs.net');
    await user.type(screen.getByLabelText('Job role'), 'Local DoS Lead');
    await user.click(screen.getByLabelText('London'));
    await user.click(screen.getByLabelText('South West'));
    const approve = screen.getByRole('group', { name: 'Regions where you hold the approveUser permission' });
    await user.click(within(approve).getByLabelText('London'));
    await user.click(screen.getByRole('button', { name: 'Create operator profile' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Priya Shah' })).toBeInTheDocument();
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
      'Operators',
      'Outbox',
      'Audit',
      'Settings',
    ]);
    const db = new DosDeskDb(dbName);
    const [op] = await db.operators.toArray();
    expect(op).toMatchObject({ fullName: 'Priya Shah', regions: ['London', 'South West'], approveUserRegions: ['London'] });
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
    expect(screen.getByText(/Nothing has been changed or deleted/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    // The newer version's database was not opened or patched.
    const info = (await indexedDB.databases()).find((d) => d.name === dbName);
    expect(info?.version).toBe(990);
  });
});
