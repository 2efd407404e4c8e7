import { londonDate, startOfCalendarWeek } from './london-time';

/** What main writes beside each backup file (`<name>.manifest.json`). */
export interface BackupManifest {
  format: 'dos-desk-backup';
  formatVersion: 1;
  fileName: string;
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  reason: BackupReason;
  counts: Record<string, number>;
  bytes: number;
  sha256: string;
}

/**
 * A backup file (format 2) is lines of JSON: this header; the records (a Dexie export, as the
 * renderer sends it); `{"section":"outbox",…}` (main's emails and their states);
 * `{"section":"anchors",…}` (the audit witness log); and last `{"section":"checksum",…}`: the
 * SHA-256 and length of every byte before that line. So a file chosen from anywhere can be
 * checked, not only one beside its manifest.
 */
export interface BackupFileHeader {
  format: 'dos-desk-backup';
  formatVersion: 2;
  createdAt: string;
  reason: BackupReason;
  appVersion: string;
  schemaVersion: number;
  counts: Record<string, number>;
}

export interface BackupChecksum {
  section: 'checksum';
  sha256: string;
  bytes: number;
}

/** The checksum line at the end of a file's text (or of its last KB), or null when there is none. */
export function splitBackupTrailer(text: string): { line: string; checksum: BackupChecksum } | null {
  if (!text.endsWith('\n')) return null;
  const start = text.lastIndexOf('\n', text.length - 2) + 1;
  if (start === 0 && text.length > 1024) return null;
  const line = text.slice(start);
  try {
    const value = JSON.parse(line) as Partial<BackupChecksum>;
    if (value.section !== 'checksum' || typeof value.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(value.sha256)) return null;
    if (typeof value.bytes !== 'number' || !Number.isSafeInteger(value.bytes) || value.bytes < 0) return null;
    return { line, checksum: { section: 'checksum', sha256: value.sha256, bytes: value.bytes } };
  } catch {
    return null;
  }
}

export type BackupReason = 'daily' | 'quit' | 'pre-migration' | 'pre-restore' | 'manual';

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  daily: 'Daily',
  quit: 'When DoS Desk closed',
  'pre-migration': 'Before an update to the records',
  'pre-restore': 'Before a restore',
  manual: 'Made by hand',
};

/**
 * Which backups to keep: every pre-migration backup and every backup made by hand; of the others,
 * the newest of each of the 7 most recent days that have one, and the newest of each of the 4 most
 * recent weeks that have one.
 */
export function backupsToKeep(manifests: readonly Pick<BackupManifest, 'fileName' | 'createdAt' | 'reason'>[]): Set<string> {
  const keep = new Set<string>();
  const newestFirst = [...manifests].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const always = (m: { reason: BackupReason }) => m.reason === 'pre-migration' || m.reason === 'manual';
  for (const m of newestFirst) if (always(m)) keep.add(m.fileName);
  const rotated = newestFirst.filter((m) => !always(m));
  const days = new Map<string, string>();
  const weeks = new Map<string, string>();
  for (const m of rotated) {
    const day = londonDate(new Date(m.createdAt));
    if (!days.has(day)) days.set(day, m.fileName);
    const week = startOfCalendarWeek(day);
    if (!weeks.has(week)) weeks.set(week, m.fileName);
  }
  for (const name of [...days.values()].slice(0, 7)) keep.add(name);
  for (const name of [...weeks.values()].slice(0, 4)) keep.add(name);
  return keep;
}
