import type { PharmacyChange } from '@shared/models/pharmacy';
import type { DosTeam } from '@shared/models/registers';
import type { DosDeskDb } from '../../../db/database';
import { InputError, requireOperator } from '../../../db/guards';
import type { Desk } from '../../../entities/desk/change';
import { changeThenEmail, queueEmailsAgain, savedWithEmail, type EmailToQueueAgain } from '../../../entities/email/change-then-email';
import { profileInScope } from './handoff';
import { handoffEmailsNotQueued, keepFollowUpEmail, keepLocalTeamEmail, onCallDraft, serviceDeskDraft } from './handoff-emails';
import { profileSubject } from './profiles';

/**
 * What follows an out-of-hours handoff: the local DoS team's follow-up (inform NHS.UK), and
 * queueing again a handoff email that main could not queue at the time.
 */

/**
 * The local DoS team's follow-up: inform NHS.UK through the NHS website service desk. Closes the
 * task, then emails the service desk through the outbox and keeps the outbox id on the task. A
 * task already closed sends nothing; an email main cannot queue leaves the task closed with its
 * email not queued (`handoffsWithEmailsNotQueued` lists it, to queue again).
 */
export async function sendServiceDeskFollowUp(s: Desk, changeId: string, now = new Date()): Promise<PharmacyChange> {
  const { db } = s;
  const outcome = await changeThenEmail(
    s,
    [db.pharmacyChanges, db.pharmacyProfiles],
    async ({ operator, at, audit }) => {
      const before = await db.pharmacyChanges.get(changeId);
      if (!before?.followUp || !before.onCall) throw new InputError('This follow-up task no longer exists.', 'followUp');
      if (before.followUp.status === 'done') throw new InputError('NHS.UK has already been informed of this change.', 'followUp');
      const profile = await profileInScope(db, operator, before.profileId);
      const after: PharmacyChange = { ...before, followUp: { status: 'done', doneAt: at, outboxId: null }, updatedAt: at };
      await db.pharmacyChanges.put(after);
      await audit({
        entity: 'pharmacy',
        entityId: profile.id,
        subject: profileSubject(profile),
        action: 'pharmacy.follow-up',
        before: before.followUp,
        after: after.followUp,
      });
      return { result: after, email: serviceDeskDraft(after, profile, operator) };
    },
    keepFollowUpEmail,
    now,
  );
  return savedWithEmail(outcome, 'The follow-up was recorded');
}

export { openFollowUps } from '../../../entities/pharmacy/queries';

/** On-call changes in the operator's regions with an email that is not in the outbox, oldest first. */
export async function handoffsWithEmailsNotQueued(db: DosDeskDb, regions: readonly string[]): Promise<PharmacyChange[]> {
  const list = await db.pharmacyChanges.where('kind').equals('on-call-change').toArray();
  return list.filter((c) => regions.includes(c.region) && handoffEmailsNotQueued(c).length > 0).sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * Queues again every email this pharmacy change caused that main could not queue at the time,
 * keeping each one's outbox id on the change (and, for the email to the local DoS team, marking
 * the emergency changes it reports). Returns how many were queued; throws with the reason when
 * one still cannot be.
 */
export async function queueHandoffEmailsNotQueued(s: Desk, changeId: string, teams: readonly DosTeam[]): Promise<number> {
  const { db } = s;
  const operator = await requireOperator(db, s.operatorId);
  const change = await db.pharmacyChanges.get(changeId);
  if (!change) throw new InputError('This pharmacy change no longer exists.', 'followUp');
  const profile = await profileInScope(db, operator, change.profileId);
  const jobs: EmailToQueueAgain<PharmacyChange>[] = [];
  if (change.onCall && !change.localTeamOutboxId) {
    const team = teams.find((t) => t.region === profile.region);
    if (!team)
      throw new InputError(
        `There are no DoS team addresses for ${profile.region}. Add the local and regional DoS team emails in Settings first.`,
        'followUp',
      );
    const logged = (await db.emergencyChanges.bulkGet(change.emergencyChangeIds)).filter((e) => e !== undefined);
    const services = await db.services.bulkGet(logged.map((e) => e.serviceId));
    const entries = logged.map((e, i) => {
      const service = services[i];
      return service ? `${service.name} (${service.serviceType}, ${service.odsCode})` : e.serviceName;
    });
    const madeBy = logged[0] ? { name: logged[0].madeBy, email: logged[0].madeByEmail } : { name: '', email: '' };
    jobs.push({
      draft: onCallDraft({ change: { id: change.id, onCall: change.onCall }, profile, entries, madeBy, team }, operator),
      attach: keepLocalTeamEmail,
    });
  }
  if (change.followUp?.status === 'done' && !change.followUp.outboxId)
    jobs.push({ draft: serviceDeskDraft(change, profile, operator), attach: keepFollowUpEmail });
  return queueEmailsAgain(s, [db.pharmacyChanges, db.emergencyChanges], change, jobs, 'The pharmacy change is saved');
}
