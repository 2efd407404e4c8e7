import type { EmergencyChange } from '@shared/models/registers';
import type { DosDeskDb } from '../../db/database';

/** An emergency change is waiting until its report has gone to the DoS teams. */
export const isUnreported = (change: Pick<EmergencyChange, 'reportedAt'>): boolean => !change.reportedAt;

/** Emergency changes in these regions not yet reported to the DoS teams, counted from the region index. */
export async function unreportedChangeCount(db: DosDeskDb, regions: readonly string[]): Promise<number> {
  return regions.length
    ? db.emergencyChanges
        .where('region')
        .anyOf([...regions])
        .filter(isUnreported)
        .count()
    : 0;
}
