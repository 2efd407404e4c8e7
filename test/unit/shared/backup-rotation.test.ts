import { describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../../shared/domain/backups';

const backup = (createdAt: string, reason: 'daily' | 'pre-migration' | 'quit' | 'manual' = 'daily') => ({
  fileName: `${createdAt}-${reason}`,
  createdAt,
  reason,
});

describe('backup rotation', () => {
  it('keeps 7 daily and 4 weekly backups, and every pre-migration one', () => {
    // One daily backup for each of 60 days, two on the last day, and two pre-migration backups long ago.
    const list = Array.from({ length: 60 }, (_, i) => backup(new Date(Date.UTC(2026, 8, 1 + i, 12)).toISOString()));
    list.push(backup('2026-10-30T18:00:00.000Z', 'quit'));
    list.push(backup('2025-01-01T12:00:00.000Z', 'pre-migration'), backup('2025-06-01T12:00:00.000Z', 'pre-migration'));
    const keep = backupsToKeep(list);
    const days = [...keep]
      .filter((k) => !k.endsWith('pre-migration'))
      .map((k) => k.slice(0, 10))
      .sort();
    // Newest per day for the last 7 days (30 Oct is the quit backup, newer than that day's daily one)…
    expect(days.slice(-7)).toEqual(['2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30']);
    expect(keep.has('2026-10-30T18:00:00.000Z-quit')).toBe(true);
    expect(keep.has('2026-10-30T12:00:00.000Z-daily')).toBe(false);
    // …plus the newest of each of the 4 most recent weeks (two of them already counted as daily).
    expect(days).toEqual([
      '2026-10-11',
      '2026-10-18',
      '2026-10-24',
      '2026-10-25',
      '2026-10-26',
      '2026-10-27',
      '2026-10-28',
      '2026-10-29',
      '2026-10-30',
    ]);
    expect(keep.has('2025-01-01T12:00:00.000Z-pre-migration')).toBe(true);
    expect(keep.has('2025-06-01T12:00:00.000Z-pre-migration')).toBe(true);
    expect(keep.size).toBe(11);
  });

  it('keeps backups made by hand, and they do not push out the day’s automatic one', () => {
    const keep = backupsToKeep([
      backup('2026-11-21T09:00:00.000Z', 'daily'),
      backup('2026-11-21T10:00:00.000Z', 'manual'),
      backup('2026-01-01T10:00:00.000Z', 'manual'),
    ]);
    expect(keep.size).toBe(3);
  });

  it('keeps everything when there are few backups', () => {
    const list = [backup('2026-11-20T10:00:00.000Z'), backup('2026-11-21T10:00:00.000Z')];
    expect(backupsToKeep(list).size).toBe(2);
  });
});
