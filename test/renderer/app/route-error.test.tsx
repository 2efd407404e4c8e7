import axe from 'axe-core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import { App } from '../../../renderer/src/app/app';
import { DbContext } from '../../../renderer/src/db/db-context';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import { ApiContext } from '../../../renderer/src/platform/api-context';
import { useSession } from '../../../renderer/src/session/store';
import { AXE_DISABLED_RULES, AXE_TAGS } from '../../support/axe-rules';
import { freshDb, PRIYA, realApi } from '../helpers';

// A page with a bug: the audit page fails to render every time it is opened.
vi.mock('../../../renderer/src/features/audit/components/audit-page', () => ({
  AuditPage: () => {
    throw new Error('Audit page bug');
  },
}));

let db: DosDeskDb;
let consoleError: MockInstance<typeof console.error>;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  const priya = await createOperator(db, PRIYA, DEFAULT_SETTINGS.regions);
  useSession.setState({ currentOperatorId: priya.id, notice: null });
  window.location.hash = '#/';
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  consoleError.mockRestore();
});

function show() {
  render(
    <ApiContext.Provider value={realApi().api}>
      <DbContext.Provider value={db}>
        <App />
      </DbContext.Provider>
    </ApiContext.Provider>,
  );
}

describe('a page that fails to render', () => {
  it('shows an NHS error page in the app frame, not a blank window, logs the error, and is accessible', async () => {
    window.location.hash = '#/audit';
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong on this page' })).toBeInTheDocument();
    expect(screen.getByText('Something went wrong on this page. Your records are safe.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '#/');
    // The frame stays: the menu still works, with the section that failed marked as current.
    const nav = screen.getByRole('navigation', { name: 'Menu' });
    expect(within(nav).getByRole('link', { name: 'Audit' })).toHaveAttribute('aria-current', 'page');
    const logged = consoleError.mock.calls.find((call) => String(call[0]).includes('the page at #/audit failed to render'));
    expect(logged?.[1]).toEqual(new Error('Audit page bug'));

    const result = await axe.run(document.body, {
      runOnly: { type: 'tag', values: [...AXE_TAGS] },
      // jsdom does not lay out or paint, so contrast cannot be judged here (the e2e specs do).
      rules: Object.fromEntries([...AXE_DISABLED_RULES, 'color-contrast'].map((id) => [id, { enabled: false }])),
    });
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('starts afresh when the user goes to another page', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/audit';
    show();
    await screen.findByRole('heading', { level: 1, name: 'Something went wrong on this page' });
    await user.click(within(screen.getByRole('main')).getByRole('link', { name: 'Go to the home page' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Priya Shah' })).toBeInTheDocument();
    await user.click(within(screen.getByRole('navigation', { name: 'Menu' })).getByRole('link', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
  });

  it('an address with no page still shows "Page not found"', async () => {
    window.location.hash = '#/requests/not-a-request-id';
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('an old link to the backups page (#/data) opens Backups, under its one name', async () => {
    window.location.hash = '#/data';
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Backups' })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/backups');
  });
});
