import { formatLondonDateTime } from '@shared/domain/london-time';
import { isReportOverdue, reportDeadline } from '@shared/domain/registers';
import type { OutboxSummary } from '@shared/models/email';
import type { Operator } from '@shared/models/operator';
import { EmergencyChangeInput, ReviewInput, type DosTeam, type EmergencyChange } from '@shared/models/registers';
import type { DosDeskDb } from '../../../db/database';
import { InputError, inputErrorFrom, managedRegions, requireOperator } from '../../../db/guards';
import { change, type ChangeContext, type Desk } from '../../../entities/desk/change';
import { emergencySubject } from '../../../entities/registers/emergency-changes';
import {
  changeThenEmail,
  emailAfterChange,
  EmailNotQueuedError,
  type EmailDraft,
  savedWithEmail,
} from '../../../entities/email/change-then-email';

/** "Saturday 28 March 2026 at 22:30 (London time)" */
export function londonDateTime(instant: Date): string {
  return `${formatLondonDateTime(instant, { weekday: true })} (London time)`;
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
  return change(
    { db, operatorId },
    [db.emergencyChanges, db.accounts, db.services],
    async ({ operator, at, audit }) => {
      const account = await db.accounts.get(f.accountId);
      if (!account) throw new InputError('Choose the individual DoS account that made the change.', 'accountId');
      const service = await db.services.get(f.serviceId);
      if (!service) throw new InputError('That service is not in the services directory. Choose another.', 'serviceId');
      if (!operator.regions.includes(service.region))
        throw new InputError(`You do not cover ${service.region}, so you cannot log changes to its services.`, 'serviceId');
      const logged: EmergencyChange = {
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
      await db.emergencyChanges.add(logged);
      await audit({
        entity: 'emergency-change',
        entityId: logged.id,
        subject: emergencySubject(logged),
        action: 'emergency.log',
        before: null,
        after: logged,
      });
      return logged;
    },
    now,
  );
}

function teamFor(teams: readonly DosTeam[], region: string): DosTeam {
  const team = teams.find((t) => t.region === region);
  if (!team)
    throw new InputError(
      `There are no DoS team addresses for ${region}. Add the local and regional DoS team emails in Settings, then send the report.`,
      'report',
    );
  return team;
}

/** The report of one emergency change to the local and regional DoS teams of its region. */
function reportDraft(logged: EmergencyChange, team: DosTeam, operator: Operator): EmailDraft {
  const made = new Date(logged.madeAt);
  return {
    template: 'emergency-change-report',
    data: {
      madeBy: logged.madeBy,
      madeByEmail: logged.madeByEmail,
      madeAt: londonDateTime(made),
      service: logged.serviceName,
      region: logged.region,
      kinds: logged.kinds,
      details: logged.details,
      why: logged.why,
      deadline: londonDateTime(reportDeadline(made)),
      senderName: operator.fullName,
      senderRole: operator.jobRole,
    },
    from: { name: operator.fullName, address: operator.email },
    to: [
      { name: `${logged.region} local DoS team`, address: team.localEmail },
      { name: `${logged.region} regional DoS team`, address: team.regionalEmail },
    ],
    cc: [],
    format: 'plain',
    relatedTo: logged.id,
  };
}

/** Keeps the report's outbox id on the emergency change, in the change that audits the email. */
async function keepReportOutboxId(ctx: ChangeContext, result: EmergencyChange, email: OutboxSummary): Promise<EmergencyChange> {
  const current = await ctx.db.emergencyChanges.get(result.id);
  if (!current) throw new InputError('This change is no longer in the log.', 'report');
  const after: EmergencyChange = { ...current, reportOutboxId: email.id, updatedAt: ctx.at };
  await ctx.db.emergencyChanges.put(after);
  return after;
}

/**
 * One click: the change is marked reported, then the report goes to the local and the regional
 * DoS teams for the service's region through the outbox and its outbox id is kept on the change.
 * A change that cannot be marked (already reported) sends nothing; a report that main cannot queue
 * leaves the change reported with its email not queued (`reportNotQueued`), to queue again.
 */
export async function sendEmergencyReport(desk: Desk, id: string, teams: readonly DosTeam[], now = new Date()): Promise<EmergencyChange> {
  const outcome = await changeThenEmail(
    desk,
    [desk.db.emergencyChanges],
    async ({ db, operator, at, audit }) => {
      const before = await db.emergencyChanges.get(id);
      if (!before) throw new InputError('This change is no longer in the log.', 'report');
      if (before.reportedAt) throw new InputError('This change has already been reported.', 'report');
      const team = teamFor(teams, before.region);
      const after: EmergencyChange = { ...before, reportedAt: at, reportOutboxId: null, updatedAt: at };
      await db.emergencyChanges.put(after);
      await audit({
        entity: 'emergency-change',
        entityId: id,
        subject: emergencySubject(before),
        action: 'emergency.report',
        before: { reportedAt: null },
        after: { reportedAt: at, onTime: !isReportOverdue(new Date(before.madeAt), now, now) },
      });
      return { result: after, email: reportDraft(after, team, operator) };
    },
    keepReportOutboxId,
    now,
  );
  return savedWithEmail(outcome, 'The change was marked reported');
}

/** The change was marked reported, but its report email is not in the outbox (main could not queue it). */
export function reportNotQueued(logged: EmergencyChange): boolean {
  return !!logged.reportedAt && !logged.reportOutboxId;
}

/**
 * Queues again the report email of a change marked reported whose email main could not queue at
 * the time, and keeps its outbox id on the change. Throws with the reason when it still cannot be.
 */
export async function queueReportAgain(desk: Desk, id: string, teams: readonly DosTeam[]): Promise<EmergencyChange> {
  const operator = await requireOperator(desk.db, desk.operatorId);
  const logged = await desk.db.emergencyChanges.get(id);
  if (!logged) throw new InputError('This change is no longer in the log.', 'report');
  if (!reportNotQueued(logged)) throw new InputError('The report of this change is already in the outbox.', 'report');
  const draft = reportDraft(logged, teamFor(teams, logged.region), operator);
  const outcome = await emailAfterChange(desk, [desk.db.emergencyChanges], logged, draft, keepReportOutboxId);
  if (outcome.emailProblem) throw new EmailNotQueuedError('The change is as it was', outcome.emailProblem);
  return outcome.result;
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
  return change(
    { db, operatorId },
    [db.emergencyChanges],
    async ({ operator, at, audit }) => {
      const before = await db.emergencyChanges.get(id);
      if (!before) throw new InputError('This change is no longer in the log.', 'outcome');
      if (!managedRegions(operator).has(before.region))
        throw new InputError(`Only a DoS lead for ${before.region} can record the review.`, 'outcome');
      const after: EmergencyChange = { ...before, review: { ...parsed.data, at, operatorId: operator.id }, updatedAt: at };
      await db.emergencyChanges.put(after);
      await audit({
        entity: 'emergency-change',
        entityId: id,
        subject: emergencySubject(before),
        action: 'emergency.review',
        before: before.review,
        after: after.review,
      });
      return after;
    },
    now,
  );
}

/** Changes in the regions the operator covers, newest first. */
export async function emergencyLog(db: DosDeskDb, operator: Operator): Promise<EmergencyChange[]> {
  if (!operator.regions.length) return [];
  const list = await db.emergencyChanges.where('region').anyOf(operator.regions).toArray();
  return list.sort((a, b) => b.madeAt.localeCompare(a.madeAt));
}
