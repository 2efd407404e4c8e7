import { z } from 'zod';

/**
 * The documents team sync carries (issue 17). One document per shared record and one per audit
 * entry, in the CouchDB replication format: the same documents travel in a team folder's batch
 * files (as `_bulk_docs` with `new_edits: false` takes them) and, later, to a CouchDB server.
 *
 * - `_id`: `<table>:<key>` for a record (`accounts:5b0c…`), `audit:<deskId>:<entry number>` for an
 *   audit entry. Never starts with `_` (reserved by CouchDB).
 * - `_rev` / `_revisions`: the revision and its ancestry, newest first, as CouchDB's `revs=true`.
 * - `t`: the table; `k`: the record's key; `v`: the record itself (absent on a deletion).
 * - `desk`: the desk that made this revision; `by`: the operator who made it, when one did.
 *   Shown in the conflict inbox; never used to choose between versions (no clocks decide).
 */
export const SYNC_TABLES = [
  'operators',
  'services',
  'accounts',
  'requests',
  'temporaryAccounts',
  'emergencyChanges',
  'ccOrganisations',
  'ccRequests',
  'ccLicences',
  'capacityReports',
  'pharmacyProfiles',
  'pharmacyChanges',
  'audit',
] as const;
export type SyncTable = (typeof SYNC_TABLES)[number];
/** The tables of records (every shared table but the audit trail, which is shared as each desk's read-only chain). */
export type SharedTable = Exclude<SyncTable, 'audit'>;
export const SHARED_TABLES: readonly SharedTable[] = SYNC_TABLES.filter((t): t is SharedTable => t !== 'audit');

/** A revision id: generation, dash, 32 hex digits (PouchDB and CouchDB use an MD5 hex digest). */
export const REV_PATTERN = /^[1-9][0-9]{0,8}-[0-9a-f]{32}$/;
const RevHash = z.string().regex(/^[0-9a-f]{32}$/, { error: 'A revision hash is 32 hex digits' });
/** A desk's id: a UUID made when it joins a team. */
export const DeskId = z.uuid({ error: 'A desk is named by its UUID' });

export const SyncDocSchema = z
  .object({
    _id: z
      .string()
      .min(3)
      .max(300)
      .regex(/^[a-zA-Z]+:[^\s]+$/, { error: 'A document id is <table>:<key>' }),
    _rev: z.string().regex(REV_PATTERN, { error: 'A revision is <generation>-<32 hex digits>' }),
    _revisions: z
      .object({ start: z.number().int().min(1), ids: z.array(RevHash).min(1).max(1000) })
      .strict()
      .refine((r) => r.ids.length <= r.start, { error: 'A revision history is longer than its generation' }),
    _deleted: z.literal(true).optional(),
    t: z.enum(SYNC_TABLES, { error: 'Not a table DoS Desk shares' }),
    k: z.union([z.string().max(200), z.number()]),
    v: z.unknown().optional(),
    desk: DeskId,
    by: z
      .object({ id: z.string().max(100), name: z.string().max(200) })
      .strict()
      .nullable(),
  })
  .strict()
  .refine((d) => d._rev === `${d._revisions.start}-${d._revisions.ids[0]}`, { error: 'A revision does not match its history' })
  .refine((d) => d._id.startsWith(`${d.t}:`), { error: 'A document id does not name its table' })
  .refine((d) => (d._deleted ? d.v === undefined : d.v !== undefined), { error: 'A record has a value unless it is deleted' });

export type SyncDoc = z.infer<typeof SyncDocSchema>;

/** The most documents one batch file holds; larger sets are written as several batches. */
export const BATCH_MAX_DOCS = 2000;

/** Which batches a snapshot already holds, per desk: a snapshot makes reading them unnecessary. */
export const Covers = z.record(DeskId, z.array(z.number().int().min(1)).max(1_000_000));
export type Covers = z.infer<typeof Covers>;

/** A snapshot is written as one or more batches; each part says which snapshot it belongs to. */
export const SnapshotPart = z
  .object({ id: z.uuid(), part: z.number().int().min(1), parts: z.number().int().min(1), covers: Covers })
  .strict()
  .refine((s) => s.part <= s.parts, { error: 'A snapshot part is numbered beyond its parts' });
export type SnapshotPart = z.infer<typeof SnapshotPart>;

/** One batch as a reader gets it from main: checked (signature, checksum), decrypted, parsed. */
export interface ReadBatch {
  deskId: string;
  seq: number;
  /** When the writing desk says it wrote it (shown only; never used to decide anything). */
  writtenAt: string;
  docs: SyncDoc[];
  snapshot: SnapshotPart | null;
}
