import { useLiveQuery } from 'dexie-react-hooks';
import type { Operator } from '@shared/models/operator';
import { useDb } from '../db/db-context';
import { useSession } from './store';

/** The operator working at the desk: undefined while loading, null when none is chosen. */
export function useCurrentOperator(): Operator | null | undefined {
  const db = useDb();
  const id = useSession((s) => s.currentOperatorId);
  return useLiveQuery(async () => (id ? ((await db.operators.get(id)) ?? null) : null), [db, id]);
}
