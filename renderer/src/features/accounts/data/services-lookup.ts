import { useLiveQuery } from 'dexie-react-hooks';
import type { Service } from '@shared/models/service';
import { useDb } from '../../../db/db-context';

/** The services directory, read-only, for choosing service relationships. */
export function useServicesForAccounts(): Service[] | undefined {
  const db = useDb();
  return useLiveQuery(() => db.services.toArray(), [db]);
}
