import Dexie from 'dexie';
import { exportDB } from 'dexie-export-import';
import type { DosDeskApi } from '@shared/ipc/api';
import { BACKUP_CHUNK_BYTES } from '@shared/ipc/contract';
import type { BackupManifest, BackupReason } from '@shared/domain/backups';
import { canonicalJson, sha256Hex } from '@shared/domain/sha256';
import { DosDeskDb } from './database';
import { LATEST_VERSION, SCHEMA_VERSIONS } from './schema';

/** Reports progress of long work: what is happening, how far along, out of how much. */
export type Progress = (p: { stage: string; done: number; total: number }) => void;

/** A problem with a backup file, in words a person can act on. Nothing has been changed. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

function ok<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new BackupError(result.error.message);
  return result.data;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Row counts per table. */
export async function tableCounts(db: Dexie): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of db.tables) counts[table.name] = await table.count();
  return counts;
}

/** Exports the whole database (dexie-export-import, in chunks of rows). */
export async function exportDatabase(db: Dexie, progress?: Progress): Promise<Blob> {
  return exportDB(db, {
    numRowsPerChunk: 2000,
    prettyJson: false,
    progressCallback: ({ completedRows, totalRows }) => {
      progress?.({ stage: 'Exporting records', done: completedRows, total: totalRows ?? completedRows });
      return true;
    },
  });
}

/**
 * Sends a backup to main in parts; main writes it atomically with a manifest. On any failure the
 * partial backup is abandoned and earlier backups are untouched.
 */
export async function sendBackup(
  api: DosDeskApi,
  blob: Blob,
  meta: { reason: BackupReason; schemaVersion: number; counts: Record<string, number> },
  progress?: Progress,
): Promise<BackupManifest> {
  const { token } = ok(await api.beginBackup({ ...meta, expectedBytes: blob.size }));
  try {
    const parts = Math.ceil(blob.size / BACKUP_CHUNK_BYTES);
    for (let i = 0; i < parts; i++) {
      const bytes = new Uint8Array(await blob.slice(i * BACKUP_CHUNK_BYTES, (i + 1) * BACKUP_CHUNK_BYTES).arrayBuffer());
      ok(await api.writeBackupChunk(token, i, toBase64(bytes)));
      progress?.({ stage: 'Saving the backup', done: i + 1, total: parts });
    }
    return ok(await api.commitBackup(token));
  } catch (error) {
    await api.abortBackup(token);
    throw error;
  }
}

/** Backs up the open database through main. */
export async function backupNow(db: DosDeskDb, api: DosDeskApi, reason: BackupReason, progress?: Progress): Promise<BackupManifest> {
  const counts = await tableCounts(db);
  const blob = await exportDatabase(db, progress);
  return sendBackup(api, blob, { reason, schemaVersion: db.verno, counts }, progress);
}

/** Reads a backup file from main's backups folder, checking it against its manifest first. */
export async function readBackup(api: DosDeskApi, manifest: BackupManifest, progress?: Progress): Promise<string> {
  const check = ok(await api.verifyBackup(manifest.fileName));
  if (!check.ok) throw new BackupError(`This backup cannot be used: ${check.problem}`);
  const parts: Uint8Array[] = [];
  let offset = 0;
  let total = manifest.bytes;
  do {
    const chunk = ok(await api.readBackupChunk(manifest.fileName, offset, BACKUP_CHUNK_BYTES));
    total = chunk.total;
    const bytes = fromBase64(chunk.base64);
    if (!bytes.length) break;
    parts.push(bytes);
    offset += bytes.length;
    progress?.({ stage: 'Reading the backup', done: offset, total });
  } while (offset < total);
  const all = new Uint8Array(offset);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(all);
}

export interface ParsedBackup {
  schemaVersion: number;
  tables: Record<string, unknown[]>;
  counts: Record<string, number>;
}

/**
 * Checks that text is a DoS Desk backup (a Dexie export of this database) whose row counts match
 * its own header, and returns its rows. Refuses anything else with the reason.
 */
export function parseBackup(text: string): ParsedBackup {
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

/**
 * Replaces everything in the database with a backup's records, in one transaction. A backup from
 * an older schema is first loaded into a scratch database at its own version and upgraded by the
 * normal migrations, so its data arrives in today's shape.
 */
export async function restoreInto(db: DosDeskDb, backup: ParsedBackup, progress?: Progress): Promise<Record<string, number>> {
  const tables = await upToDateTables(backup, progress);
  const total = Object.values(tables).reduce((n, rows) => n + rows.length, 0);
  let done = 0;
  await db.transaction('rw', db.tables, async () => {
    for (const t of db.tables) await t.clear();
    for (const t of db.tables) {
      const rows = tables[t.name] ?? [];
      for (let i = 0; i < rows.length; i += 5000) {
        await t.bulkAdd(rows.slice(i, i + 5000));
        done += Math.min(5000, rows.length - i);
        progress?.({ stage: 'Restoring records', done, total });
      }
    }
  });
  return tableCounts(db);
}

/** A backup's rows in today's schema: older backups go through the normal migrations first. */
export async function upToDateTables(backup: ParsedBackup, progress?: Progress): Promise<Record<string, unknown[]>> {
  let tables = backup.tables;
  if (backup.schemaVersion < LATEST_VERSION) {
    progress?.({ stage: 'Bringing the backup up to date', done: 0, total: 1 });
    const scratchName = `dos-desk-restore-${Date.now()}`;
    const old = new Dexie(scratchName);
    for (const step of SCHEMA_VERSIONS.filter((v) => v.version <= backup.schemaVersion)) old.version(step.version).stores(step.stores);
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const [name, rows] of Object.entries(backup.tables)) await old.table(name).bulkAdd(rows);
    });
    old.close();
    const upgraded = new DosDeskDb(scratchName);
    await upgraded.open();
    tables = {};
    for (const t of upgraded.tables) tables[t.name] = await t.toArray();
    upgraded.close();
    await Dexie.delete(scratchName);
  }
  return tables;
}

/** A hash per table of every record, to compare two databases exactly. */
export async function tableHashes(db: Dexie): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of db.tables) out[t.name] = sha256Hex(canonicalJson(await t.toArray()));
  return out;
}
