import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Operator } from '@shared/models/operator';
import type { DosDeskDb } from '../../../db/database';
import { useDb } from '../../../db/db-context';

export interface Attention {
  /** Outstanding user requests in the regions where the operator holds approveUser. */
  requests: number;
  /** Emergency changes in the operator's regions not yet reported to the DoS teams. */
  unreportedChanges: number;
  /** Out-of-hours pharmacy changes NHS.UK has not been told about yet. */
  followUps: number;
  /** Active pharmacies in the operator's regions whose quarterly check is overdue. */
  overdueChecks: number;
}

/** What is waiting for the operator, counted from the indexes (no table is read whole). */
export async function attentionFor(db: DosDeskDb, operator: Operator, today: string): Promise<Attention> {
  const [requests, changes, followUps, overdue] = await Promise.all([
    Promise.all(operator.approveUserRegions.map((r) => db.requests.where('[status+region]').equals(['outstanding', r]).count())),
    operator.regions.length
      ? db.emergencyChanges
          .where('region')
          .anyOf(operator.regions)
          .filter((c) => !c.reportedAt)
          .count()
      : 0,
    db.pharmacyChanges
      .where('kind')
      .equals('on-call-change')
      .filter((c) => c.followUp?.status === 'open' && operator.regions.includes(c.region))
      .count(),
    Promise.all(
      operator.regions.map((r) =>
        db.pharmacyProfiles
          .where('[region+nextCheckDue]')
          .between([r, Dexie.minKey], [r, today], true, false)
          .filter((p) => p.profileStatus === 'active')
          .count(),
      ),
    ),
  ]);
  return {
    requests: requests.reduce((a, b) => a + b, 0),
    unreportedChanges: changes,
    followUps,
    overdueChecks: overdue.reduce((a, b) => a + b, 0),
  };
}

export function useAttention(operator: Operator, today: string): Attention | undefined {
  const db = useDb();
  return useLiveQuery(() => attentionFor(db, operator, today), [db, operator, today]);
}
