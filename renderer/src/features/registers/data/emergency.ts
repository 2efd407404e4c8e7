import type { DosDeskApi } from '@shared/ipc/api';
import { formatLondonDate } from '@shared/domain/london-time';
import { isReportOverdue, reportDeadline } from '@shared/domain/registers';
import type { DeliveryMethod } from '@shared/models/email';
import type { Operator } from '@shared/models/operator';
import { EmergencyChangeInput, ReviewInput, type DosTeam, type EmergencyChange } from '@shared/models/registers';
import { recordAudit } from '../../../db/audit';
import type { DosDeskDb } from '../../../db/database';
import { InputError, inputErrorFrom, managedRegions, requireOperator, ScopeError } from '../../../db/guards';
import { queueEmailAudited } from '../../../entities/email/outbox-audit';

const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "Saturday 28 March 2026 at 22:30 (London time)" */
export function londonDateTime(instant: Date): string {
  const day = instant.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'Europe/London' });
  return `${day} ${formatLondonDate(instant)} at ${timeFormat.format(instant)} (London time)`;
}

/**
 * Logs a change made out of hours with emergency permissions. Who made it is an individual DoS
 * account (never a shared one); the operator logging it must cover the service's region.
 */
export async function logEmergencyChange(
  db: DosDeskDb,
  operatorId: string | null,
  input: unknown,
  now = new Date(),
): Promise<EmergencyChange> {
  const parsed = EmergencyChangeInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'accountId');
  const f = parsed.data;
  if (Date.parse(f.madeAt) > now.getTime() + 60_000) throw new InputError('The time of the change cannot be in the future.', 'madeAt');
  return db.transaction('rw', [db.emergencyChanges, db.accounts, db.services, db.audit, db.operators], async () => {
    const operator = await requireOperator(db, operatorId);
    const account = await db.accounts.get(f.accountId);
    if (!account) throw new InputError('Choose the individual DoS account that made the change.', 'accountId');
    const service = await db.services.get(f.serviceId);
    if (!service) throw new InputError('That service is not in the services directory. Choose another.', 'serviceId');
    if (!operator.regions.includes(service.region))
      throw new ScopeError(`You do not cover ${service.region}, so you cannot log changes to its services.`, 'serviceId');
    const at = now.toISOString();
    const change: EmergencyChange = {
      id: crypto.randomUUID(),
      accountId: account.id,
      madeBy: account.fullName,
      madeByEmail: account.email,
      madeAt: new Date(f.madeAt).toISOString(),
      serviceId: service.id,
      serviceName: service.name,
      region: service.region,
      kinds: [...new Set(f.kinds)],
      details: f.details,
      why: f.why,
      reportedAt: null,
      reportOutboxId: null,
      review: null,
      loggedBy: operator.id,
      createdAt: at,
      updatedAt: at,
    };
    await db.emergencyChanges.add(change);
    await recordAudit(db, {
      at,
      operatorId: operator.id,
      entity: 'emergency-change',
      entityId: change.id,
      action: 'emergency.log',
      before: null,
      after: change,
    });
    return change;
  });
}

/**
 * One click: the report goes to the local and the regional DoS teams for the service's region
 * through the outbox, and the change is marked reported.
 */
export async function sendEmergencyReport(
  s: { db: DosDeskDb; api: DosDeskApi; operatorId: string | null; delivery: DeliveryMethod },
  id: string,
  teams: readonly DosTeam[],
  now = new Date(),
): Promise<EmergencyChange> {
  const operator = await requireOperator(s.db, s.operatorId);
  const change = await s.db.emergencyChanges.get(id);
  if (!change) throw new InputError('This change is no longer in the log.', 'report');
  if (change.reportedAt) throw new InputError('This change has already been reported.', 'report');
  const team = teams.find((t) => t.region === change.region);
  if (!team)
    throw new InputError(
      `There are no DoS team addresses for ${change.region}. Add the local and regional DoS team emails in Settings, then send the report.`,
      'report',
    );
  const made = new Date(change.madeAt);
  const entry = await queueEmailAudited(s.db, s.api, operator.id, {
    template: 'emergency-change-report',
    data: {
      madeBy: change.madeBy,
      madeByEmail: change.madeByEmail,
      madeAt: londonDateTime(made),
      service: change.serviceName,
      region: change.region,
      kinds: change.kinds,
      details: change.details,
      why: change.why,
      deadline: londonDateTime(reportDeadline(made)),
      senderName: operator.fullName,
      senderRole: operator.jobRole,
    },
    from: { name: operator.fullName, address: operator.email },
    to: [
      { name: `${change.region} local DoS team`, address: team.localEmail },
      { name: `${change.region} regional DoS team`, address: team.regionalEmail },
    ],
    cc: [],
    format: 'plain',
    delivery: s.delivery,
    relatedTo: change.id,
  });
  return s.db.transaction('rw', [s.db.emergencyChanges, s.db.audit, s.db.operators], async () => {
    const before = (await s.db.emergencyChanges.get(id))!;
    const at = now.toISOString();
    const after: EmergencyChange = { ...before, reportedAt: at, reportOutboxId: entry.id, updatedAt: at };
    await s.db.emergencyChanges.put(after);
    await recordAudit(s.db, {
      at,
      operatorId: operator.id,
      entity: 'emergency-change',
      entityId: id,
      action: 'emergency.report',
      before: { reportedAt: null },
      after: { reportedAt: at, onTime: !isReportOverdue(made, now, now), outboxId: entry.id },
    });
    return after;
  });
}

/** A DoS lead (approveUser in the region) records the review: keep, amend, or make a permanent change. */
export async function reviewEmergencyChange(
  db: DosDeskDb,
  operatorId: string | null,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<EmergencyChange> {
  const parsed = ReviewInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'outcome');
  return db.transaction('rw', [db.emergencyChanges, db.audit, db.operators], async () => {
    const operator = await requireOperator(db, operatorId);
    const before = await db.emergencyChanges.get(id);
    if (!before) throw new InputError('This change is no longer in the log.', 'outcome');
    if (!managedRegions(operator).has(before.region))
      throw new ScopeError(`Only a DoS lead for ${before.region} can record the review.`, 'outcome');
    const at = now.toISOString();
    const after: EmergencyChange = { ...before, review: { ...parsed.data, at, operatorId: operator.id }, updatedAt: at };
    await db.emergencyChanges.put(after);
    await recordAudit(db, {
      at,
      operatorId: operator.id,
      entity: 'emergency-change',
      entityId: id,
      action: 'emergency.review',
      before: before.review,
      after: after.review,
    });
    return after;
  });
}

/** Changes in the regions the operator covers, newest first. */
export async function emergencyLog(db: DosDeskDb, operator: Operator): Promise<EmergencyChange[]> {
  if (!operator.regions.length) return [];
  const list = await db.emergencyChanges.where('region').anyOf(operator.regions).toArray();
  return list.sort((a, b) => b.madeAt.localeCompare(a.madeAt));
}
