import { useLiveQuery } from 'dexie-react-hooks';
import type { Service } from '@shared/models/service';
import { useDb } from '../../db/db-context';

/** The services directory, read-only, for features that relate things to services. */
export function useServicesDirectory(): Service[] | undefined {
  const db = useDb();
  return useLiveQuery(() => db.services.toArray(), [db]);
}
