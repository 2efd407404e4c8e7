import type { DosDeskApi } from '@shared/ipc/api';
import { reportDeadline } from '@shared/domain/registers';
import { decideHours, linkedEntries, NHS_WEBSITE_SERVICE_DESK } from '@shared/domain/pharmacy';
import type { DeliveryMethod } from '@shared/models/email';
import { InHoursCallInput, OnCallChangeInput, type PharmacyChange, type PharmacyProfile } from '@shared/models/pharmacy';
import type { DosTeam, EmergencyChange } from '@shared/models/registers';
import { recordAudit } from '../../../db/audit';
import type { DosDeskDb } from '../../../db/database';
import { InputError, inputErrorFrom, requireOperator, ScopeError } from '../../../db/guards';
import { queueEmailAudited } from '../../../entities/email/outbox-audit';
import { changeRecord } from './profiles';

export interface Sender {
  db: DosDeskDb;
  api: DosDeskApi;
  operatorId: string | null;
  delivery: DeliveryMethod;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const londonDateTime = (d: Date) => `${timeFormat.format(d)} (London time)`;

async function profileInScope(db: DosDeskDb, operatorId: string | null, profileId: string) {
  const operator = await requireOperator(db, operatorId);
  const profile = await db.pharmacyProfiles.get(profileId);
  if (!profile) throw new InputError('Choose the pharmacy: that profile is not on this desk.', 'profileId');
  if (!operator.regions.includes(profile.region))
    throw new ScopeError(`You do not cover ${profile.region}, so you cannot record changes for its pharmacies.`, 'profileId');
  return { operator, profile };
}

/**
 * In hours: the contractor is directed to the NHS website service desk (email and ticket). The
 * call is recorded for the day's report. Refused when it is out of hours, unless overridden.
 */
export async function recordInHoursCall(
  db: DosDeskDb,
  operatorId: string | null,
  input: unknown,
  bankHolidays: ReadonlySet<string>,
  now = new Date(),
): Promise<PharmacyChange> {
  const parsed = InHoursCallInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'contractorName');
  const f = parsed.data;
  const hours = decideHours(now, bankHolidays, f.override);
  if (!hours.inHours)
    throw new InputError(
      'It is out of hours, so the on-call DoS support makes the change. Follow the out-of-hours steps, or override the decision.',
      'override',
    );
  return db.transaction('rw', [db.pharmacyProfiles, db.pharmacyChanges, db.audit, db.operators], async () => {
    const { operator, profile } = await profileInScope(db, operatorId, f.profileId);
    const summary = [
      `${f.contractorName} could not use Profile Manager; directed to the NHS website service desk (${NHS_WEBSITE_SERVICE_DESK.email})`,
      hours.overridden ? `in hours by override: ${f.overrideReason}` : '',
      f.note,
    ]
      .filter(Boolean)
      .join('. ');
    const change = changeRecord(operator, profile, 'directed-to-service-desk', summary, now);
    await db.pharmacyChanges.add(change);
    await recordAudit(db, {
      at: change.at,
      operatorId: operator.id,
      entity: 'pharmacy',
      entityId: profile.id,
      action: 'pharmacy.in-hours-call',
      before: null,
      after: change,
    });
    return change;
  });
}

function address(profile: PharmacyProfile): string {
  return `${profile.address.replace(/\s*\n\s*/g, ', ')}, ${profile.postcode}`;
}

/**
 * Out of hours: the on-call DoS support has made the change in DoS. Records it as an emergency
 * change on each DoS entry changed, emails the local DoS team (regional team copied: the
 * emergency-change report) through the outbox, and opens the follow-up task for the local team to
 * inform NHS.UK. Everything is checked before anything is saved.
 */
export async function recordOnCallChange(
  s: Sender,
  input: unknown,
  teams: readonly DosTeam[],
  bankHolidays: ReadonlySet<string>,
  now = new Date(),
): Promise<PharmacyChange> {
  const parsed = OnCallChangeInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'contractorName');
  const f = parsed.data;
  const made = new Date(f.madeAt);
  if (made.getTime() > now.getTime() + 60_000) throw new InputError('The time of the change cannot be in the future.', 'madeAt');
  const hours = decideHours(made, bankHolidays, f.override);
  if (hours.inHours)
    throw new InputError(
      'It is in hours (Monday to Friday, 8am to 5pm, not a bank holiday): direct the contractor to the NHS website service desk, or override the decision.',
      'override',
    );
  const { db } = s;
  const { operator, profile } = await profileInScope(db, s.operatorId, f.profileId);
  const team = teams.find((t) => t.region === profile.region);
  if (!team)
    throw new InputError(
      `There are no DoS team addresses for ${profile.region}. Add the local and regional DoS team emails in Settings first.`,
      'serviceIds',
    );
  const account = await db.accounts.get(f.accountId);
  if (!account || account.status !== 'active')
    throw new InputError('Choose the individual DoS account you made the change with.', 'accountId');
  const services = await db.services.bulkGet([...new Set(f.serviceIds)]);
  if (services.some((x) => !x)) throw new InputError('One of the DoS entries chosen is no longer in the services directory.', 'serviceIds');
  const entries = services.map((x) => x!);
  const unlinked = entries.filter((e) => !linkedEntries(profile.odsCode, [e]).length);
  if (unlinked.length)
    throw new InputError(
      `${unlinked.map((e) => e.name).join(', ')} is not linked to ${profile.odsCode}. Choose from the pharmacy's linked DoS entries.`,
      'serviceIds',
    );

  const at = now.toISOString();
  const why = `Pharmacy contractor (${f.contractorName}) could not use Profile Manager out of hours${hours.overridden ? ` (decided by override: ${f.overrideReason})` : ''}.`;
  const change = await db.transaction('rw', [db.pharmacyChanges, db.emergencyChanges, db.audit, db.operators], async () => {
    const logged: EmergencyChange[] = entries.map((service) => ({
      id: crypto.randomUUID(),
      accountId: account.id,
      madeBy: account.fullName,
      madeByEmail: account.email,
      madeAt: made.toISOString(),
      serviceId: service.id,
      serviceName: service.name,
      region: service.region,
      kinds: f.kind === 'contact details' ? ['demographic'] : ['capacity'],
      details: `${f.kind}: ${f.details}`,
      why,
      reportedAt: null,
      reportOutboxId: null,
      review: null,
      loggedBy: operator.id,
      createdAt: at,
      updatedAt: at,
    }));
    await db.emergencyChanges.bulkAdd(logged);
    const record: PharmacyChange = {
      ...changeRecord(operator, profile, 'on-call-change', `${f.kind}: ${f.details} (called by ${f.contractorName})`, now),
      onCall: { kind: f.kind, details: f.details, contractorName: f.contractorName, madeAt: made.toISOString() },
      emergencyChangeIds: logged.map((e) => e.id),
      followUp: { status: 'open', doneAt: null, outboxId: null },
    };
    await db.pharmacyChanges.add(record);
    for (const e of logged)
      await recordAudit(db, {
        at,
        operatorId: operator.id,
        entity: 'emergency-change',
        entityId: e.id,
        action: 'emergency.log',
        before: null,
        after: e,
      });
    await recordAudit(db, {
      at,
      operatorId: operator.id,
      entity: 'pharmacy',
      entityId: profile.id,
      action: 'pharmacy.on-call-change',
      before: null,
      after: record,
    });
    return record;
  });

  // The email goes through main's outbox (outside any transaction), then the records are marked.
  const email = await queueEmailAudited(db, s.api, operator.id, {
    template: 'pharmacy-on-call',
    data: {
      pharmacyName: profile.name,
      odsCode: profile.odsCode,
      address: address(profile),
      region: profile.region,
      kind: f.kind,
      details: f.details,
      madeAt: londonDateTime(made),
      entries: entries.map((e) => `${e.name} (${e.serviceType}, ${e.odsCode})`),
      contractorName: f.contractorName,
      madeBy: account.fullName,
      madeByEmail: account.email,
      deadline: londonDateTime(reportDeadline(made)),
      serviceDeskEmail: NHS_WEBSITE_SERVICE_DESK.email,
      senderName: operator.fullName,
      senderRole: operator.jobRole,
    },
    from: { name: operator.fullName, address: operator.email },
    to: [{ name: `${profile.region} local DoS team`, address: team.localEmail }],
    cc: [{ name: `${profile.region} regional DoS team`, address: team.regionalEmail }],
    format: 'plain',
    delivery: s.delivery,
    relatedTo: change.id,
  });
  return db.transaction('rw', [db.pharmacyChanges, db.emergencyChanges, db.audit, db.operators], async () => {
    const reportedAt = new Date().toISOString();
    await db.emergencyChanges
      .where('id')
      .anyOf(change.emergencyChangeIds)
      .modify({ reportedAt, reportOutboxId: email.id, updatedAt: reportedAt });
    const after: PharmacyChange = { ...change, localTeamOutboxId: email.id, updatedAt: reportedAt };
    await db.pharmacyChanges.put(after);
    for (const id of change.emergencyChangeIds)
      await recordAudit(db, {
        at: reportedAt,
        operatorId: operator.id,
        entity: 'emergency-change',
        entityId: id,
        action: 'emergency.report',
        before: { reportedAt: null },
        after: { reportedAt, onTime: true, outboxId: email.id },
      });
    return after;
  });
}

/**
 * The local DoS team's follow-up: inform NHS.UK through the NHS website service desk, by email
 * through the outbox. Closes the task.
 */
export async function sendServiceDeskFollowUp(s: Sender, changeId: string, now = new Date()): Promise<PharmacyChange> {
  const { db } = s;
  const operator = await requireOperator(db, s.operatorId);
  const change = await db.pharmacyChanges.get(changeId);
  if (!change?.followUp || !change.onCall) throw new InputError('This follow-up task no longer exists.', 'followUp');
  if (change.followUp.status === 'done') throw new InputError('NHS.UK has already been informed of this change.', 'followUp');
  const { profile } = await profileInScope(db, s.operatorId, change.profileId);
  const { kind, details, madeAt } = change.onCall;
  const email = await queueEmailAudited(db, s.api, operator.id, {
    template: 'pharmacy-service-desk',
    data: {
      pharmacyName: profile.name,
      odsCode: profile.odsCode,
      address: address(profile),
      region: profile.region,
      kind,
      details,
      madeAt: londonDateTime(new Date(madeAt)),
      senderName: operator.fullName,
      senderRole: operator.jobRole,
    },
    from: { name: operator.fullName, address: operator.email },
    to: [{ name: 'NHS website service desk', address: NHS_WEBSITE_SERVICE_DESK.email }],
    cc: [],
    format: 'plain',
    delivery: s.delivery,
    relatedTo: change.id,
  });
  return db.transaction('rw', [db.pharmacyChanges, db.audit, db.operators], async () => {
    const before = (await db.pharmacyChanges.get(changeId))!;
    const at = now.toISOString();
    const after: PharmacyChange = { ...before, followUp: { status: 'done', doneAt: at, outboxId: email.id }, updatedAt: at };
    await db.pharmacyChanges.put(after);
    await recordAudit(db, {
      at,
      operatorId: operator.id,
      entity: 'pharmacy',
      entityId: profile.id,
      action: 'pharmacy.follow-up',
      before: before.followUp,
      after: after.followUp,
    });
    return after;
  });
}

/** Open follow-up tasks (inform NHS.UK) in the operator's regions, oldest first. */
export async function openFollowUps(db: DosDeskDb, regions: readonly string[]): Promise<PharmacyChange[]> {
  const list = await db.pharmacyChanges.where('kind').equals('on-call-change').toArray();
  return list.filter((c) => c.followUp?.status === 'open' && regions.includes(c.region)).sort((a, b) => a.at.localeCompare(b.at));
}
