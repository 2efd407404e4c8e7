import { useLiveQuery } from 'dexie-react-hooks';
import type { DeliveryMethod } from '@shared/models/email';
import type { Settings } from '@shared/models/settings';
import { useDb } from '../../../db/db-context';
import { useApi } from '../../../platform/api-context';
import { useSession } from '../../../session/store';
import { COUNTED, fileCcRequest, queueCcEmailAgain, saveOrganisation, trackCcRequest } from './cc';

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

/**
 * How this desk's emails go, as the app shell works it out (SMTP only once it is set up). For pages
 * given only the settings; the desk hook replaces it.
 */
export function deskDelivery(settings: Pick<Settings, 'email'>): DeliveryMethod {
  return settings.email.defaultDelivery === 'smtp' && !settings.email.smtp ? 'mail-client' : settings.email.defaultDelivery;
}

export function useCcActions(delivery: DeliveryMethod, settings: Pick<Settings, 'connectingCare'>) {
  const db = useDb();
  const api = useApi();
  const operatorId = useSession((s) => s.currentOperatorId);
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
