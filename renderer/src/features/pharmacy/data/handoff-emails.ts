import { formatLondonDateTime } from '@shared/domain/london-time';
import { isReportOverdue, reportDeadline } from '@shared/domain/registers';
import { NHS_WEBSITE_SERVICE_DESK } from '@shared/domain/pharmacy';
import type { OutboxSummary } from '@shared/models/email';
import type { Operator } from '@shared/models/operator';
import type { PharmacyChange, PharmacyProfile } from '@shared/models/pharmacy';
import type { DosTeam } from '@shared/models/registers';
import { InputError } from '../../../db/guards';
import type { ChangeContext } from '../../../entities/desk/change';
import type { EmailDraft } from '../../../entities/email/change-then-email';
import { emergencySubject } from '../../../entities/registers/emergency-changes';

/**
 * The two emails a pharmacy handoff causes (to the local DoS team for an on-call change, and to
 * the NHS website service desk for its follow-up), and how each one's outbox id is kept on the
 * pharmacy change once main has queued it.
 */

const londonDateTime = (d: Date) => `${formatLondonDateTime(d, { weekday: true })} (London time)`;

function address(profile: PharmacyProfile): string {
  return `${profile.address.replace(/\s*\n\s*/g, ', ')}, ${profile.postcode}`;
}

const signed = (operator: Operator) => ({ senderName: operator.fullName, senderRole: operator.jobRole });

/** What the email to the local DoS team says about an on-call change. */
export interface OnCallEmail {
  change: Pick<PharmacyChange, 'id'> & { onCall: NonNullable<PharmacyChange['onCall']> };
  profile: PharmacyProfile;
  /** The DoS entries changed, as "name (service type, ODS code)". */
  entries: string[];
  madeBy: { name: string; email: string };
  team: DosTeam;
}

/** The emergency-change report of an on-call change to the local DoS team, the regional team copied. */
export function onCallDraft({ change, profile, entries, madeBy, team }: OnCallEmail, operator: Operator): EmailDraft {
  const made = new Date(change.onCall.madeAt);
  return {
    template: 'pharmacy-on-call',
    data: {
      pharmacyName: profile.name,
      odsCode: profile.odsCode,
      address: address(profile),
      region: profile.region,
      kind: change.onCall.kind,
      details: change.onCall.details,
      madeAt: londonDateTime(made),
      entries,
      contractorName: change.onCall.contractorName,
      madeBy: madeBy.name,
      madeByEmail: madeBy.email,
      deadline: londonDateTime(reportDeadline(made)),
      serviceDeskEmail: NHS_WEBSITE_SERVICE_DESK.email,
      ...signed(operator),
    },
    from: { name: operator.fullName, address: operator.email },
    to: [{ name: `${profile.region} local DoS team`, address: team.localEmail }],
    cc: [{ name: `${profile.region} regional DoS team`, address: team.regionalEmail }],
    format: 'plain',
    relatedTo: change.id,
  };
}

/** The follow-up: informs NHS.UK of an on-call change through the NHS website service desk. */
export function serviceDeskDraft(change: PharmacyChange, profile: PharmacyProfile, operator: Operator): EmailDraft {
  const { kind, details, madeAt } = change.onCall!;
  return {
    template: 'pharmacy-service-desk',
    data: {
      pharmacyName: profile.name,
      odsCode: profile.odsCode,
      address: address(profile),
      region: profile.region,
      kind,
      details,
      madeAt: londonDateTime(new Date(madeAt)),
      ...signed(operator),
    },
    from: { name: operator.fullName, address: operator.email },
    to: [{ name: 'NHS website service desk', address: NHS_WEBSITE_SERVICE_DESK.email }],
    cc: [],
    format: 'plain',
    relatedTo: change.id,
  };
}

async function currentChange(ctx: ChangeContext, id: string): Promise<PharmacyChange> {
  const current = await ctx.db.pharmacyChanges.get(id);
  if (!current) throw new InputError('This pharmacy change no longer exists.', 'followUp');
  return current;
}

/**
 * Once the email to the local DoS team is in the outbox: keeps its id on the pharmacy change, and
 * marks the emergency changes it reports (those not reported another way meanwhile) as reported by it.
 */
export async function keepLocalTeamEmail(ctx: ChangeContext, result: PharmacyChange, email: OutboxSummary): Promise<PharmacyChange> {
  const { db, at } = ctx;
  const current = await currentChange(ctx, result.id);
  const after: PharmacyChange = { ...current, localTeamOutboxId: email.id, updatedAt: at };
  await db.pharmacyChanges.put(after);
  const logged = (await db.emergencyChanges.bulkGet(current.emergencyChangeIds)).filter((e) => e && !e.reportedAt);
  for (const e of logged) {
    await db.emergencyChanges.put({ ...e!, reportedAt: at, reportOutboxId: email.id, updatedAt: at });
    await ctx.audit({
      entity: 'emergency-change',
      entityId: e!.id,
      subject: emergencySubject(e!),
      action: 'emergency.report',
      before: { reportedAt: null },
      after: { reportedAt: at, onTime: !isReportOverdue(new Date(e!.madeAt), new Date(at), new Date(at)), outboxId: email.id },
    });
  }
  return after;
}

/** Once the email to the NHS website service desk is in the outbox: keeps its id on the follow-up. */
export async function keepFollowUpEmail(ctx: ChangeContext, result: PharmacyChange, email: OutboxSummary): Promise<PharmacyChange> {
  const current = await currentChange(ctx, result.id);
  const after: PharmacyChange = {
    ...current,
    followUp: current.followUp && { ...current.followUp, outboxId: email.id },
    updatedAt: ctx.at,
  };
  await ctx.db.pharmacyChanges.put(after);
  return after;
}

/** The emails a pharmacy change caused that are not in the outbox (saved, then main could not queue them). */
export function handoffEmailsNotQueued(change: PharmacyChange): string[] {
  const missing: string[] = [];
  if (change.kind === 'on-call-change' && !change.localTeamOutboxId) missing.push(`the email to the ${change.region} local DoS team`);
  if (change.followUp?.status === 'done' && !change.followUp.outboxId) missing.push('the email to the NHS website service desk');
  return missing;
}
