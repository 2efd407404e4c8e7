import type { AuditEntry } from '@shared/models/audit';
import type { SyncDoc } from '@shared/sync/doc';
import { CHANGES_TABLE } from './change-log';

/** The PouchDB revision a shared record on this desk reflects: the base of this desk's next edit of it. */
export interface SyncRevRow {
  /** The document id, `<table>:<key>`. */
  id: string;
  rev: string;
  /** A digest of the record at that revision (`sync/revs.ts` contentDigest): tells a save that changed nothing, after compaction has dropped the revision's body. */
  sha?: string;
}

/** A record with two or more live versions. */
export interface SyncConflictRow {
  id: string;
  table: string;
  key: string;
  /** The winning revision first, then the others. */
  revs: string[];
}

export interface SyncStateRow {
  key: string;
  value: unknown;
}

/** Revisions made on this desk, waiting to be written to the team folder. */
export interface SyncOutgoingRow {
  n?: number;
  docs: SyncDoc[];
  /** Also in this desk's PouchDB (false between the two writes of a push; see sync/push.ts). */
  inPouch?: boolean;
}

/** A conflict resolved on this desk: the losing revisions the next push closes (tombstones on their branches). */
export interface SyncPendingRow {
  id: string;
  losers: string[];
}

/** Another desk's audit entry: a read-only copy, verified in its own desk's chain. */
export interface TeamAuditRow extends AuditEntry {
  id: number;
  desk: string;
  /** The entry arrived with a second version: audit entries are never edited, so this is tampering. */
  tampered?: boolean;
}

export interface DeskFlagRow {
  key: string;
}

/**
 * Tables that belong to this desk alone: team sync's bookkeeping, the change log, other desks'
 * audit copies and what this desk has shown. Never in a backup, never cleared by a restore.
 */
export const LOCAL_TABLES: ReadonlySet<string> = new Set([
  CHANGES_TABLE,
  'syncRevs',
  'syncConflicts',
  'syncState',
  'syncOutgoing',
  'syncPending',
  'teamAudit',
  'deskFlags',
]);
