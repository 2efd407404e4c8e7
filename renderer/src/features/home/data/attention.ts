import { useLiveQuery } from 'dexie-react-hooks';
import type { Operator } from '@shared/models/operator';
import type { DosDeskDb } from '../../../db/database';
import { useDb } from '../../../db/db-context';
import { openFollowUpCount, overdueCheckCount } from '../../../entities/pharmacy/queries';
import { unreportedChangeCount } from '../../../entities/registers/queries';
import { outstandingRequestCount } from '../../../entities/requests/queries';

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

/**
 * What is waiting for the operator, counted from the indexes (no table is read whole), by the same
 * rules the requests, registers and pharmacy screens use (entities/).
 */
export async function attentionFor(db: DosDeskDb, operator: Operator, today: string): Promise<Attention> {
  const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
  const [requests, unreportedChanges, followUps, overdueChecks] = await Promise.all([
    Promise.all(operator.approveUserRegions.map((r) => outstandingRequestCount(db, r))).then(sum),
    unreportedChangeCount(db, operator.regions),
    openFollowUpCount(db, operator.regions),
    Promise.all(operator.regions.map((r) => overdueCheckCount(db, r, today))).then(sum),
  ]);
  return { requests, unreportedChanges, followUps, overdueChecks };
}

export function useAttention(operator: Operator, today: string): Attention | undefined {
  const db = useDb();
  return useLiveQuery(() => attentionFor(db, operator, today), [db, operator, today]);
}
