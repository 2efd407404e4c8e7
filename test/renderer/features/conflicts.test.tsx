import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { InputError } from '../../../renderer/src/db/guards';
import { ConflictPage, newVersionWords } from '../../../renderer/src/features/conflicts/components/conflict-page';
import { ConflictsPage } from '../../../renderer/src/features/conflicts/components/conflicts-page';
import { combine, differingFields } from '../../../renderer/src/features/conflicts/data/versions';
import { useSession } from '../../../renderer/src/session/store';
import { SyncContext, type SyncControls } from '../../../renderer/src/sync/sync-context';
import type { ConflictDetail, ConflictVersion } from '../../../renderer/src/sync/types';
import { axeProblems } from '../axe';
import { fakeSync, SAM_DESK, THIS_DESK } from '../sync/fake-sync';

const ID = 'accounts:0b6f3c8e-2a4d-4f7e-9c1a-5d2e8f3b7a61';
const REV_A = `3-${'a'.repeat(32)}`;
const REV_B = `3-${'b'.repeat(32)}`;
const REV_C = `3-${'c'.repeat(32)}`;

const base = {
  id: '0b6f3c8e-2a4d-4f7e-9c1a-5d2e8f3b7a61',
  fullName: 'Alex Jones',
  email: 'alex.jones@nhs.net',
  jobTitle: 'Lead',
  roles: ['viewClinical'],
  createdAt: '2026-05-01T09:00:00.000Z',
};
const ours: ConflictVersion = {
  rev: REV_A,
  winner: false,
  deleted: false,
  value: { ...base, jobTitle: 'Clinical Director', updatedAt: '2026-06-01T08:00:00.000Z' },
  deskId: THIS_DESK,
  deskName: "Lead's desk",
  by: { id: 'op-1', name: 'Priya Shah' },
};
const theirs: ConflictVersion = {
  rev: REV_B,
  winner: true,
  deleted: false,
  value: { ...base, email: 'alex.jones2@nhs.net', roles: ['viewClinical', 'compareService'], updatedAt: '2026-06-01T08:05:00.000Z' },
  deskId: SAM_DESK,
  deskName: "Sam's laptop",
  by: { id: 'op-2', name: 'Sam Okoro' },
};
const gone: ConflictVersion = { ...theirs, rev: REV_C, winner: false, deleted: true, value: null, by: { id: 'op-2', name: 'Sam Okoro' } };

const detail = (list: ConflictVersion[]): ConflictDetail => ({
  docId: ID,
  table: 'accounts',
  key: base.id,
  subject: "Alex Jones's account",
  versions: list.length,
  list,
});

beforeEach(() => {
  useSession.setState({ notice: null });
  window.location.hash = '#/team/conflicts/x';
});

function show(node: React.ReactNode, change: Partial<SyncControls> = {}) {
  const sync = fakeSync({ conflicts: 1 }, change);
  render(<SyncContext.Provider value={sync}>{node}</SyncContext.Provider>);
  return sync;
}

describe('combining versions', () => {
  it('finds the fields that differ (not bookkeeping) and takes each chosen value over the shown version', () => {
    expect([...differingFields([ours, theirs])]).toEqual(['email', 'jobTitle', 'roles']);
    expect(combine([ours, theirs], { jobTitle: REV_A })).toEqual({ ...theirs.value, jobTitle: 'Clinical Director' });
    // A deleted version has no fields to differ on.
    expect([...differingFields([ours, gone])]).toEqual([]);
  });
});

describe('the conflict inbox', () => {
  it('lists each record in conflict: what it is, its kind in words and its number of versions, linked to its page', async () => {
    show(<ConflictsPage />, {
      conflicts: [
        { docId: ID, table: 'accounts', key: base.id, subject: "Alex Jones's account", versions: 2 },
        { docId: 'emergencyChanges:e1', table: 'emergencyChanges', key: 'e1', subject: 'Emergency change to Riverside UTC', versions: 3 },
      ],
    });
    const rows = within(screen.getByTestId('conflicts')).getAllByTestId('conflict-item');
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))).toEqual([
      ["Alex Jones's account", 'User account', '2'],
      ['Emergency change to Riverside UTC', 'Emergency change', '3'],
    ]);
    expect(await axeProblems()).toEqual([]);
    expect(screen.getByRole('link', { name: "Alex Jones's account" })).toHaveAttribute(
      'href',
      `#/team/conflicts/${encodeURIComponent(ID)}`,
    );
  });

  it('says when there is nothing to resolve', () => {
    show(<ConflictsPage />);
    expect(screen.getByTestId('no-conflicts')).toHaveTextContent('There are no conflicts to resolve.');
  });
});

describe('a record in conflict', () => {
  it('sets the versions side by side, field by field, headed with who made each and where, differing fields marked in words', async () => {
    const sync = show(<ConflictPage docId={ID} />, { loadConflict: vi.fn(async () => detail([ours, theirs])) });
    const table = await screen.findByTestId('versions');
    expect(sync.loadConflict).toHaveBeenCalledWith(ID);
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual([
      'Field',
      "Version 1By Priya Shah on this desk (Lead's desk)Changed 1 June 2026 at 09:00 (that desk's clock)",
      "Version 2By Sam Okoro on Sam's laptopChanged 1 June 2026 at 09:05 (that desk's clock)Shown on every desk for now",
    ]);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1, -1)
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Full name', 'Alex Jones', 'Alex Jones'],
      ['EmailDiffers', 'alex.jones@nhs.net', 'alex.jones2@nhs.net'],
      ['Job titleDiffers', 'Clinical Director', 'Lead'],
      ['RolesDiffers', 'viewClinical', 'viewClinical, compareService'],
    ]);
    expect(
      within(table)
        .getByRole('rowheader', { name: /^Email/ })
        .closest('tr'),
    ).toHaveAttribute('data-differs', 'true');
    expect(within(table).getByRole('rowheader', { name: 'Full name' }).closest('tr')).not.toHaveAttribute('data-differs');
    expect(await axeProblems()).toEqual([]);
  });

  it('keeps the version the operator picks, then confirms and goes back to the inbox', async () => {
    const user = userEvent.setup();
    const sync = show(<ConflictPage docId={ID} />, { loadConflict: vi.fn(async () => detail([ours, theirs])) });
    await user.click(await screen.findByRole('button', { name: 'Keep this version (version 1)' }));
    await waitFor(() => expect(sync.resolve).toHaveBeenCalledWith(ID, { keep: REV_A }, expect.arrayContaining([REV_A])));
    expect(useSession.getState().notice).toBe("Kept version 1 of Alex Jones's account. Every desk will show it.");
    await waitFor(() => expect(window.location.hash).toBe('#/team/conflicts'));
  });

  it('combines them by keyboard: one choice per differing field, starting from the shown version', async () => {
    const user = userEvent.setup();
    const sync = show(<ConflictPage docId={ID} />, { loadConflict: vi.fn(async () => detail([ours, theirs])) });
    const combineForm = within(await screen.findByTestId('combine'));
    const jobTitle = combineForm.getByRole('group', { name: 'Job title' });
    expect(within(jobTitle).getByRole('radio', { name: 'Lead' })).toBeChecked();
    expect(within(jobTitle).getByRole('radio', { name: 'Clinical Director' })).toHaveAccessibleDescription(
      "Version 1: By Priya Shah on this desk (Lead's desk)",
    );
    // Into the job title choices, move to the other version's value, then on to save.
    within(jobTitle).getByRole('radio', { name: 'Lead' }).focus();
    await user.keyboard('{ArrowUp}');
    expect(within(jobTitle).getByRole('radio', { name: 'Clinical Director' })).toBeChecked();
    combineForm.getByRole('button', { name: 'Save the combined record' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(sync.resolve).toHaveBeenCalledTimes(1));
    expect(sync.resolve).toHaveBeenCalledWith(ID, { value: { ...theirs.value, jobTitle: 'Clinical Director' } }, expect.any(Array));
    expect(useSession.getState().notice).toBe("Saved the combined record of Alex Jones's account. Every desk will show it.");
  });

  it('shows a deleted version as deleted, by whom and where, and offers to keep it but not to combine it', async () => {
    const user = userEvent.setup();
    const sync = show(<ConflictPage docId={ID} />, { loadConflict: vi.fn(async () => detail([ours, gone])) });
    const table = await screen.findByTestId('versions');
    expect(within(table).getByTestId('version-2')).toHaveTextContent("Deleted on Sam's laptop by Sam Okoro");
    expect(screen.queryByTestId('combine')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Keep this version (version 2)' }));
    await waitFor(() => expect(sync.resolve).toHaveBeenCalledWith(ID, { keep: REV_C }, expect.arrayContaining([REV_C])));
    expect(useSession.getState().notice).toBe("Alex Jones's account stays deleted, on every desk.");
  });

  it('says so when the conflict was resolved meanwhile', async () => {
    show(<ConflictPage docId={ID} />);
    expect(await screen.findByTestId('conflict-gone')).toHaveTextContent('This record has no conflict now');
  });

  it('stays on the page with the reason when resolving fails', async () => {
    const user = userEvent.setup();
    show(<ConflictPage docId={ID} />, {
      loadConflict: vi.fn(async () => detail([ours, theirs])),
      resolve: vi.fn(async () => Promise.reject(new Error('This record changed again: look at the versions once more'))),
    });
    await user.click(await screen.findByRole('button', { name: 'Keep this version (version 2)' }));
    expect(await screen.findByText('This record changed again: look at the versions once more')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/team/conflicts/x');
    expect(useSession.getState().notice).toBeNull();
  });

  it('says plainly when a new version arrives while the operator is choosing, and shows the new list', async () => {
    const user = userEvent.setup();
    const loadConflict = vi.fn(async () => detail([ours, theirs]));
    const summary = (versions: number) => [
      { docId: ID, table: 'accounts' as const, key: base.id, subject: "Alex Jones's account", versions },
    ];
    const sync = fakeSync({ conflicts: 1 }, { loadConflict, conflicts: summary(2) });
    const { rerender } = render(
      <SyncContext.Provider value={sync}>
        <ConflictPage docId={ID} />
      </SyncContext.Provider>,
    );
    const combineForm = within(await screen.findByTestId('combine'));
    await user.click(within(combineForm.getByRole('group', { name: 'Job title' })).getByRole('radio', { name: 'Clinical Director' }));
    expect(screen.queryByTestId('versions-changed')).toBeNull();
    // A third version arrives from Sam's laptop: the inbox's entry changes, the page loads again.
    const third: ConflictVersion = {
      ...theirs,
      rev: REV_C,
      winner: false,
      value: { ...base, jobTitle: 'Deputy', updatedAt: '2026-06-01T08:10:00.000Z' },
    };
    loadConflict.mockImplementation(async () => detail([ours, theirs, third]));
    rerender(
      <SyncContext.Provider value={{ ...sync, conflicts: summary(3) }}>
        <ConflictPage docId={ID} />
      </SyncContext.Provider>,
    );
    expect(await screen.findByTestId('versions-changed')).toHaveTextContent(
      "A new version arrived from Sam's laptop: look again before you choose.",
    );
    expect(within(screen.getByTestId('versions')).getByTestId('version-3')).toBeInTheDocument();
    // The choice made on the old list starts again from the shown version.
    expect(within(screen.getByRole('group', { name: 'Job title' })).getByRole('radio', { name: 'Lead' })).toBeChecked();
    expect(await axeProblems()).toEqual([]);
  });

  it('words what changed in the versions: new ones by desk, or only that they changed', () => {
    expect(newVersionWords([ours, theirs], [theirs, ours])).toBeNull();
    expect(newVersionWords([ours], [ours, theirs])).toBe("A new version arrived from Sam's laptop: look again before you choose.");
    expect(newVersionWords([ours, theirs, gone], [ours, theirs])).toBe(
      'The versions changed on another desk: look again before you choose.',
    );
  });

  it('shows the engine refusing a choice made on versions that changed since they were loaded', async () => {
    const user = userEvent.setup();
    const refusal = 'A new version arrived since you opened this record: look at the versions again, then choose.';
    const sync = show(<ConflictPage docId={ID} />, {
      loadConflict: vi.fn(async () => detail([ours, theirs])),
      resolve: vi.fn(async () => Promise.reject(new InputError(refusal, 'resolution'))),
    });
    const combineForm = within(await screen.findByTestId('combine'));
    await user.click(combineForm.getByRole('button', { name: 'Save the combined record' }));
    expect(await combineForm.findByRole('alert')).toHaveTextContent(refusal);
    await user.click(screen.getByRole('button', { name: 'Keep this version (version 1)' }));
    await waitFor(() => expect(sync.resolve).toHaveBeenCalledTimes(2));
    expect(await screen.findAllByText(refusal)).toHaveLength(2);
    expect(window.location.hash).toBe('#/team/conflicts/x');
    expect(useSession.getState().notice).toBeNull();
  });
});
