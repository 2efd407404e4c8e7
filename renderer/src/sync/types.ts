import type { SyncTable } from '../../../shared/sync/doc';
import type { TeamStatus } from '../../../shared/sync/team';

/** What the header and the Team page show about sync (UI state only; records stay in Dexie). */
export interface SyncState {
  /**
   * `off`: this desk is not in a team. `locked`: main needs the team passphrase. `idle`: synced.
   * `syncing`: a cycle is running. `unreachable`: the team folder cannot be read now (offline).
   * `error`: the last cycle failed for another reason (`message` says what to do).
   */
  phase: 'off' | 'locked' | 'idle' | 'syncing' | 'unreachable' | 'error';
  /** When the last cycle finished with the folder reachable (this desk's clock; shown only). */
  lastSyncedAt: string | null;
  /** Changes made on this desk not yet written to the team folder. */
  waiting: number;
  /** Records with two or more versions waiting for a person to choose. */
  conflicts: number;
  message: string | null;
  team: TeamStatus;
  /** Per team desk: how many of its batches this desk has taken in, of those in the folder. */
  read: Record<string, { imported: number; available: number }>;
}

/** One version of a record in conflict, for the inbox's side-by-side view. */
export interface ConflictVersion {
  rev: string;
  /** The version every desk shows until someone resolves the conflict (chosen by revision, not clock). */
  winner: boolean;
  deleted: boolean;
  value: Record<string, unknown> | null;
  deskId: string;
  /** The desk's name as the team folder knows it, or its id. */
  deskName: string;
  by: { id: string; name: string } | null;
}

export interface ConflictSummary {
  docId: string;
  table: SyncTable;
  key: string;
  /** The record in words ("Sam Jones's account"). */
  subject: string;
  versions: number;
}

export interface ConflictDetail extends ConflictSummary {
  versions: number;
  list: ConflictVersion[];
}

/** How the operator resolves a conflict: keep one version as it is, or a combined value they built. */
export type Resolution = { keep: string } | { value: Record<string, unknown> };
