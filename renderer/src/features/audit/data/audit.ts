import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { toCsv } from '@shared/domain/csv';
import { addCalendarDays, londonDayStart } from '@shared/domain/london-time';
import type { AuditEntry } from '@shared/models/audit';
import type { DosDeskDb } from '../../../db/database';
import { verifyAuditChain, type ChainReport } from '../../../db/audit';
import { useDb } from '../../../db/db-context';
import { useApi } from '../../../platform/api-context';
import type { DosDeskApi } from '@shared/ipc/api';
import { teamAuditDesks, teamAuditEntries, teamAuditPage, verifyTeamTrails, type TeamTrailReport } from './team-audit';

export interface AuditFilter {
  entity: string;
  action: string;
  operatorId: string;
  /** London dates (yyyy-mm-dd), inclusive; empty for open-ended. */
  from: string;
  to: string;
}

export const PAGE_SIZE = 50;

/** An entry test for a filter; the London dates become instants once, not once per entry. */
function matcher(f: AuditFilter): (e: AuditEntry) => boolean {
  const from = f.from ? londonDayStart(f.from).toISOString() : '';
  const before = f.to ? londonDayStart(addCalendarDays(f.to, 1)).toISOString() : '';
  return (e) =>
    (!f.entity || e.entity === f.entity) &&
    (!f.action || e.action.includes(f.action)) &&
    (!f.operatorId || e.operatorId === f.operatorId) &&
    (!from || e.at >= from) &&
    (!before || e.at < before);
}

/**
 * Newest first, one page at a time, without loading the whole trail: this desk's own trail, or
 * (`desk`) the read-only copy of another team desk's.
 */
export async function auditPage(
  db: DosDeskDb,
  filter: AuditFilter,
  page: number,
  desk: string | null = null,
): Promise<{ entries: AuditEntry[]; hasMore: boolean }> {
  if (desk) return teamAuditPage(db, desk, matcher(filter), page, PAGE_SIZE);
  const entries = await db.audit
    .orderBy(':id')
    .reverse()
    .filter(matcher(filter))
    .offset(page * PAGE_SIZE)
    .limit(PAGE_SIZE + 1)
    .toArray();
  return { entries: entries.slice(0, PAGE_SIZE), hasMore: entries.length > PAGE_SIZE };
}

/** The filtered trail as CSV, oldest first, with operator names: this desk's, or (`desk`) another team desk's read-only copy. */
export async function auditCsv(db: DosDeskDb, filter: AuditFilter, desk: string | null = null): Promise<string> {
  const names = new Map((await db.operators.toArray()).map((o) => [o.id, o.fullName]));
  const rows: unknown[][] = [];
  const matches = matcher(filter);
  const row = (e: AuditEntry) => {
    if (!matches(e)) return;
    rows.push([
      e.id,
      e.at,
      names.get(e.operatorId) ?? e.operatorId,
      e.action,
      e.entity,
      e.entityId,
      e.subject ?? '',
      e.before,
      e.after,
      e.hash,
    ]);
  };
  if (desk) for (const e of await teamAuditEntries(db, desk)) row(e);
  else await db.audit.orderBy(':id').each(row);
  return toCsv(['id', 'time', 'operator', 'action', 'record type', 'record id', 'record', 'before', 'after', 'hash'], rows);
}

export function useAuditPage(filter: AuditFilter, page: number, desk: string | null = null) {
  const db = useDb();
  return useLiveQuery(() => auditPage(db, filter, page, desk), [db, filter, page, desk]);
}

/** The team desks whose audit trails this desk holds copies of. */
export function useTeamAuditDesks(): string[] {
  const db = useDb();
  return useLiveQuery(() => teamAuditDesks(db), [db], []);
}

export type VerifyReport = ChainReport & { witnessUnavailable: string | null; team?: TeamTrailReport[] };

/** Checks the trail against itself and against main's witness log, and each team desk's copied trail on its own. */
export async function verifyTrail(db: DosDeskDb, api: Pick<DosDeskApi, 'getAuditAnchors'>): Promise<VerifyReport> {
  const anchors = await api.getAuditAnchors();
  const report = await verifyAuditChain(db, anchors.ok ? anchors.data : null);
  return { ...report, witnessUnavailable: anchors.ok ? null : anchors.error.message, team: await verifyTeamTrails(db) };
}

export function useAuditTools() {
  const db = useDb();
  const api = useApi();
  return {
    verify: useCallback((): Promise<VerifyReport> => verifyTrail(db, api), [db, api]),
    csv: useCallback((filter: AuditFilter, desk: string | null = null) => auditCsv(db, filter, desk), [db]),
  };
}
