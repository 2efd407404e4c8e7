import { createContext, useContext } from 'react';
import type { ConflictDetail, ConflictSummary, Resolution, SyncState } from './types';

/** What screens may ask of team sync. The engine (sync/engine.ts) provides it; tests may give their own. */
export interface SyncControls {
  state: SyncState;
  /** Runs a cycle now: write this desk's changes, read the folder, apply what came in. */
  syncNow(): Promise<void>;
  /** Re-reads main's team status (after create, join, leave, unlock, remove, passphrase change). */
  refresh(): Promise<void>;
  /** Records in conflict, kept up to date (a live query). */
  conflicts: ConflictSummary[];
  loadConflict(docId: string): Promise<ConflictDetail | null>;
  /**
   * Keeps one version, or a combined value; audited; syncs to every desk. `seen`: the revisions the
   * operator was shown; when another has arrived since, nothing changes and an InputError says so.
   */
  resolve(docId: string, resolution: Resolution, seen?: readonly string[]): Promise<void>;
  /** Every revision this desk made, sealed by main as a batch file to carry by hand. */
  exportBatchFile(): Promise<{ fileName: string; content: string }>;
  /** Takes in a batch file carried by hand; returns how many documents were new here. */
  importBatchFile(content: string): Promise<{ imported: number }>;
}

export const SyncContext = createContext<SyncControls | null>(null);

export function useSync(): SyncControls {
  const sync = useContext(SyncContext);
  if (!sync) throw new Error('useSync() is used outside <SyncContext.Provider>');
  return sync;
}
