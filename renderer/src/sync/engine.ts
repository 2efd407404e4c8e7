import type { SyncControls } from './sync-context';

/**
 * PLACEHOLDER until the sync engine lands (issue 17): this desk is not in a team, and nothing syncs.
 * The engine replaces this file wholesale with the real `useSyncEngine()`.
 */
const OFF: SyncControls = {
  state: { phase: 'off', lastSyncedAt: null, waiting: 0, conflicts: 0, message: null, team: { state: 'none' }, read: {} },
  syncNow: async () => undefined,
  refresh: async () => undefined,
  conflicts: [],
  loadConflict: async () => null,
  resolve: async () => {
    throw new Error('This desk is not in a team, so there is nothing to resolve.');
  },
  exportBatchFile: async () => {
    throw new Error('This desk is not in a team: join one on the Team page first.');
  },
  importBatchFile: async () => {
    throw new Error('This desk is not in a team: join one on the Team page first.');
  },
};

/** The sync controls the app gives every screen (placeholder: see above). */
export function useSyncEngine(): SyncControls {
  return OFF;
}
