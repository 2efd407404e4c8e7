import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DosDeskApi } from '@shared/ipc/api';
import type { Operator } from '@shared/models/operator';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import type { TeamStatus } from '@shared/sync/team';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import { TeamPage } from '../../../renderer/src/features/team/components/team-page';
import { downloadText } from '../../../renderer/src/platform/download';
import { useSession } from '../../../renderer/src/session/store';
import { SyncContext, type SyncControls } from '../../../renderer/src/sync/sync-context';
import type { SyncState } from '../../../renderer/src/sync/types';
import { AtDesk } from '../at-desk';
import { axeProblems } from '../axe';
import { freshDb, PRIYA, realApi } from '../helpers';
import { fakeSync, member, SAM_DESK, THIS_DESK } from '../sync/fake-sync';

vi.mock('../../../renderer/src/platform/download', () => ({ downloadText: vi.fn() }));

let db: DosDeskDb;
let lead: Operator;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  lead = await createOperator(db, PRIYA, DEFAULT_SETTINGS.regions);
  useSession.setState({ notice: null });
});

afterEach(() => vi.mocked(downloadText).mockClear());

const joined = member();
/** The real API (main's handler table), with main's team channels as spies that succeed. */
function teamApi() {
  const ok = async () => ({ ok: true as const, data: joined });
  const api = {
    ...realApi().api,
    createTeam: vi.fn(ok),
    joinTeam: vi.fn(ok),
    unlockTeam: vi.fn(ok),
    leaveTeam: vi.fn(async () => ({ ok: true as const, data: { state: 'none' } as TeamStatus })),
    removeTeamDesk: vi.fn(ok),
    changeTeamPassphrase: vi.fn(ok),
  } satisfies DosDeskApi;
  return api;
}

function show(state: Partial<SyncState>, api = teamApi(), change: Partial<SyncControls> = {}) {
  const sync = fakeSync(state, change);
  render(
    <AtDesk db={db} api={api} operator={lead}>
      <SyncContext.Provider value={sync}>
        <TeamPage />
      </SyncContext.Provider>
    </AtDesk>,
  );
  return { api, sync };
}

const NOT_IN_TEAM: Partial<SyncState> = { phase: 'off', team: { state: 'none' }, read: {} };

/**
 * Puts a whole value in a field at once, as pasting does. After a failed submit the shared form's
 * error summary takes focus whenever its list of problems changes, which typing key by key into a
 * field with an error would trigger half-way.
 */
async function fill(field: HTMLElement, value: string) {
  const user = userEvent.setup();
  await user.clear(field);
  await user.click(field);
  await user.paste(value);
}

function summaryLinks() {
  return within(screen.getByRole('alert'))
    .getAllByRole('link')
    .map((a) => a.textContent);
}

describe('the Team page, not in a team', () => {
  it('tells how to choose a folder on a network drive or in OneDrive / SharePoint', () => {
    show(NOT_IN_TEAM);
    expect(screen.getByRole('heading', { level: 1, name: 'Team' })).toBeInTheDocument();
    expect(screen.getByText(/network drive/)).toBeInTheDocument();
    expect(screen.getByText('Always keep on this device')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Set up a team folder' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Join a team' })).toBeInTheDocument();
  });

  it('is accessible, also with both forms refused', async () => {
    const user = userEvent.setup();
    show(NOT_IN_TEAM);
    expect(await axeProblems()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Set up the team folder' }));
    await user.click(screen.getByRole('button', { name: 'Join the team' }));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    expect(await axeProblems()).toEqual([]);
  });

  it('refuses to set up a team with bad input, with the contract’s messages, and calls nothing', async () => {
    const user = userEvent.setup();
    const { api, sync } = show(NOT_IN_TEAM);
    const form = within(screen.getByTestId('create-team'));
    await user.type(form.getByLabelText("This desk's name"), "Lead's desk");
    await user.type(form.getByLabelText('Team passphrase'), 'too short');
    await user.type(form.getByLabelText('Type the passphrase again'), 'too shorT');
    await user.click(form.getByRole('button', { name: 'Set up the team folder' }));
    expect(summaryLinks()).toEqual([
      'Enter the team folder: a folder on a shared drive or in OneDrive / SharePoint',
      'Enter a name for the team',
      'The team passphrase must be at least 12 characters',
      'The passphrases are not the same: type the passphrase again',
    ]);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveFocus());
    expect(form.getByLabelText('Team folder')).toHaveAttribute('aria-invalid', 'true');
    expect(api.createTeam).not.toHaveBeenCalled();
    expect(sync.refresh).not.toHaveBeenCalled();
  });

  it('sets up a team from the form, then refreshes the sync state and confirms', async () => {
    const user = userEvent.setup();
    const { api, sync } = show(NOT_IN_TEAM);
    const form = within(screen.getByTestId('create-team'));
    await user.type(form.getByLabelText('Team folder'), 'S:\\DoS Desk team');
    await user.type(form.getByLabelText('Team name'), 'London DoS team');
    await user.type(form.getByLabelText("This desk's name"), "Lead's desk");
    await user.type(form.getByLabelText('Team passphrase'), 'correct horse battery');
    await user.type(form.getByLabelText('Type the passphrase again'), 'correct horse battery');
    await user.click(form.getByRole('button', { name: 'Set up the team folder' }));
    await waitFor(() => expect(sync.refresh).toHaveBeenCalledTimes(1));
    expect(api.createTeam).toHaveBeenCalledWith({
      folder: 'S:\\DoS Desk team',
      teamName: 'London DoS team',
      deskName: "Lead's desk",
      passphrase: 'correct horse battery',
    });
    expect(useSession.getState().notice).toBe('The team folder is set up for London DoS team. Other desks can now join it.');
  });

  it('joins a team; a passphrase main refuses is shown against its field and nothing else happens', async () => {
    const user = userEvent.setup();
    const api = teamApi();
    api.joinTeam.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'failed',
        message: 'This passphrase does not open the team folder',
        fields: [{ path: 'passphrase', message: 'wrong' }],
      },
    } as never);
    const { sync } = show(NOT_IN_TEAM, api);
    const form = within(screen.getByTestId('join-team'));
    await user.click(form.getByRole('button', { name: 'Join the team' }));
    expect(summaryLinks()).toEqual([
      'Enter the team folder: a folder on a shared drive or in OneDrive / SharePoint',
      'Enter a name for this desk',
      'Enter the team passphrase',
    ]);
    expect(api.joinTeam).not.toHaveBeenCalled();
    await fill(form.getByLabelText('Team folder'), 'C:\\Users\\sam\\NHS\\DoS Desk team');
    await fill(form.getByLabelText("This desk's name"), "Sam's laptop");
    await fill(form.getByLabelText('Team passphrase'), 'wrong one');
    await user.click(form.getByRole('button', { name: 'Join the team' }));
    expect(
      await form.findByText('This passphrase does not open the team folder', { selector: '.nhsuk-error-message *, .nhsuk-error-message' }),
    ).toBeInTheDocument();
    expect(form.getByLabelText('Team passphrase')).toHaveAttribute('aria-invalid', 'true');
    expect(sync.refresh).not.toHaveBeenCalled();
    await user.click(form.getByRole('button', { name: 'Join the team' }));
    await waitFor(() => expect(sync.refresh).toHaveBeenCalledTimes(1));
    expect(api.joinTeam).toHaveBeenLastCalledWith({
      folder: 'C:\\Users\\sam\\NHS\\DoS Desk team',
      deskName: "Sam's laptop",
      passphrase: 'wrong one',
    });
  });
});

describe('the Team page, as a member', () => {
  it('shows the team, its folder, this desk and the folder status; Sync now runs a cycle', async () => {
    const user = userEvent.setup();
    const { sync } = show({});
    expect(screen.getByText('London DoS team')).toBeInTheDocument();
    expect(screen.getByText('S:\\DoS Desk team')).toBeInTheDocument();
    expect(screen.getByTestId('team-folder-status')).toHaveTextContent('Reachable, last checked just now');
    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(sync.syncNow).toHaveBeenCalledTimes(1));
    expect(await screen.findByText(/^Sync finished at \d\d:\d\d\.$/)).toBeInTheDocument();
  });

  it('says why the folder cannot be reached, and lists skipped files with their reasons', () => {
    show({
      phase: 'unreachable',
      team: member({
        reachable: false,
        unreachableReason: 'the folder S:\\DoS Desk team is missing (is the drive connected?)',
        problems: [
          { file: 'desks/abc/b-00000003.dsb', kind: 'placeholder', message: 'Not downloaded yet: it has no content on this computer.' },
          { file: 'desks/abc/b-00000002 (1).dsb', kind: 'conflict-copy', message: 'A copy made by the sync client: skipped.' },
        ],
      }),
    });
    expect(screen.getByTestId('team-folder-status')).toHaveTextContent(
      'Not reachable: the folder S:\\DoS Desk team is missing (is the drive connected?), last checked just now',
    );
    const problems = within(screen.getByTestId('team-problems'));
    expect(problems.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'desks/abc/b-00000003.dsb: Not downloaded yet: it has no content on this computer.',
      'desks/abc/b-00000002 (1).dsb: A copy made by the sync client: skipped.',
    ]);
  });

  it('is accessible: a member with skipped files, a desk being removed, and after a failed form', async () => {
    const user = userEvent.setup();
    show({
      phase: 'error',
      message: 'The team folder could not be written: the disk is full.',
      conflicts: 2,
      team: member({ problems: [{ file: 'desks/abc/b-00000003.dsb', kind: 'placeholder', message: 'Not downloaded yet.' }] }),
    });
    await user.click(screen.getByRole('button', { name: "Remove Sam's laptop from team" }));
    await user.click(within(screen.getByTestId('change-passphrase')).getByRole('button', { name: 'Change the passphrase' }));
    await screen.findByText('Enter the current passphrase', { selector: 'a' });
    expect(await axeProblems()).toEqual([]);
  });

  it('lists the desks: this one, how far each is read, and a removed one', () => {
    show({});
    const rows = within(screen.getByTestId('team-desks')).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('th, td')].slice(0, 3).map((c) => c.textContent))).toEqual([
      ["Lead's deskThis desk", 'Not yet', '2 written here'],
      ["Sam's laptop", '5 minutes ago', '3 of 5'],
      ['Old PCRemoved', 'Not yet', '1 of 1'],
    ]);
    // Only a desk still in the team, other than this one, can be removed.
    expect(screen.getAllByRole('button', { name: /from team$/ }).map((b) => b.textContent)).toEqual(["Remove Sam's laptop from team"]);
  });

  it('removes a desk only after a confirmation saying its batches stay readable; cancel does nothing', async () => {
    const user = userEvent.setup();
    const { api, sync } = show({});
    await user.click(screen.getByRole('button', { name: "Remove Sam's laptop from team" }));
    const confirm = within(screen.getByTestId('confirm-remove-desk'));
    expect(confirm.getByRole('heading', { name: "Remove Sam's laptop from the team?" })).toHaveFocus();
    expect(confirm.getByText(/its batches in the team folder stay readable/)).toBeInTheDocument();
    expect(confirm.getByText(/It can no longer add to the team folder/)).toBeInTheDocument();
    await user.click(confirm.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('confirm-remove-desk')).toBeNull();
    expect(api.removeTeamDesk).not.toHaveBeenCalled();
    // By keyboard: the remove button, then the confirmation.
    screen.getByRole('button', { name: "Remove Sam's laptop from team" }).focus();
    await user.keyboard('{Enter}');
    await user.tab();
    expect(screen.getByRole('button', { name: "Yes, remove Sam's laptop" })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(sync.refresh).toHaveBeenCalledTimes(1));
    expect(api.removeTeamDesk).toHaveBeenCalledWith(SAM_DESK);
    expect(useSession.getState().notice).toBe("Sam's laptop was removed from the team.");
  });

  it('changes the passphrase only when the new one is valid, differs and is typed twice the same', async () => {
    const user = userEvent.setup();
    const { api, sync } = show({});
    const form = within(screen.getByTestId('change-passphrase'));
    await user.type(form.getByLabelText('Current passphrase'), 'correct horse battery');
    await user.type(form.getByLabelText('New passphrase'), 'correct horse battery');
    await user.type(form.getByLabelText('Type the new passphrase again'), 'something else');
    await user.click(form.getByRole('button', { name: 'Change the passphrase' }));
    expect(summaryLinks()).toEqual([
      'The new passphrase must differ from the current one',
      'The new passphrases are not the same: type the new passphrase again',
    ]);
    expect(api.changeTeamPassphrase).not.toHaveBeenCalled();
    await fill(form.getByLabelText('New passphrase'), 'staple paper clip lamp');
    await fill(form.getByLabelText('Type the new passphrase again'), 'staple paper clip lamp');
    await user.click(form.getByRole('button', { name: 'Change the passphrase' }));
    await waitFor(() => expect(sync.refresh).toHaveBeenCalledTimes(1));
    expect(api.changeTeamPassphrase).toHaveBeenCalledWith({ current: 'correct horse battery', next: 'staple paper clip lamp' });
    expect(form.getByLabelText('Current passphrase')).toHaveValue('');
  });

  it('when locked, asks for the passphrase (refusing an empty one) and offers no batch files or passphrase change', async () => {
    const user = userEvent.setup();
    const { api, sync } = show({ phase: 'locked', team: member({ locked: true }) });
    expect(screen.queryByRole('button', { name: 'Save a batch file' })).toBeNull();
    expect(screen.queryByTestId('change-passphrase')).toBeNull();
    // Not a button that does nothing: it is not offered, and the page says why.
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
    expect(screen.getByTestId('sync-now-locked')).toHaveTextContent('Sync is paused until the team passphrase is entered');
    // Older batches are still read after a passphrase change elsewhere: the copy does not claim otherwise.
    expect(screen.getByTestId('unlock-team')).toHaveTextContent('new batches cannot be read or written until you enter the passphrase');
    expect(screen.getByTestId('unlock-team')).not.toHaveTextContent('nothing is read from the team folder');
    const form = within(screen.getByTestId('unlock-team'));
    await user.click(form.getByRole('button', { name: 'Unlock' }));
    expect(summaryLinks()).toEqual(['Enter the team passphrase']);
    expect(api.unlockTeam).not.toHaveBeenCalled();
    await fill(form.getByLabelText('Team passphrase'), 'correct horse battery');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(sync.refresh).toHaveBeenCalledTimes(1));
    expect(api.unlockTeam).toHaveBeenCalledWith({ passphrase: 'correct horse battery' });
  });

  it('leaves the team after a confirmation', async () => {
    const user = userEvent.setup();
    const { api, sync } = show({});
    await user.click(screen.getByRole('button', { name: 'Leave the team' }));
    const confirm = within(screen.getByTestId('confirm-leave'));
    expect(confirm.getByRole('heading', { name: 'Leave London DoS team?' })).toHaveFocus();
    expect(api.leaveTeam).not.toHaveBeenCalled();
    await user.click(confirm.getByRole('button', { name: 'Yes, leave the team' }));
    await waitFor(() => expect(sync.refresh).toHaveBeenCalledTimes(1));
    expect(api.leaveTeam).toHaveBeenCalledTimes(1);
  });

  it('saves a batch file as a download and takes one in, saying how many records were new', async () => {
    const user = userEvent.setup();
    const { sync } = show({});
    await user.click(screen.getByRole('button', { name: 'Save a batch file' }));
    await waitFor(() => expect(downloadText).toHaveBeenCalledWith('lead-s-desk-2026-06-01.dsb', 'SEALED', 'application/octet-stream'));
    expect(screen.getByTestId('batch-outcome')).toHaveTextContent('Saved the batch file lead-s-desk-2026-06-01.dsb.');
    await user.upload(screen.getByLabelText('Take in a batch file'), new File(['SEALED BY SAM'], 'sams-laptop.dsb'));
    await waitFor(() => expect(sync.importBatchFile).toHaveBeenCalledWith('SEALED BY SAM'));
    expect(await screen.findByText('Took in sams-laptop.dsb: 3 records were new on this desk.')).toBeInTheDocument();
  });

  it('says so when a batch file is refused, and nothing else', async () => {
    const user = userEvent.setup();
    show({}, teamApi(), {
      importBatchFile: vi.fn(async () => Promise.reject(new Error('This batch file is not signed by a desk of this team'))),
    });
    await user.upload(screen.getByLabelText('Take in a batch file'), new File(['x'], 'stranger.dsb'));
    expect(await screen.findByText('This batch file is not signed by a desk of this team')).toBeInTheDocument();
    expect(screen.getByTestId('batch-outcome')).toBeEmptyDOMElement();
  });

  it('as a removed desk, says what to do and offers no batch file to save, only to take one in', async () => {
    show({ team: member({ removed: true }) });
    expect(screen.getByTestId('removed-advice')).toHaveTextContent(
      'Ask a lead on another desk to check: if this desk should still be in the team, leave the team here and join again.',
    );
    expect(screen.queryByRole('button', { name: 'Save a batch file' })).toBeNull();
    expect(screen.getByTestId('batch-save-removed')).toHaveTextContent(
      'This desk was removed from the team, so it cannot save a batch file',
    );
    expect(screen.getByLabelText('Take in a batch file')).toBeEnabled();
    expect(await axeProblems()).toEqual([]);
  });

  it('Cancel on a confirmation brings focus back to the button that opened it', async () => {
    const user = userEvent.setup();
    show({});
    await user.click(screen.getByRole('button', { name: "Remove Sam's laptop from team" }));
    await user.click(within(screen.getByTestId('confirm-remove-desk')).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: "Remove Sam's laptop from team" })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Leave the team' }));
    await user.click(within(screen.getByTestId('confirm-leave')).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Leave the team' })).toHaveFocus();
  });

  it('the remove confirmation says what removing does not stop, and leads to changing the passphrase', async () => {
    const user = userEvent.setup();
    show({});
    await user.click(screen.getByRole('button', { name: "Remove Sam's laptop from team" }));
    const confirm = within(screen.getByTestId('confirm-remove-desk'));
    expect(confirm.getByText(/DoS Desk on that desk stops sharing/)).toBeInTheDocument();
    expect(confirm.getByText(/does not stop someone who has that desk, or who knows the team passphrase/)).toBeInTheDocument();
    expect(screen.getByTestId('remove-desk-passphrase')).toHaveTextContent(
      'If the laptop was lost or the person left, also change the team passphrase',
    );
    await user.click(confirm.getByRole('button', { name: 'go to Change the team passphrase' }));
    expect(screen.getByRole('heading', { name: 'Change the team passphrase' })).toHaveFocus();
    expect(await axeProblems()).toEqual([]);
  });

  it('names a known desk in the skipped files instead of its folder id', () => {
    show({
      team: member({
        problems: [
          { file: `desks/${SAM_DESK}/b-00000007.dsb`, kind: 'bad-signature', message: 'Not signed by that desk.' },
          { file: `desks/${THIS_DESK}`, kind: 'unknown-file', message: 'Not a folder.' },
          { file: 'desks/not-a-desk/b-1.dsb', kind: 'unknown-file', message: 'Unknown.' },
        ],
      }),
    });
    expect(
      within(screen.getByTestId('team-problems'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      "b-00000007.dsb from Sam's laptop: Not signed by that desk.",
      "Lead's desk's folder: Not a folder.",
      'desks/not-a-desk/b-1.dsb: Unknown.',
    ]);
  });

  it('offers only batch files to take in, and refuses one over 64 MB before reading it', async () => {
    const user = userEvent.setup();
    const { sync } = show({});
    const input = screen.getByLabelText('Take in a batch file');
    expect(input).toHaveAttribute('accept', '.dsb,.txt');
    const big = new File(['x'], 'huge.dsb');
    Object.defineProperty(big, 'size', { value: 65 * 1024 * 1024 });
    const read = vi.spyOn(big, 'text');
    await user.upload(input, big);
    expect(await screen.findByText(/huge.dsb is over 64 MB/)).toBeInTheDocument();
    expect(read).not.toHaveBeenCalled();
    expect(sync.importBatchFile).not.toHaveBeenCalled();
    expect(screen.getByTestId('batch-outcome')).toBeEmptyDOMElement();
  });
});
