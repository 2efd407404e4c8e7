import { useCallback, useEffect, useState } from 'react';
import type { BackupManifest } from '@shared/domain/backups';
import { londonDate } from '@shared/domain/london-time';
import type { DosDeskApi } from '@shared/ipc/api';
import type { Operator } from '@shared/models/operator';
import type { DosDeskDb } from '../../../db/database';
import {
  backupNow,
  exportDatabase,
  parseBackup,
  readBackup,
  restoreInto,
  tableCounts,
  type ParsedBackup,
  type Progress,
} from '../../../db/backup';
import { useDb } from '../../../db/db-context';
import { useApi } from '../../../platform/api-context';
import { useBackupStatus } from '../store';
import { importAccountsCsv, previewAccountsCsv, type AccountImportRow } from './accounts-csv';
import { auditReport, requestsReport, userStatusReport } from './reports';
import { plainErrorMessage } from '../../../platform/plain-error';
import { useDesk } from '../../../entities/desk/desk-context';

export function useBackupList() {
  const api = useApi();
  const [backups, setBackups] = useState<BackupManifest[] | undefined>(undefined);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let alive = true;
    void api.listBackups().then((result) => {
      if (alive) setBackups(result.ok ? result.data : []);
    });
    return () => {
      alive = false;
    };
  }, [api, version]);
  const refresh = useCallback(async () => setVersion((v) => v + 1), []);
  return { backups, refresh };
}

export function useBackupsActions() {
  const { db, api, operatorId } = useDesk();
  return {
    backup: (progress: Progress) => backupNow(db, api, 'manual', progress),
    currentCounts: () => tableCounts(db),
    readManifest: async (manifest: BackupManifest, progress: Progress): Promise<ParsedBackup> =>
      parseBackup(await readBackup(api, manifest, progress)),
    readFile: async (file: File): Promise<ParsedBackup> => parseBackup(new Uint8Array(await file.arrayBuffer())),
    /** The current records are backed up first, then put back as they were in the backup; the trail is kept. */
    restore: async (backup: ParsedBackup, label: string, bringBackSettings: boolean, progress: Progress) => {
      await backupNow(db, api, 'pre-restore', progress);
      return restoreInto(db, backup, { api, label, operatorId, bringBackSettings, progress });
    },
    exportAll: async (progress: Progress) => exportDatabase(db, progress),
    previewAccounts: (operator: Operator, csv: string) => previewAccountsCsv(db, operator, csv),
    importAccounts: (rows: readonly AccountImportRow[]) => importAccountsCsv(db, operatorId, rows),
    report: (kind: 'users' | 'requests' | 'audit', region: string) =>
      kind === 'users' ? userStatusReport(db, region) : kind === 'requests' ? requestsReport(db, region) : auditReport(db, region),
  };
}

/** Makes the day's backup unless one was already made today (London time). Returns it, or null. */
export async function dailyBackupIfDue(db: DosDeskDb, api: DosDeskApi, now = new Date()): Promise<BackupManifest | null> {
  const list = await api.listBackups();
  const today = londonDate(now);
  if (!list.ok || list.data.some((b) => londonDate(new Date(b.createdAt)) === today)) return null;
  return backupNow(db, api, 'daily');
}

/**
 * Automatic backups: once a day while running (checked a minute after start, then hourly), and on quit in
 * the desktop app, where main waits for this backup before closing.
 */
export function useAutomaticBackups(): void {
  const db = useDb();
  const api = useApi();
  const setProblem = useBackupStatus((s) => s.setProblem);
  useEffect(() => {
    let running = false;
    const daily = async () => {
      if (running) return;
      running = true;
      try {
        await dailyBackupIfDue(db, api);
        setProblem(null);
      } catch (error) {
        setProblem(`The daily backup failed: ${plainErrorMessage(error)}`);
      } finally {
        running = false;
      }
    };
    // Off the first paint: the first check waits a minute, then runs hourly.
    const first = setTimeout(() => void daily(), 60_000);
    const timer = setInterval(() => void daily(), 60 * 60_000);
    const stopQuit = api.onQuitRequested?.(() => {
      void backupNow(db, api, 'quit')
        .catch(() => undefined)
        .finally(() => void api.quitReady());
    });
    return () => {
      clearTimeout(first);
      clearInterval(timer);
      stopQuit?.();
    };
  }, [db, api, setProblem]);
}
