import type { DosDeskDb } from '../../db/database';

/** Outstanding requests in one region, counted from the `[status+region]` index (the queue's rule). */
export function outstandingRequestCount(db: DosDeskDb, region: string): Promise<number> {
  return db.requests.where('[status+region]').equals(['outstanding', region]).count();
}
