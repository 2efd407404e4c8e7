import { vi } from 'vitest';
import type { TeamDesk, TeamStatus } from '@shared/sync/team';
import type { SyncControls } from '../../../renderer/src/sync/sync-context';
import type { SyncState } from '../../../renderer/src/sync/types';

export const THIS_DESK = '11111111-1111-4111-8111-111111111111';
export const SAM_DESK = '22222222-2222-4222-8222-222222222222';
export const OLD_DESK = '33333333-3333-4333-8333-333333333333';

export function desk(change: Partial<TeamDesk> & Pick<TeamDesk, 'id' | 'name'>): TeamDesk {
  return { you: false, removed: false, lastSeenAt: null, batches: [], snapshots: [], ...change };
}

/** A desk in the London DoS team, its folder reachable: this desk, Sam's laptop and a removed desk. */
export function member(change: Partial<Extract<TeamStatus, { state: 'member' }>> = {}): TeamStatus {
  return {
    state: 'member',
    team: { id: 'team-1', name: 'London DoS team', folder: 'S:\\DoS Desk team' },
    desk: { id: THIS_DESK, name: "Lead's desk" },
    locked: false,
    removed: false,
    reachable: true,
    unreachableReason: null,
    checkedAt: new Date().toISOString(),
    keysProtected: true,
    desks: [
      desk({ id: THIS_DESK, name: "Lead's desk", you: true, batches: [1, 2] }),
      desk({ id: SAM_DESK, name: "Sam's laptop", lastSeenAt: new Date(Date.now() - 5 * 60_000).toISOString(), batches: [1, 2, 3, 4, 5] }),
      desk({ id: OLD_DESK, name: 'Old PC', removed: true, batches: [1] }),
    ],
    problems: [],
    ...change,
  };
}

export function syncState(change: Partial<SyncState> = {}): SyncState {
  return {
    phase: 'idle',
    lastSyncedAt: new Date().toISOString(),
    waiting: 0,
    conflicts: 0,
    message: null,
    team: member(),
    read: { [SAM_DESK]: { imported: 3, available: 5 }, [OLD_DESK]: { imported: 1, available: 1 } },
    ...change,
  };
}

/** Sync controls for a screen under test: the state given, every action a spy that succeeds. */
export function fakeSync(state: Partial<SyncState> = {}, change: Partial<SyncControls> = {}): SyncControls {
  return {
    state: syncState(state),
    syncNow: vi.fn(async () => undefined),
    refresh: vi.fn(async () => undefined),
    conflicts: [],
    loadConflict: vi.fn(async () => null),
    resolve: vi.fn(async () => undefined),
    exportBatchFile: vi.fn(async () => ({ fileName: 'lead-s-desk-2026-06-01.dsb', content: 'SEALED' })),
    importBatchFile: vi.fn(async () => ({ imported: 3 })),
    ...change,
  };
}
