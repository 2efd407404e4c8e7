import Dexie from 'dexie';
import { exportDB } from 'dexie-export-import';
import type { DosDeskApi } from '@shared/ipc/api';
import { BACKUP_CHUNK_BYTES } from '@shared/ipc/contract';
import { splitBackupTrailer, type BackupFileHeader, type BackupManifest, type BackupReason } from '@shared/domain/backups';
import { parseAnchorLog, type AnchorLog } from '@shared/domain/audit-witness';
import { canonicalJson, sha256Hex, sha256HexOfBytes } from '@shared/domain/sha256';
import type { AuditEntry } from '@shared/models/audit';
import { Settings } from '@shared/models/settings';
import { appendAudit, verifyEntries } from './audit';
import { CHANGES_TABLE } from './change-log';
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
  for (const table of db.tables) if (table.name !== CHANGES_TABLE) counts[table.name] = await table.count();
  return counts;
}

/** Exports the whole database (dexie-export-import, in chunks of rows). */
export async function exportDatabase(db: Dexie, progress?: Progress): Promise<Blob> {
  return exportDB(db, {
    numRowsPerChunk: 2000,
    prettyJson: false,
    // The change log is this desk's record of what it has written for team sync, not a record itself.
    skipTables: [CHANGES_TABLE],
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
  const blob = await exportDatabase(db, progress);
  // The counts come from the export itself (read in one transaction), so they match its rows even
  // when something was written while the backup ran.
  const counts = (await countsInExport(blob)) ?? (await tableCounts(db));
  return sendBackup(api, blob, { reason, schemaVersion: db.verno, counts }, progress);
}

/** The row counts a Dexie export lists at its start, before its rows; null if they cannot be read. */
async function countsInExport(blob: Blob): Promise<Record<string, number> | null> {
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

/** Reads a backup file from main's backups folder, checking it against its manifest first. */
export async function readBackup(api: DosDeskApi, manifest: BackupManifest, progress?: Progress): Promise<Uint8Array> {
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
  return all;
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

export interface RestoreOptions {
  /** Main: the witness to check the backup's trail against, the outbox to put back, the settings. Null in tests. */
  api: Pick<DosDeskApi, 'getAuditAnchors' | 'recordAuditRestore' | 'restoreOutbox' | 'getSettings' | 'setSettings'> | null;
  /** Which backup, in words ("the backup from 1 Dec 2026, 09:00"). */
  label: string;
  /** Who is restoring; null from the recovery screen, where nobody is signed in. */
  operatorId: string | null;
  /** Also bring back the settings saved in the backup (the operator's choice). */
  bringBackSettings?: boolean;
  progress?: Progress;
}

export interface RestoreOutcome {
  /** Records per table after the restore. */
  counts: Record<string, number>;
  /** Per table, how many records there were before and after. */
  changes: Record<string, { before: number; after: number }>;
  /** The trail on this desk was kept (and the restore added to it), or came back from the backup (it was empty). */
  trail: 'kept' | 'from-backup';
  /** Witnessed entries written after the backup that are gone because the records had been lost. */
  lost: { from: number; to: number } | null;
  outbox: { added: number; kept: number } | null;
  settings: 'kept' | 'brought-back';
}

const SETTINGS_KEY = 'settings';
/** Kept as they are on this desk by a restore: the trail is appended to, the change log notes the restore's writes. */
const NOT_HISTORY = new Set(['audit', 'settingsCache', CHANGES_TABLE]);

/** The backup's own copy of the settings, if it holds one. */
export function settingsInBackup(backup: ParsedBackup): Settings | null {
  const row = (backup.tables.settingsCache ?? []).find((r) => (r as { key?: unknown }).key === SETTINGS_KEY) as
    { value?: unknown } | undefined;
  const parsed = Settings.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

/**
 * Puts the records back as they were in a backup, in one transaction, without erasing history:
 * the audit trail on this desk is kept whole and the restore is appended to it (which backup, by
 * whom, and the counts per record type before and after). Only when the trail here is empty (the
 * records were lost) does the backup's trail come back, and main's witness then records which
 * witnessed entries are gone for good. The backup's own trail is checked first, against its hashes
 * and against this desk's witness; an altered one is refused and nothing changes. Emails in the
 * backup that main no longer holds are put back, never sent again.
 */
export async function restoreInto(db: DosDeskDb, backup: ParsedBackup, options: RestoreOptions): Promise<RestoreOutcome> {
  const { api, progress } = options;
  const tables = await upToDateTables(backup, progress);
  const backupTrail = (tables.audit ?? []) as AuditEntry[];
  const anchors = api ? ok(await api.getAuditAnchors()) : null;
  const witnesses = [
    { log: backup.anchors, whose: 'the witness saved with it' },
    { log: anchors, whose: 'what this desk witnessed' },
  ].filter((w): w is { log: AnchorLog; whose: string } => w.log !== null);
  const check = verifyEntries(
    backupTrail,
    witnesses.map((w) => w.log),
  );
  if (check.problem)
    throw new BackupError(
      `The audit trail in this backup has been altered: ${check.problem.reason}. It was not used, and nothing was changed.`,
    );
  check.witnessProblems.forEach((problem, i) => {
    if (problem)
      throw new BackupError(
        `The audit trail in this backup does not match ${witnesses[i]!.whose}: ${problem.reason}. The backup has been altered (or was made on another desk), so it was not used. Nothing was changed.`,
      );
  });

  const backupHead = backupTrail.reduce((max, e) => Math.max(max, e.id ?? 0), 0);
  const total = Object.values(tables).reduce((n, rows) => n + rows.length, 0);
  let done = 0;
  const sink = db.onAuditHead;
  db.onAuditHead = null;
  let trail = 'kept' as RestoreOutcome['trail'];
  let head: AuditEntry;
  let by = 'the recovery screen (nobody was signed in)';
  const changes: RestoreOutcome['changes'] = {};
  try {
    head = await db.transaction('rw', db.tables, async () => {
      const operator = options.operatorId ? await db.operators.get(options.operatorId) : undefined;
      if (operator) by = `${operator.fullName} (${operator.email})`;
      for (const t of db.tables)
        if (!NOT_HISTORY.has(t.name)) changes[t.name] = { before: await t.count(), after: (tables[t.name] ?? []).length };
      if ((await db.audit.count()) === 0) {
        trail = 'from-backup';
        for (let i = 0; i < backupTrail.length; i += 5000) await db.audit.bulkAdd(backupTrail.slice(i, i + 5000));
        done += backupTrail.length;
      }
      // The current operator stays who it is; a desk that had none takes the backup's.
      const settingsRows = (tables.settingsCache ?? []) as { key: string }[];
      for (const row of settingsRows)
        if (row.key !== SETTINGS_KEY && !(await db.settingsCache.get(row.key))) await db.settingsCache.put(row as never);
      for (const t of db.tables) {
        if (NOT_HISTORY.has(t.name)) continue;
        await t.clear();
        const rows = tables[t.name] ?? [];
        for (let i = 0; i < rows.length; i += 5000) {
          await t.bulkAdd(rows.slice(i, i + 5000));
          done += Math.min(5000, rows.length - i);
          progress?.({ stage: 'Restoring records', done, total });
        }
      }
      const restoredBy = options.operatorId && (await db.operators.get(options.operatorId)) ? options.operatorId : 'dos-desk';
      return appendAudit(db, {
        operatorId: restoredBy,
        entity: 'backup',
        entityId: backup.header?.createdAt ?? options.label,
        action: 'backup.restore',
        before: null,
        after: {
          backup: options.label,
          madeAt: backup.header?.createdAt ?? null,
          by,
          trail:
            trail === 'kept'
              ? 'The audit trail on this desk was kept; this entry was added to it.'
              : 'The audit trail came back from the backup: the one on this desk was empty.',
          changes,
        },
      });
    });
  } finally {
    db.onAuditHead = sink;
  }

  let lost: RestoreOutcome['lost'] = null;
  if (api) {
    if (trail === 'from-backup') {
      lost = ok(
        await api.recordAuditRestore({ keptUpTo: backupHead, head: { id: head.id!, hash: head.hash! }, backup: options.label, by }),
      ).lost;
    } else {
      sink?.({ id: head.id!, hash: head.hash! });
    }
  }
  const outbox = api && backup.outbox.length ? await restoreOutbox(api, backup.outbox) : null;
  let settings: RestoreOutcome['settings'] = 'kept';
  const saved = settingsInBackup(backup);
  if (api && options.bringBackSettings && saved) {
    ok(await api.setSettings(saved));
    settings = 'brought-back';
  }
  // Screens show the settings in force in main, never the backup's copy.
  if (api) {
    const current = await api.getSettings();
    if (current.ok) await db.settingsCache.put({ key: SETTINGS_KEY, value: current.data });
  }
  return { counts: await tableCounts(db), changes, trail, lost, outbox, settings };
}

/** Sends the backup's emails to main in parts small enough for one call each. */
async function restoreOutbox(api: Pick<DosDeskApi, 'restoreOutbox'>, entries: unknown[]): Promise<{ added: number; kept: number }> {
  let added = 0;
  let kept = 0;
  let batch: unknown[] = [];
  let size = 0;
  const send = async () => {
    if (!batch.length) return;
    const result = ok(await api.restoreOutbox(batch as never));
    added += result.added;
    kept += result.kept;
    batch = [];
    size = 0;
  };
  for (const entry of entries) {
    const bytes = JSON.stringify(entry).length;
    if (batch.length && (size + bytes > 600_000 || batch.length >= 200)) await send();
    batch.push(entry);
    size += bytes;
  }
  await send();
  return { added, kept };
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
  for (const t of db.tables) if (t.name !== CHANGES_TABLE) out[t.name] = sha256Hex(canonicalJson(await t.toArray()));
  return out;
}
