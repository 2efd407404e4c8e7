import { toCsv } from '@shared/domain/csv';
import { londonDate } from '@shared/domain/london-time';
import { inactiveLine, inactiveState } from '@shared/domain/registers';
import { getSuggestedSet } from '@shared/domain/user-types';
import type { DosDeskDb } from '../../../db/database';

/** User status report for a region: accounts, roles, last login, temporary and inactive flags. */
export async function userStatusReport(db: DosDeskDb, region: string, now = new Date()): Promise<string> {
  const accounts = await db.accounts.where('regions').equals(region).toArray();
  const temporary = new Map((await db.temporaryAccounts.where('status').equals('active').toArray()).map((t) => [t.accountId, t]));
  const rows = accounts
    .sort((a, b) => a.fullName.localeCompare(b.fullName))
    .map((a) => {
      const temp = temporary.get(a.id);
      return [
        a.fullName,
        a.email,
        a.organisation,
        a.jobTitle,
        getSuggestedSet(a.userType).label,
        a.regions.join('; '),
        a.roles.join('; '),
        a.status,
        a.lastLoginOn ?? '',
        a.lastLoginOn ? inactiveState(a.lastLoginOn, now) : 'last login not known',
        a.lastLoginOn ? inactiveLine(a.lastLoginOn) : '',
        temp ? 'yes' : 'no',
        temp?.reviewDate ?? '',
      ];
    });
  return toCsv(
    [
      'name',
      'email',
      'organisation',
      'job title',
      'user type',
      'regions',
      'roles',
      'status',
      'last login',
      'inactivity',
      'six months from last login',
      'temporary',
      'review date',
    ],
    rows,
  );
}

/** Requests report for a region. */
export async function requestsReport(db: DosDeskDb, region: string): Promise<string> {
  const requests = await db.requests.where('region').equals(region).toArray();
  const rows = requests
    .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt))
    .map((r) => [
      r.fullName,
      r.email,
      r.organisation,
      getSuggestedSet(r.userType).label,
      r.status,
      londonDate(new Date(r.registeredAt)),
      r.emailValidatedOn ?? 'not validated',
      r.activationResends.length,
      r.rejection?.reason ?? '',
      r.closedAt ? londonDate(new Date(r.closedAt)) : '',
    ]);
  return toCsv(
    [
      'name',
      'email',
      'organisation',
      'user type asked for',
      'status',
      'registered',
      'email validated',
      'activation resends',
      'rejection reason',
      'closed',
    ],
    rows,
  );
}

/** Audit report for a region: entries about the region's accounts, requests and registers. */
export async function auditReport(db: DosDeskDb, region: string): Promise<string> {
  const ids = new Set<string>([
    ...(await db.accounts.where('regions').equals(region).primaryKeys()),
    ...(await db.requests.where('region').equals(region).primaryKeys()),
    ...(await db.temporaryAccounts.where('region').equals(region).primaryKeys()),
    ...(await db.emergencyChanges.where('region').equals(region).primaryKeys()),
  ]);
  const names = new Map((await db.operators.toArray()).map((o) => [o.id, o.fullName]));
  const rows: unknown[][] = [];
  await db.audit.orderBy(':id').each((e) => {
    if (ids.has(e.entityId))
      rows.push([e.id, e.at, names.get(e.operatorId) ?? e.operatorId, e.action, e.entity, e.entityId, e.before, e.after, e.hash]);
  });
  return toCsv(['id', 'time', 'operator', 'action', 'record type', 'record id', 'before', 'after', 'hash'], rows);
}
