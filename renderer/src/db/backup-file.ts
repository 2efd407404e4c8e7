import type Dexie from 'dexie';
import { exportDB } from 'dexie-export-import';
import { splitBackupTrailer, type BackupFileHeader } from '@shared/domain/backups';
import { parseAnchorLog, type AnchorLog } from '@shared/domain/audit-witness';
import { canonicalJson, sha256Hex, sha256HexOfBytes } from '@shared/domain/sha256';
import { LOCAL_TABLES } from './sync-tables';
import { LATEST_VERSION, SCHEMA_VERSIONS } from './schema';

// The backup file itself: exporting the database, and checking and reading a backup file (format 2:
// a header line, the Dexie export, the outbox and witness lines, then the SHA-256 trailer) or a
// plain export. Sending to and reading from main is in backup-transfer.ts, restoring in backup-restore.ts.

/** Reports progress of long work: what is happening, how far along, out of how much. */
export type Progress = (p: { stage: string; done: number; total: number }) => void;

/** A problem with a backup file, in words a person can act on. Nothing has been changed. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** The data of main's answer, or its reason as a BackupError. */
export function ok<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new BackupError(result.error.message);
  return result.data;
}

/** Row counts per table. */
export async function tableCounts(db: Dexie): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of db.tables) if (!LOCAL_TABLES.has(table.name)) counts[table.name] = await table.count();
  return counts;
}

/** Exports the whole database (dexie-export-import, in chunks of rows). */
export async function exportDatabase(db: Dexie, progress?: Progress): Promise<Blob> {
  return exportDB(db, {
    numRowsPerChunk: 2000,
    prettyJson: false,
    // The change log is this desk's record of what it has written for team sync, not a record itself.
    skipTables: [...LOCAL_TABLES],
    progressCallback: ({ completedRows, totalRows }) => {
      progress?.({ stage: 'Exporting records', done: completedRows, total: totalRows ?? completedRows });
      return true;
    },
  });
}

/** The row counts a Dexie export lists at its start, before its rows; null if they cannot be read. */
export async function countsInExport(blob: Blob): Promise<Record<string, number> | null> {
  const head = await blob.slice(0, 256 * 1024).text();
  const end = head.indexOf(',"data":[');
  if (end < 0) return null;
  try {
    const root = JSON.parse(`${head.slice(0, end)}}}`) as { data?: { tables?: { name: string; rowCount: number }[] } };
    const tables = root.data?.tables;
    if (!Array.isArray(tables)) return null;
    return Object.fromEntries(tables.map((t) => [t.name, t.rowCount]));
  } catch {
    return null;
  }
}

export interface ParsedBackup {
  schemaVersion: number;
  tables: Record<string, unknown[]>;
  counts: Record<string, number>;
  /** A backup file's own header (format 2), or null for a plain export. */
  header: BackupFileHeader | null;
  /** Main's outbox when the backup was made (format 2). */
  outbox: unknown[];
  /** The audit witness log when the backup was made (format 2), or null. */
  anchors: AnchorLog | null;
  /** Whether the file carried a SHA-256 of its content, which was checked. */
  checksummed: boolean;
}

async function sha256Of(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
    return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  }
  return sha256HexOfBytes(bytes);
}

/**
 * Checks a backup or export file and returns its records. A backup file (format 2) must match the
 * SHA-256 it carries (one changed byte is refused) and the counts in its header; a plain export
 * (a Dexie export, with no checksum of its own) must at least be complete. Refuses anything else
 * with the reason; nothing has been changed when it throws.
 */
export async function parseBackup(input: string | Uint8Array): Promise<ParsedBackup> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  let text: string;
  try {
    text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BackupError('This file is not a DoS Desk backup: it is not text, or it has been damaged.');
  }
  if (!text.startsWith('{"format":"dos-desk-backup"'))
    return { ...parseExport(text), header: null, outbox: [], anchors: null, checksummed: false };

  const trailer = splitBackupTrailer(text.slice(-2048));
  if (!trailer)
    throw new BackupError('This backup is incomplete: it has been cut short (its checksum at the end is missing), so it was not used.');
  const covered = bytes.length - new TextEncoder().encode(trailer.line).length;
  if (covered !== trailer.checksum.bytes || (await sha256Of(bytes.subarray(0, covered))) !== trailer.checksum.sha256) {
    throw new BackupError(
      'This backup has been changed or damaged since it was made: it does not match the SHA-256 checksum it carries. It was not used.',
    );
  }
  const body = text.slice(0, text.length - trailer.line.length);
  const headerEnd = body.indexOf('\n');
  const anchorsStart = body.lastIndexOf('\n', body.length - 2) + 1;
  const outboxStart = body.lastIndexOf('\n', anchorsStart - 2) + 1;
  let header: BackupFileHeader;
  let outbox: unknown[];
  let anchorsText: string;
  try {
    header = JSON.parse(body.slice(0, headerEnd)) as BackupFileHeader;
    const outboxLine = JSON.parse(body.slice(outboxStart, anchorsStart)) as { section?: string; entries?: unknown[] };
    const anchorsLine = JSON.parse(body.slice(anchorsStart)) as { section?: string; text?: string };
    if (
      outboxLine.section !== 'outbox' ||
      !Array.isArray(outboxLine.entries) ||
      anchorsLine.section !== 'anchors' ||
      typeof anchorsLine.text !== 'string'
    )
      throw new Error('sections');
    outbox = outboxLine.entries;
    anchorsText = anchorsLine.text;
  } catch {
    throw new BackupError('This backup is damaged: its parts are not laid out as a DoS Desk backup. It was not used.');
  }
  const parsed = parseExport(body.slice(headerEnd + 1, outboxStart - 1));
  for (const name of new Set([...Object.keys(header.counts ?? {}), ...Object.keys(parsed.counts)])) {
    const said = header.counts?.[name] ?? 0;
    const held = parsed.tables[name]?.length ?? 0;
    if (said !== held)
      throw new BackupError(
        `This backup's own summary does not match what it holds (it says ${said} ${name} records, it holds ${held}): it has been altered, so it was not used.`,
      );
  }
  return { ...parsed, header, outbox, anchors: parseAnchorLog(anchorsText, 'the backup'), checksummed: true };
}

/** Checks that text is a Dexie export of this database whose row counts match its own header. */
function parseExport(text: string): Pick<ParsedBackup, 'schemaVersion' | 'tables' | 'counts'> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError('This file is not a DoS Desk backup: it is not valid JSON, or it has been cut short.');
  }
  const root = json as {
    formatName?: unknown;
    data?: { databaseName?: unknown; databaseVersion?: unknown; tables?: unknown; data?: unknown };
  };
  if (root?.formatName !== 'dexie' || typeof root.data !== 'object' || root.data === null)
    throw new BackupError('This file is not a DoS Desk backup.');
  const { databaseVersion, tables, data } = root.data;
  if (typeof databaseVersion !== 'number' || !Array.isArray(tables) || !Array.isArray(data))
    throw new BackupError('This file is not a DoS Desk backup: its contents are not laid out as a backup.');
  // Dexie writes its own version number (db.verno), which is the schema version.
  const schemaVersion = Math.floor(databaseVersion);
  if (schemaVersion < 1) throw new BackupError('This file is not a DoS Desk backup: its records version is not valid.');
  if (schemaVersion > LATEST_VERSION) {
    throw new BackupError(
      `This backup was made by a newer version of DoS Desk (records version ${schemaVersion}; this version understands up to ${LATEST_VERSION}). Install the newer DoS Desk to use it.`,
    );
  }
  const known = new Set(SCHEMA_VERSIONS.filter((v) => v.version <= schemaVersion).flatMap((v) => Object.keys(v.stores)));
  const counts: Record<string, number> = {};
  const rows: Record<string, unknown[]> = {};
  for (const t of tables as { name?: unknown; rowCount?: unknown }[]) {
    if (typeof t.name !== 'string' || !known.has(t.name))
      throw new BackupError(`This backup has a table DoS Desk does not know ("${String(t.name).slice(0, 40)}"), so it was not used.`);
    counts[t.name] = Number(t.rowCount);
    rows[t.name] = [];
  }
  for (const chunk of data as { tableName?: unknown; rows?: unknown }[]) {
    if (typeof chunk.tableName !== 'string' || !(chunk.tableName in rows) || !Array.isArray(chunk.rows))
      throw new BackupError('This backup is damaged: a block of records is not laid out as expected.');
    const target = rows[chunk.tableName]!;
    for (const r of chunk.rows as unknown[]) target.push(r && typeof r === 'object' && '$types' in r ? stripTypes(r) : r);
  }
  for (const [name, count] of Object.entries(counts)) {
    if (rows[name]!.length !== count)
      throw new BackupError(`This backup is incomplete: it should hold ${count} ${name} records but holds ${rows[name]!.length}.`);
  }
  return { schemaVersion, tables: rows, counts };
}

/** Plain JSON rows carry no Typeson type markers; drop one if present. */
function stripTypes(row: object): unknown {
  const { $types: _t, ...rest } = row as Record<string, unknown>;
  return rest;
}

/** A hash per table of every record, to compare two databases exactly. */
export async function tableHashes(db: Dexie): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of db.tables) if (!LOCAL_TABLES.has(t.name)) out[t.name] = sha256Hex(canonicalJson(await t.toArray()));
  return out;
}
