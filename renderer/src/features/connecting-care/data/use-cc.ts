import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../../db/db-context';
import { COUNTED, fileCcRequest, queueCcEmailAgain, saveOrganisation, trackCcRequest } from './cc';
import { useDesk } from '../../../entities/desk/desk-context';

export function useOrganisations() {
  const db = useDb();
  return useLiveQuery(() => db.ccOrganisations.orderBy('name').toArray(), [db]);
}

export function useOrganisation(id: string | undefined) {
  const db = useDb();
  return useLiveQuery(async () => (id ? ((await db.ccOrganisations.get(id)) ?? null) : null), [db, id]);
}

export function useCcRequests() {
  const db = useDb();
  return useLiveQuery(() => db.ccRequests.orderBy('createdAt').reverse().toArray(), [db]);
}

export function useCcRequest(id: string) {
  const db = useDb();
  return useLiveQuery(async () => (await db.ccRequests.get(id)) ?? null, [db, id]);
}

/** Licences per organisation, and those counting against the allocation. */
export function useLicences() {
  const db = useDb();
  return useLiveQuery(() => db.ccLicences.toArray(), [db]);
}

export function countInUse(licences: readonly { organisationId: string; status: string }[], organisationId: string): number {
  return licences.filter((l) => l.organisationId === organisationId && (COUNTED as readonly string[]).includes(l.status)).length;
}

export { useBankHolidays } from '../../../platform/use-bank-holidays';

export function useCcActions() {
  const { db, api, operatorId, delivery, settings } = useDesk();
  return {
    saveOrganisation: (input: unknown, id: string | null) => saveOrganisation(db, operatorId, input, id),
    file: (input: unknown) => fileCcRequest({ db, api, operatorId, delivery }, input, settings),
    /** Queues the email of a request whose email main could not queue. */
    queueEmailAgain: (id: string) => queueCcEmailAgain({ db, api, operatorId, delivery }, id),
    received: (id: string, receivedOn: string) => trackCcRequest(db, operatorId, id, { receivedOn }),
    actioned: (id: string, actionedOn: string, resolutionNote: string) =>
      trackCcRequest(db, operatorId, id, { actionedOn, resolutionNote }),
  };
}
