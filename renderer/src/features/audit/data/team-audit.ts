import Dexie from 'dexie';
import { checkLink, hashEntry } from '@shared/domain/audit-chain';
import type { AuditEntry } from '@shared/models/audit';
import type { DosDeskDb } from '../../../db/database';
import type { TeamAuditRow } from '../../../db/sync-tables';

/** An entry as its own desk wrote it: the copy's bookkeeping (which desk, tampering seen) is not part of it. */
function asWritten(row: TeamAuditRow): AuditEntry {
  const { desk: _desk, tampered: _tampered, ...entry } = row;
  return entry;
}

export interface TeamTrailReport {
  desk: string;
  checked: number;
  /** The first broken link or changed entry: the copy does not match what that desk wrote. */
  problem: { id: number; reason: string } | null;
  /** Entries that arrived with a second version: audit entries are never edited, so someone tampered. */
  tampered: number[];
  /** Runs of entries not yet here (their batch has not been read yet): not a problem, not checked. */
  notYetHere: { from: number; to: number }[];
}

/** The desks whose audit entries this desk holds copies of. */
export async function teamAuditDesks(db: DosDeskDb): Promise<string[]> {
  return (await db.teamAudit.orderBy('desk').uniqueKeys()) as string[];
}

/** One desk's copied entries, oldest first, as that desk wrote them. */
export async function teamAuditEntries(db: DosDeskDb, desk: string): Promise<AuditEntry[]> {
  return (await db.teamAudit.where('[desk+id]').between([desk, Dexie.minKey], [desk, Dexie.maxKey]).toArray()).map(asWritten);
}

/** One desk's copied entries, newest first, a page at a time. */
export async function teamAuditPage(
  db: DosDeskDb,
  desk: string,
  matches: (e: AuditEntry) => boolean,
  page: number,
  size: number,
): Promise<{ entries: AuditEntry[]; hasMore: boolean }> {
  const rows = await db.teamAudit
    .where('[desk+id]')
    .between([desk, Dexie.minKey], [desk, Dexie.maxKey])
    .reverse()
    .filter((row) => matches(asWritten(row)))
    .offset(page * size)
    .limit(size + 1)
    .toArray();
  return { entries: rows.slice(0, size).map(asWritten), hasMore: rows.length > size };
}

/**
 * Checks each other desk's chain on its own, as that desk wrote it: every link and hash. Entries
 * not yet here (a batch still to come) are reported as such and the check resumes after them.
 */
export async function verifyTeamTrails(db: DosDeskDb): Promise<TeamTrailReport[]> {
  const reports: TeamTrailReport[] = [];
  for (const desk of await teamAuditDesks(db)) {
    const report: TeamTrailReport = { desk, checked: 0, problem: null, tampered: [], notYetHere: [] };
    let previous: AuditEntry | null = null;
    await db.teamAudit
      .where('[desk+id]')
      .between([desk, Dexie.minKey], [desk, Dexie.maxKey])
      .each((row) => {
        const entry = asWritten(row);
        if (row.tampered) report.tampered.push(row.id);
        const expected = (previous?.id ?? 0) + 1;
        if (row.id > expected) {
          report.notYetHere.push({ from: expected, to: row.id - 1 });
          // The link cannot be checked across the gap; the entry's own hash still can.
          if (!report.problem && entry.hash !== hashEntry(entry, entry.prevHash ?? ''))
            report.problem = {
              id: row.id,
              reason: `entry ${row.id} has been changed since it was written (its contents no longer match its hash)`,
            };
        } else report.problem ??= checkLink(entry, previous);
        previous = entry;
        report.checked++;
      });
    reports.push(report);
  }
  return reports;
}
