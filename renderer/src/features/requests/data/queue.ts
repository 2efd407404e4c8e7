import Dexie from 'dexie';
import type { Operator } from '@shared/models/operator';
import type { UserRequest } from '@shared/models/request';
import type { DosDeskDb } from '../../../db/database';
import { managedRegions, requireOperator } from '../../../db/guards';
import { outstandingRequestCount } from '../../../entities/requests/queries';
import { assertInScope } from './request-rules';

/** Reading the requests queue: counts per region and one page at a time. Writes nothing. */

export interface QueueCounts {
  /** Outstanding requests in each region the operator manages. */
  perRegion: { region: string; count: number }[];
  total: number;
}

export const QUEUE_PAGE_SIZE = 50;

/** Outstanding requests per region the operator manages, counted from the `[status+region]` index. */
export async function queueCounts(db: DosDeskDb, operator: Operator): Promise<QueueCounts> {
  const perRegion = await Promise.all(
    [...managedRegions(operator)].map(async (region) => ({
      region,
      count: await outstandingRequestCount(db, region),
    })),
  );
  return { perRegion, total: perRegion.reduce((sum, r) => sum + r.count, 0) };
}

/**
 * The rows of one page of outstanding requests for the regions where the operator holds
 * approveUser, oldest first unless asked otherwise: only the rows up to the page's end are read,
 * straight from the `[status+region+registeredAt]` index, so the cost follows the page shown. A
 * page past the end is empty. Needs no count, so the queue can show before its counts.
 */
export async function queueRows(
  db: DosDeskDb,
  operator: Operator,
  { page = 0, oldestFirst = true, pageSize = QUEUE_PAGE_SIZE }: { page?: number; oldestFirst?: boolean; pageSize?: number } = {},
): Promise<UserRequest[]> {
  const current = Math.max(0, Math.floor(page));
  const end = (current + 1) * pageSize;
  const lists = await Promise.all(
    [...managedRegions(operator)].map((region) => {
      const range = db.requests
        .where('[status+region+registeredAt]')
        .between(['outstanding', region, Dexie.minKey], ['outstanding', region, Dexie.maxKey], true, true);
      return (oldestFirst ? range : range.reverse()).limit(end).toArray();
    }),
  );
  const order = oldestFirst ? 1 : -1;
  return lists
    .flat()
    .sort((a, b) => order * (a.registeredAt.localeCompare(b.registeredAt) || a.id.localeCompare(b.id)))
    .slice(current * pageSize, end);
}

/** The last page there is for `total` requests (0 when there are none). */
export function lastQueuePage(total: number, pageSize = QUEUE_PAGE_SIZE): number {
  return Math.max(0, Math.ceil(total / pageSize) - 1);
}

export async function getRequestInScope(db: DosDeskDb, operatorId: string | null, id: string): Promise<UserRequest | null> {
  const operator = await requireOperator(db, operatorId);
  const request = await db.requests.get(id);
  if (!request) return null;
  assertInScope(operator, request.region, 'this request');
  return request;
}
