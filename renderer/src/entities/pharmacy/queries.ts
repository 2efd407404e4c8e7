import Dexie from 'dexie';
import { addCalendarDays } from '@shared/domain/london-time';
import { DUE_SOON_DAYS } from '@shared/domain/pharmacy';
import type { PharmacyChange, PharmacyProfile } from '@shared/models/pharmacy';
import type { DosDeskDb } from '../../db/database';

const isOpenFollowUp = (c: PharmacyChange, regions: readonly string[]) => c.followUp?.status === 'open' && regions.includes(c.region);
const openFollowUpsIn = (db: DosDeskDb, regions: readonly string[]) =>
  db.pharmacyChanges
    .where('kind')
    .equals('on-call-change')
    .filter((c) => isOpenFollowUp(c, regions));

/** Open follow-up tasks (inform NHS.UK of an out-of-hours change) in these regions, oldest first. */
export async function openFollowUps(db: DosDeskDb, regions: readonly string[]): Promise<PharmacyChange[]> {
  return (await openFollowUpsIn(db, regions).toArray()).sort((a, b) => a.at.localeCompare(b.at));
}

export function openFollowUpCount(db: DosDeskDb, regions: readonly string[]): Promise<number> {
  return openFollowUpsIn(db, regions).count();
}

function checksIn(db: DosDeskDb, region: string, today: string, includeDue: boolean) {
  const limit = includeDue ? addCalendarDays(today, DUE_SOON_DAYS) : today;
  return db.pharmacyProfiles
    .where('[region+nextCheckDue]')
    .between([region, Dexie.minKey], [region, limit], true, includeDue)
    .filter((p) => p.profileStatus === 'active');
}

/**
 * Active profiles in a region whose quarterly check is overdue (or due within 14 days with
 * `includeDue`), most overdue first, read from the [region+nextCheckDue] index.
 */
export function checksOutstanding(db: DosDeskDb, region: string, today: string, includeDue = false): Promise<PharmacyProfile[]> {
  return checksIn(db, region, today, includeDue).toArray();
}

export function overdueCheckCount(db: DosDeskDb, region: string, today: string): Promise<number> {
  return checksIn(db, region, today, false).count();
}
