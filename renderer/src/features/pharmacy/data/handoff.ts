import { decideHours, linkedEntries, NHS_WEBSITE_SERVICE_DESK } from '@shared/domain/pharmacy';
import type { Operator } from '@shared/models/operator';
import { InHoursCallInput, OnCallChangeInput, type PharmacyChange, type PharmacyProfile } from '@shared/models/pharmacy';
import type { DosTeam, EmergencyChange } from '@shared/models/registers';
import type { DosDeskDb } from '../../../db/database';
import { InputError, inputErrorFrom } from '../../../db/guards';
import { change, type Desk } from '../../../entities/desk/change';
import { changeThenEmail } from '../../../entities/email/change-then-email';
import { emergencySubject } from '../../../entities/registers/emergency-changes';
import { keepLocalTeamEmail, onCallDraft } from './handoff-emails';
import { changeRecord, profileSubject } from './profiles';

/** A pharmacy the operator covers, for recording a handoff; refuses one outside their regions. */
export async function profileInScope(db: DosDeskDb, operator: Operator, profileId: string): Promise<PharmacyProfile> {
  const profile = await db.pharmacyProfiles.get(profileId);
  if (!profile) throw new InputError('Choose the pharmacy: that profile is not on this desk.', 'profileId');
  if (!operator.regions.includes(profile.region))
    throw new InputError(`You do not cover ${profile.region}, so you cannot record changes for its pharmacies.`, 'profileId');
  return profile;
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
  return change(
    { db, operatorId },
    [db.pharmacyProfiles, db.pharmacyChanges],
    async ({ operator, audit }) => {
      const profile = await profileInScope(db, operator, f.profileId);
      const summary = [
        `${f.contractorName} could not use Profile Manager; directed to the NHS website service desk (${NHS_WEBSITE_SERVICE_DESK.email})`,
        hours.overridden ? `in hours by override: ${f.overrideReason}` : '',
        f.note,
      ]
        .filter(Boolean)
        .join('. ');
      const record = changeRecord(operator, profile, 'directed-to-service-desk', summary, now);
      await db.pharmacyChanges.add(record);
      await audit({
        entity: 'pharmacy',
        entityId: profile.id,
        subject: profileSubject(profile),
        action: 'pharmacy.in-hours-call',
        before: null,
        after: record,
      });
      return record;
    },
    now,
  );
}

/**
 * Out of hours: the on-call DoS support has made the change in DoS. Records it as an emergency
 * change on each DoS entry changed and opens the follow-up task for the local team to inform
 * NHS.UK, in one change (everything is checked before anything is saved); then emails the local
 * DoS team (regional team copied: the emergency-change report) through the outbox, and once it is
 * there marks the emergency changes reported by it. When main cannot queue the email the change
 * stands and is returned with no `localTeamOutboxId` (`handoffEmailsNotQueued` names it), to queue again.
 */
export async function recordOnCallChange(
  s: Desk,
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
  const outcome = await changeThenEmail(
    s,
    [db.pharmacyProfiles, db.pharmacyChanges, db.emergencyChanges, db.accounts, db.services],
    async ({ operator, at, audit }) => {
      const profile = await profileInScope(db, operator, f.profileId);
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
      if (services.some((x) => !x))
        throw new InputError('One of the DoS entries chosen is no longer in the services directory.', 'serviceIds');
      const entries = services.map((x) => x!);
      const unlinked = entries.filter((e) => !linkedEntries(profile.odsCode, [e]).length);
      if (unlinked.length)
        throw new InputError(
          `${unlinked.map((e) => e.name).join(', ')} is not linked to ${profile.odsCode}. Choose from the pharmacy's linked DoS entries.`,
          'serviceIds',
        );

      const why = `Pharmacy contractor (${f.contractorName}) could not use Profile Manager out of hours${hours.overridden ? ` (decided by override: ${f.overrideReason})` : ''}.`;
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
        // Reported once the email to the local DoS team, which reports them, is in the outbox.
        reportedAt: null,
        reportOutboxId: null,
        review: null,
        loggedBy: operator.id,
        createdAt: at,
        updatedAt: at,
      }));
      await db.emergencyChanges.bulkAdd(logged);
      const onCall = { kind: f.kind, details: f.details, contractorName: f.contractorName, madeAt: made.toISOString() };
      const record: PharmacyChange = {
        ...changeRecord(operator, profile, 'on-call-change', `${f.kind}: ${f.details} (called by ${f.contractorName})`, now),
        onCall,
        emergencyChangeIds: logged.map((e) => e.id),
        followUp: { status: 'open', doneAt: null, outboxId: null },
      };
      await db.pharmacyChanges.add(record);
      for (const e of logged)
        await audit({
          entity: 'emergency-change',
          entityId: e.id,
          subject: emergencySubject(e),
          action: 'emergency.log',
          before: null,
          after: e,
        });
      await audit({
        entity: 'pharmacy',
        entityId: profile.id,
        subject: profileSubject(profile),
        action: 'pharmacy.on-call-change',
        before: null,
        after: record,
      });
      const email = onCallDraft(
        {
          change: { id: record.id, onCall },
          profile,
          entries: entries.map((e) => `${e.name} (${e.serviceType}, ${e.odsCode})`),
          madeBy: { name: account.fullName, email: account.email },
          team,
        },
        operator,
      );
      return { result: record, email };
    },
    keepLocalTeamEmail,
    now,
  );
  return outcome.result;
}
