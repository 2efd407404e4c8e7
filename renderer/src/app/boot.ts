import Dexie from 'dexie';
import type { DosDeskApi } from '@shared/ipc/api';
import type { BackupManifest } from '@shared/domain/backups';
import { connectWitness } from '../db/audit-witness';
import { exportDatabase, sendBackup, tableCounts } from '../db/backup';
import { DB_NAME, openDatabase, type DosDeskDb } from '../db/database';
import { LATEST_VERSION } from '../db/schema';
import { loadCurrentOperatorId } from '../features/operators/data/operators';
import { refreshSettings } from '../features/settings/data/settings';
import { useSession } from '../session/store';
import { plainErrorMessage } from '../platform/plain-error';

export type RecoveryKind = 'open-failed' | 'newer-version' | 'backup-failed' | 'empty-with-backups';

export type Boot =
  | { ok: true; db: DosDeskDb; warning: string | null }
  | { ok: false; kind: RecoveryKind; error: Error; backups: BackupManifest[]; dbName: string };

export const SKIP_BACKUP_KEY = 'dos-desk:update-without-backup';
export const START_EMPTY_KEY = 'dos-desk:start-empty';

async function existingVersion(name: string): Promise<number> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return 0;
  const info = (await indexedDB.databases()).find((d) => d.name === name);
  return info?.version ? info.version / 10 : 0;
}

async function listBackups(api: DosDeskApi): Promise<BackupManifest[]> {
  const result = await api.listBackups();
  return result.ok ? result.data : [];
}

/**
 * Before the records are upgraded to a new schema, they are backed up as they are (GUIDE §6:
 * IndexedDB has been lost to updates elsewhere). The old database is opened without a schema, so
 * nothing about it changes.
 */
async function backupBeforeMigration(api: DosDeskApi, name: string): Promise<void> {
  const version = await existingVersion(name);
  if (version === 0 || version >= LATEST_VERSION) return;
  if (sessionStorage.getItem(SKIP_BACKUP_KEY) === '1') return;
  const old = new Dexie(name);
  await old.open();
  try {
    const counts = await tableCounts(old);
    await sendBackup(api, await exportDatabase(old), { reason: 'pre-migration', schemaVersion: Math.floor(old.verno), counts });
  } finally {
    old.close();
  }
}

/** No records at all; the settings cache is a copy of main's settings and does not count. */
async function isEmpty(db: DosDeskDb): Promise<boolean> {
  for (const t of db.tables) if (t.name !== 'settingsCache' && (await t.count()) > 0) return false;
  return true;
}

/**
 * A trail written before this desk kept a witness (an older DoS Desk) has its head adopted once,
 * so later cuts or re-hashes of it are caught; Verify says which entries came before the witness.
 */
async function adoptTrailOnFirstUse(db: DosDeskDb, api: DosDeskApi): Promise<void> {
  // Main adopts only when its log is empty, so this is one cheap call on every other start.
  const last = await db.audit.orderBy(':id').last();
  if (last?.id && last.hash) await api.adoptAudit({ id: last.id, hash: last.hash });
}

/**
 * Opens the database (backing it up first if it is about to be upgraded), fetches settings from
 * main, and restores who was working. Never a blank window: every failure becomes a recovery screen
 * that offers the newest good backup where one exists.
 */
export async function boot(api: DosDeskApi, dbName = DB_NAME): Promise<Boot> {
  try {
    await backupBeforeMigration(api, dbName);
  } catch (error) {
    return {
      ok: false,
      kind: 'backup-failed',
      error: error instanceof Error ? error : new Error(String(error)),
      backups: await listBackups(api),
      dbName,
    };
  }
  const opened = await openDatabase(dbName);
  if (!opened.ok) {
    const kind = opened.error.name === 'VersionError' ? 'newer-version' : 'open-failed';
    return { ok: false, kind, error: opened.error, backups: kind === 'newer-version' ? [] : await listBackups(api), dbName };
  }
  if ((await isEmpty(opened.db)) && sessionStorage.getItem(START_EMPTY_KEY) !== '1') {
    const backups = await listBackups(api);
    if (backups.length) {
      return {
        ok: false,
        kind: 'empty-with-backups',
        error: new Error('The records on this computer are empty, but there are backups.'),
        backups,
        dbName,
      };
    }
  }
  let warning: string | null = null;
  try {
    await refreshSettings(opened.db, api);
  } catch (error) {
    warning = `${plainErrorMessage(error)} Saved settings are shown until it is back.`;
  }
  useSession.getState().setCurrentOperatorId(await loadCurrentOperatorId(opened.db));
  connectWitness(opened.db, api);
  void adoptTrailOnFirstUse(opened.db, api);
  return { ok: true, db: opened.db, warning };
}
