import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncStatus } from '../../../renderer/src/features/team/components/sync-status';
import { ago, syncWords } from '../../../renderer/src/features/team/data/sync-words';
import { SyncContext } from '../../../renderer/src/sync/sync-context';
import type { SyncState } from '../../../renderer/src/sync/types';
import { fakeSync, member, syncState } from '../sync/fake-sync';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const minutesAgo = (n: number) => new Date(NOW - n * 60_000).toISOString();

afterEach(() => vi.useRealTimers());

function words(change: Partial<SyncState>) {
  return syncWords(syncState(change), NOW);
}

describe('the header sync state in words', () => {
  it('says one short thing for each phase, and where it leads', () => {
    expect(words({ phase: 'off', team: { state: 'none' } })).toBeNull();
    expect(words({ phase: 'idle', lastSyncedAt: minutesAgo(2) })).toMatchObject({ text: 'Synced 2 minutes ago', link: null });
    expect(words({ phase: 'idle', lastSyncedAt: minutesAgo(0.5) })!.text).toBe('Synced just now');
    expect(words({ phase: 'idle', lastSyncedAt: minutesAgo(1) })!.text).toBe('Synced 1 minute ago');
    expect(words({ phase: 'idle', lastSyncedAt: minutesAgo(130) })!.text).toBe('Synced 2 hours ago');
    expect(words({ phase: 'idle', lastSyncedAt: null })!.text).toBe('Not synced yet');
    expect(words({ phase: 'syncing' })).toMatchObject({ text: 'Syncing…', link: null });
    expect(words({ phase: 'unreachable', waiting: 5 })).toMatchObject({ text: 'Offline: 5 changes waiting', link: null });
    expect(words({ phase: 'unreachable', waiting: 1 })!.text).toBe('Offline: 1 change waiting');
    expect(words({ phase: 'unreachable', waiting: 0 })).toMatchObject({ text: 'Team folder not reachable', link: null });
    expect(words({ phase: 'idle', conflicts: 2 })).toMatchObject({ text: '2 conflicts to resolve', link: 'conflicts' });
    expect(words({ phase: 'unreachable', waiting: 3, conflicts: 1 })).toMatchObject({ text: '1 conflict to resolve', link: 'conflicts' });
    expect(words({ phase: 'locked', team: member({ locked: true }) })).toMatchObject({
      text: 'Locked: enter the team passphrase',
      link: 'team',
    });
    expect(words({ phase: 'error', message: 'The batch could not be written' })).toMatchObject({ text: 'Team sync failed', link: 'team' });
    expect(words({ phase: 'idle', team: member({ removed: true }) })).toMatchObject({ text: 'Removed from the team', link: 'team' });
  });

  it('gives older syncs as a London date and time', () => {
    expect(ago('2026-05-30T08:05:00Z', NOW)).toBe('on 30 May 2026 at 09:05');
    expect(ago('not a date', NOW)).toBe('at an unknown time');
  });
});

function Header({ state }: { state: Partial<SyncState> }) {
  return (
    <SyncContext.Provider value={fakeSync(state)}>
      <SyncStatus />
    </SyncContext.Provider>
  );
}

describe('the header sync state', () => {
  it('shows nothing while this desk is not in a team', () => {
    render(<Header state={{ phase: 'off', team: { state: 'none' } }} />);
    expect(screen.queryByTestId('sync-status')).toBeNull();
    expect(screen.getByTestId('sync-announcement')).toBeEmptyDOMElement();
  });

  it('moves "Synced 2 minutes ago" on each minute without announcing the clock', () => {
    vi.useFakeTimers({ now: NOW });
    render(<Header state={{ phase: 'idle', lastSyncedAt: minutesAgo(2) }} />);
    expect(screen.getByTestId('sync-status')).toHaveTextContent('Synced 2 minutes ago');
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByTestId('sync-status')).toHaveTextContent('Synced 3 minutes ago');
    expect(screen.getByTestId('sync-announcement')).toBeEmptyDOMElement();
  });

  it('links conflicts to the conflict inbox and a locked folder to the Team page', () => {
    const { rerender } = render(<Header state={{ conflicts: 2 }} />);
    expect(screen.getByRole('link', { name: '2 conflicts to resolve' })).toHaveAttribute('href', '#/team/conflicts');
    rerender(<Header state={{ phase: 'locked', team: member({ locked: true }) }} />);
    expect(screen.getByRole('link', { name: 'Locked: enter the team passphrase' })).toHaveAttribute('href', '#/team');
  });

  it('announces a change of situation once, politely, and not each passing sync', () => {
    vi.useFakeTimers({ now: NOW });
    const at = new Date(NOW).toISOString();
    const { rerender } = render(<Header state={{ phase: 'idle', lastSyncedAt: at }} />);
    const live = screen.getByTestId('sync-announcement');
    expect(live).toHaveAttribute('aria-live', 'polite');
    // Not a second role="status": the page's own status messages stay the first a reader finds.
    expect(screen.queryByRole('status')).toBeNull();
    expect(live).toBeEmptyDOMElement();
    rerender(<Header state={{ phase: 'syncing', lastSyncedAt: at }} />);
    expect(screen.getByTestId('sync-status')).toHaveTextContent('Syncing…');
    rerender(<Header state={{ phase: 'idle', lastSyncedAt: at }} />);
    expect(live).toBeEmptyDOMElement();
    rerender(<Header state={{ phase: 'unreachable', waiting: 5, lastSyncedAt: at }} />);
    expect(live).toHaveTextContent('Team sync: Offline: 5 changes waiting');
    rerender(<Header state={{ phase: 'unreachable', waiting: 6, lastSyncedAt: at }} />);
    expect(screen.getByTestId('sync-status')).toHaveTextContent('Offline: 6 changes waiting');
    expect(live).toHaveTextContent('Team sync: Offline: 5 changes waiting');
    rerender(<Header state={{ phase: 'syncing', lastSyncedAt: at }} />);
    rerender(<Header state={{ phase: 'idle', lastSyncedAt: at }} />);
    expect(live).toHaveTextContent('Team sync: Synced just now');
    rerender(<Header state={{ phase: 'idle', lastSyncedAt: at, conflicts: 2 }} />);
    expect(live).toHaveTextContent('Team sync: 2 conflicts to resolve');
  });
});
