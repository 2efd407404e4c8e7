import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { boot } from '../../../renderer/src/app/boot';
import { Root } from '../../../renderer/src/app/root';
import { DosDeskDb } from '../../../renderer/src/db/database';
import { useSession } from '../../../renderer/src/session/store';
import { realApi } from '../helpers';

let dbName: string;
beforeEach(() => {
  dbName = `settings-problem-${Date.now()}-${Math.random()}`;
  useSession.setState({ currentOperatorId: null, notice: null });
  window.location.hash = '#/';
});

/** Boots the app over the real main services, on a data folder whose settings.json is `content`. */
async function startWithSettingsFile(content: string) {
  const { api, dataDir } = realApi();
  writeFileSync(join(dataDir, 'settings.json'), content);
  const booted = await boot(api, dbName);
  render(<Root api={api} booted={booted} />);
  return { api, dataDir };
}

async function createPriya(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText('Full name'), 'Priya Shah');
  await user.type(screen.getByLabelText('NHS email address'), 'priya.shah@nhs.net');
  await user.type(screen.getByLabelText('Job role'), 'Local DoS Lead');
  await user.click(screen.getByLabelText('London'));
  await user.click(screen.getByRole('button', { name: 'Create operator profile' }));
  await screen.findByRole('heading', { level: 1, name: 'Welcome, Priya Shah' });
}

const notice = () => screen.findByRole('region', { name: /settings went back to their defaults/ });

describe('a damaged settings file (issue 15 §3)', () => {
  it('is named on Home and Settings with what was reset and where the copy is, until the operator has dealt with it', async () => {
    const user = userEvent.setup();
    const smtp = { host: 'smtp.example.nhs.uk', port: 0, security: 'starttls', user: 'priya.shah@nhs.net' };
    const damaged = JSON.stringify({ regions: ['London', 'North East and Yorkshire'], email: { defaultDelivery: 'smtp', smtp } });
    const { api, dataDir } = await startWithSettingsFile(damaged);
    await createPriya(user);

    const onHome = await notice();
    expect(within(onHome).getByRole('heading', { level: 2 })).toHaveTextContent('Important: Some settings went back to their defaults');
    expect(
      within(onHome)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'your regions (the regions operators can cover)',
      'how emails are sent by default',
      'the SMTP server (name, port, security and user name)',
    ]);
    const path = within(onHome).getByTestId('settings-problem-path').textContent!;
    expect(path.startsWith(join(dataDir, 'settings.json.unreadable-'))).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(damaged);
    expect(within(onHome).getByText(/open the damaged copy in a text editor/)).toBeInTheDocument();
    expect(within(onHome).getByRole('link', { name: 'Settings page' })).toHaveAttribute('href', '#/settings');
    // The browser preview has no desktop clipboard in main, so the path goes through the browser's.
    await user.click(within(onHome).getByRole('button', { name: 'Copy the path' }));
    expect(await within(onHome).findByText('The path is copied.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(path);

    await user.click(within(onHome).getByRole('link', { name: 'Settings page' }));
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    const onSettings = await notice();
    expect(within(onSettings).getByTestId('settings-problem-path')).toHaveTextContent(path);
    expect(within(onSettings).getByText(/Enter them again below/)).toBeInTheDocument();

    // Keyboard: the dismiss button is reachable and works with Enter.
    within(onSettings).getByRole('button', { name: 'I have dealt with this' }).focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('The notice is dismissed. The damaged settings file is still in the data folder.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('settings-problem')).not.toBeInTheDocument());
    expect(existsSync(path)).toBe(true);

    act(() => {
      window.location.hash = '#/';
    });
    await screen.findByRole('heading', { level: 1, name: 'Welcome, Priya Shah' });
    // Home asked main on opening; once a later question has its answer, so has Home's.
    expect(await act(() => api.getSettingsProblems())).toEqual({ ok: true, data: [] });
    expect(screen.queryByTestId('settings-problem')).not.toBeInTheDocument();

    const audit = await new DosDeskDb(dbName).audit.where('action').equals('settings.problem-dismissed').toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'settings', before: { setAsidePath: path } });
  });

  it('says every setting went back when the file was not JSON at all', async () => {
    const user = userEvent.setup();
    await startWithSettingsFile('\u0000\u0000 truncated {"regions": [');
    await createPriya(user);
    const onHome = await notice();
    expect(within(onHome).getByRole('heading', { level: 2 })).toHaveTextContent('All settings went back to their defaults');
    expect(within(onHome).getByText(/could not read its settings file/)).toBeInTheDocument();
    expect(within(onHome).getAllByRole('listitem')).toHaveLength(5);
  });
});
