import { formatDay, londonDate } from '@shared/domain/london-time';
import { linkedEntries, nextCheckDue, profileNextCheck } from '@shared/domain/pharmacy';
import type { Operator } from '@shared/models/operator';
import {
  CheckInput,
  PharmacyProfileInput,
  type PharmacyChange,
  type PharmacyProfile,
  type PharmacyProfileFields,
} from '@shared/models/pharmacy';
import type { Service } from '@shared/models/service';
import type { DosDeskDb } from '../../../db/database';
import { InputError, inputErrorFrom } from '../../../db/guards';
import { change } from '../../../entities/desk/change';

/** A pharmacy profile in words, for the audit trail. */
export const profileSubject = (profile: Pick<PharmacyProfile, 'name' | 'odsCode'>) =>
  `pharmacy profile ${profile.name} (${profile.odsCode})`;

/** People's names for the profile's fields, for change summaries. */
const FIELD_NAMES: Record<keyof PharmacyProfileFields, string> = {
  odsCode: 'ODS code',
  profileStatus: 'profile status',
  name: 'organisation name',
  address: 'address',
  postcode: 'postcode',
  website: 'website',
  phone: 'public phone number',
  region: 'region',
  standardTimes: 'standard opening times',
  specifiedTimes: 'specified opening times',
};

function parse(input: unknown, regions: readonly string[]): PharmacyProfileFields {
  const parsed = PharmacyProfileInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'odsCode');
  if (!regions.includes(parsed.data.region)) throw new InputError(`"${parsed.data.region}" is not one of this desk's regions`, 'region');
  return parsed.data;
}

function assertCovers(operator: Operator, region: string): void {
  if (!operator.regions.includes(region))
    throw new InputError(`You do not cover ${region}, so you cannot change its pharmacy profiles.`, 'region');
}

/** A line in the day's report of pharmacy changes. */
export function changeRecord(
  operator: Operator,
  profile: Pick<PharmacyProfile, 'id' | 'odsCode' | 'name' | 'region'>,
  kind: PharmacyChange['kind'],
  summary: string,
  now: Date,
): PharmacyChange {
  const at = now.toISOString();
  return {
    id: crypto.randomUUID(),
    profileId: profile.id,
    odsCode: profile.odsCode,
    pharmacyName: profile.name,
    region: profile.region,
    date: londonDate(now),
    at,
    kind,
    summary,
    operatorId: operator.id,
    operatorName: operator.fullName,
    onCall: null,
    emergencyChangeIds: [],
    localTeamOutboxId: null,
    followUp: null,
    updatedAt: at,
  };
}

async function assertOdsFree(db: DosDeskDb, odsCode: string, id: string | null): Promise<void> {
  const other = await db.pharmacyProfiles.where('odsCode').equals(odsCode).first();
  if (other && other.id !== id)
    throw new InputError(`There is already a profile for ${odsCode}: ${other.name}. Open that profile instead.`, 'odsCode');
}

/** Adds a pharmacy profile (never checked yet, so its quarterly check is due at once). Audited. */
export async function createProfile(
  db: DosDeskDb,
  operatorId: string | null,
  input: unknown,
  regions: readonly string[],
  now = new Date(),
): Promise<PharmacyProfile> {
  const fields = parse(input, regions);
  return change(
    { db, operatorId },
    [db.pharmacyProfiles, db.pharmacyChanges],
    async ({ operator, at, audit }) => {
      assertCovers(operator, fields.region);
      await assertOdsFree(db, fields.odsCode, null);
      const profile: PharmacyProfile = {
        id: crypto.randomUUID(),
        ...fields,
        lastCheckedOn: null,
        nextCheckDue: profileNextCheck(null, londonDate(now)),
        createdAt: at,
        updatedAt: at,
      };
      await db.pharmacyProfiles.add(profile);
      await db.pharmacyChanges.add(changeRecord(operator, profile, 'profile-created', 'Added to this desk', now));
      await audit({
        entity: 'pharmacy',
        entityId: profile.id,
        subject: profileSubject(profile),
        action: 'pharmacy.create',
        before: null,
        after: profile,
      });
      return profile;
    },
    now,
  );
}

/** Saves changes to a profile, naming what changed in the day's report. Audited with before and after. */
export async function updateProfile(
  db: DosDeskDb,
  operatorId: string | null,
  id: string,
  input: unknown,
  regions: readonly string[],
  now = new Date(),
): Promise<PharmacyProfile> {
  const fields = parse(input, regions);
  return change(
    { db, operatorId },
    [db.pharmacyProfiles, db.pharmacyChanges],
    async ({ operator, at, audit }) => {
      const before = await db.pharmacyProfiles.get(id);
      if (!before) throw new InputError('This profile no longer exists.', 'odsCode');
      assertCovers(operator, before.region);
      assertCovers(operator, fields.region);
      await assertOdsFree(db, fields.odsCode, id);
      const changed = (Object.keys(FIELD_NAMES) as (keyof PharmacyProfileFields)[]).filter(
        (k) => JSON.stringify(before[k]) !== JSON.stringify(fields[k]),
      );
      if (!changed.length) return before;
      const after: PharmacyProfile = { ...before, ...fields, updatedAt: at };
      await db.pharmacyProfiles.put(after);
      const summary = `Changed ${changed.map((k) => FIELD_NAMES[k]).join(', ')}`;
      await db.pharmacyChanges.add(changeRecord(operator, after, 'profile-updated', summary, now));
      const pick = (p: PharmacyProfile) => Object.fromEntries(changed.map((k) => [k, p[k]]));
      await audit({
        entity: 'pharmacy',
        entityId: id,
        subject: profileSubject(after),
        action: 'pharmacy.update',
        before: pick(before),
        after: pick(after),
      });
      return after;
    },
    now,
  );
}

/** Records the contractor's quarterly check; the next is due 3 months later. Audited. */
export async function recordCheck(
  db: DosDeskDb,
  operatorId: string | null,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<PharmacyProfile> {
  const parsed = CheckInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'checkedOn');
  const { checkedOn } = parsed.data;
  if (checkedOn > londonDate(now)) throw new InputError('The check date cannot be in the future.', 'checkedOn');
  return change(
    { db, operatorId },
    [db.pharmacyProfiles, db.pharmacyChanges],
    async ({ operator, at, audit }) => {
      const before = await db.pharmacyProfiles.get(id);
      if (!before) throw new InputError('This profile no longer exists.', 'checkedOn');
      assertCovers(operator, before.region);
      if (before.lastCheckedOn && checkedOn < before.lastCheckedOn)
        throw new InputError(`A later check (${formatDay(before.lastCheckedOn)}) is already recorded.`, 'checkedOn');
      const after: PharmacyProfile = { ...before, lastCheckedOn: checkedOn, nextCheckDue: nextCheckDue(checkedOn), updatedAt: at };
      await db.pharmacyProfiles.put(after);
      await db.pharmacyChanges.add(
        changeRecord(
          operator,
          after,
          'quarterly-check',
          `Quarterly check on ${formatDay(checkedOn)}; next due ${formatDay(after.nextCheckDue)}`,
          now,
        ),
      );
      const pick = (p: PharmacyProfile) => ({ lastCheckedOn: p.lastCheckedOn, nextCheckDue: p.nextCheckDue });
      await audit({
        entity: 'pharmacy',
        entityId: id,
        subject: profileSubject(before),
        action: 'pharmacy.check',
        before: pick(before),
        after: pick(after),
      });
      return after;
    },
    now,
  );
}

/** Profiles in a region, by name. */
export async function profilesIn(db: DosDeskDb, region: string): Promise<PharmacyProfile[]> {
  return (await db.pharmacyProfiles.where('region').equals(region).toArray()).sort((a, b) => a.name.localeCompare(b.name));
}

export { checksOutstanding } from '../../../entities/pharmacy/queries';

export interface LinkedEntry {
  service: Service;
  /** The entry keeps reduced hours for a clinical service, which a Profile Manager update would overwrite. */
  atRisk: boolean;
}

/**
 * The DoS entries a Profile Manager update of this profile reaches: the same first 5 ODS
 * characters and one of the five pharmacy service types.
 */
export async function linkedFor(db: DosDeskDb, odsCode: string): Promise<LinkedEntry[]> {
  const prefix = odsCode.slice(0, 5);
  const candidates = await db.services.where('odsCode').startsWith(prefix).toArray();
  return linkedEntries(odsCode, candidates)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((service) => ({ service, atRisk: service.reducedHours.trim().length > 0 }));
}

/** The pharmacy changes made on a London date (for the daily report), oldest first. */
export async function changesOn(db: DosDeskDb, date: string, regions: readonly string[]): Promise<PharmacyChange[]> {
  const list = await db.pharmacyChanges.where('date').equals(date).toArray();
  return list.filter((c) => regions.includes(c.region)).sort((a, b) => a.at.localeCompare(b.at));
}
