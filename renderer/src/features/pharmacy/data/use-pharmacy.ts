import { useLiveQuery } from 'dexie-react-hooks';
import type { Account } from '@shared/models/account';
import type { Operator } from '@shared/models/operator';
import type { PharmacyChange, PharmacyProfile } from '@shared/models/pharmacy';
import { accountsInRegions } from '../../../entities/accounts/account-writes';
import { useDb } from '../../../db/db-context';
import { handoffsWithEmailsNotQueued, openFollowUps, queueHandoffEmailsNotQueued, sendServiceDeskFollowUp } from './follow-up';
import { recordInHoursCall, recordOnCallChange } from './handoff';
import { changesOn, checksOutstanding, createProfile, linkedFor, profilesIn, recordCheck, updateProfile } from './profiles';
import { useDesk } from '../../../entities/desk/desk-context';

export { useBankHolidays } from '../../../platform/use-bank-holidays';

export function useProfiles(region: string): PharmacyProfile[] | undefined {
  const db = useDb();
  return useLiveQuery(() => profilesIn(db, region), [db, region]);
}

export function useProfile(id: string | undefined): PharmacyProfile | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (id ? ((await db.pharmacyProfiles.get(id)) ?? null) : null), [db, id]);
}

/** Every profile in the regions the operator covers, by name (for choosing a pharmacy). */
export function useCoveredProfiles(operator: Operator): PharmacyProfile[] | undefined {
  const db = useDb();
  return useLiveQuery(
    async () => (await db.pharmacyProfiles.where('region').anyOf(operator.regions).toArray()).sort((a, b) => a.name.localeCompare(b.name)),
    [db, operator],
  );
}

export function useChecksOutstanding(region: string, today: string) {
  const db = useDb();
  return useLiveQuery(() => checksOutstanding(db, region, today, true), [db, region, today]);
}

export function useLinked(odsCode: string | undefined) {
  const db = useDb();
  return useLiveQuery(async () => (odsCode ? linkedFor(db, odsCode) : []), [db, odsCode]);
}

export function useChangesOn(date: string, regions: readonly string[]) {
  const db = useDb();
  return useLiveQuery(() => changesOn(db, date, regions), [db, date, regions]);
}

export function useProfileChanges(profileId: string) {
  const db = useDb();
  return useLiveQuery(
    async () => (await db.pharmacyChanges.where('profileId').equals(profileId).reverse().sortBy('at')).slice(0, 20),
    [db, profileId],
  );
}

/** One pharmacy change, kept up to date (null when it is not on this desk). */
export function usePharmacyChange(id: string): PharmacyChange | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await db.pharmacyChanges.get(id)) ?? null, [db, id]);
}

export function useOpenFollowUps(regions: readonly string[]) {
  const db = useDb();
  return useLiveQuery(() => openFollowUps(db, regions), [db, regions]);
}

/** On-call changes in these regions whose email main could not queue. */
export function useHandoffsWithEmailsNotQueued(regions: readonly string[]) {
  const db = useDb();
  return useLiveQuery(() => handoffsWithEmailsNotQueued(db, regions), [db, regions]);
}

/** Active DoS accounts in the regions the operator covers: "the DoS account you made the change with". */
export function useCoveredActiveAccounts(operator: Operator): Account[] | undefined {
  const db = useDb();
  return useLiveQuery(
    async () =>
      (await accountsInRegions(db, operator.regions))
        .filter((a) => a.status === 'active')
        .sort((a, b) => a.fullName.localeCompare(b.fullName)),
    [db, operator],
  );
}

export function usePharmacyActions() {
  const { db, api, operatorId, delivery, settings } = useDesk();
  const { regions, dosTeams: teams } = settings;
  const sender = { db, api, operatorId, delivery };
  return {
    create: (input: unknown) => createProfile(db, operatorId, input, regions),
    update: (id: string, input: unknown) => updateProfile(db, operatorId, id, input, regions),
    check: (id: string, checkedOn: string) => recordCheck(db, operatorId, id, { checkedOn }),
    inHours: (input: unknown, holidays: ReadonlySet<string>) => recordInHoursCall(db, operatorId, input, holidays),
    onCall: (input: unknown, holidays: ReadonlySet<string>) => recordOnCallChange(sender, input, teams, holidays),
    followUp: (changeId: string) => sendServiceDeskFollowUp(sender, changeId),
    queueEmailsAgain: (changeId: string) => queueHandoffEmailsNotQueued(sender, changeId, teams),
  };
}
