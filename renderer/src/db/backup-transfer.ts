import type { DosDeskApi } from '@shared/ipc/api';
import { BACKUP_CHUNK_BYTES } from '@shared/ipc/contract';
import type { BackupManifest, BackupReason } from '@shared/domain/backups';
import { BackupError, countsInExport, exportDatabase, ok, tableCounts, type Progress } from './backup-file';
import type { DosDeskDb } from './database';

// Backups go to main, which keeps them in its backups folder, in parts of BACKUP_CHUNK_BYTES, and
// come back from it the same way.

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
