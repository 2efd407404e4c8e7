import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { EmailFormat } from '@shared/models/email';
import type { Operator } from '@shared/models/operator';
import type { UserRequest } from '@shared/models/request';
import { useDb } from '../../../db/db-context';
import {
  approveRequest,
  changeRegion,
  createRequest,
  getRequestInScope,
  importRequests,
  markValidated,
  previewRequestsCsv,
  queueEmailsNotQueued,
  queueCounts,
  type QueueCounts,
  queueRows,
  rejectRequest,
  resendActivation,
  type RequestImportRow,
} from './requests';
import { plainErrorMessage } from '../../../platform/plain-error';
import { useDesk } from '../../../entities/desk/desk-context';

/** Outstanding requests per region for the operator; re-read when requests change. */
export function useQueueCounts(operator: Operator): QueueCounts | undefined {
  const db = useDb();
  return useLiveQuery(() => queueCounts(db, operator), [db, operator]);
}

/** The rows of one page of the operator's queue; re-read when requests change. */
export function useQueueRows(operator: Operator, page: number, oldestFirst: boolean): UserRequest[] | undefined {
  const db = useDb();
  return useLiveQuery(() => queueRows(db, operator, { page, oldestFirst }), [db, operator, page, oldestFirst]);
}

export function useRequest(id: string): { request: UserRequest | null | undefined; error: string | null } {
  const { db, operatorId } = useDesk();
  const result = useLiveQuery(async () => {
    try {
      return { request: await getRequestInScope(db, operatorId, id), error: null };
    } catch (e) {
      return { request: null, error: plainErrorMessage(e) };
    }
  }, [db, operatorId, id]);
  return result ?? { request: undefined, error: null };
}

/** Request actions as the current operator; emails go out the way settings say. */
export function useRequestActions() {
  const s = useDesk();
  const { db, operatorId } = s;
  const deskRegions = s.settings.regions;
  return {
    create: useCallback((input: unknown) => createRequest(db, operatorId, input), [db, operatorId]),
    resend: (id: string, format: EmailFormat) => resendActivation(s, id, format),
    validated: (id: string, date: string) => markValidated(db, operatorId, id, date),
    reject: (id: string, reason: string) => rejectRequest(s, id, reason),
    move: (id: string, change: { region: string; note: string; notifyTeam: string | null }) => changeRegion(s, id, change, deskRegions),
    approve: (id: string, account: unknown) => approveRequest(s, id, account),
    queueNotQueued: (id: string) => queueEmailsNotQueued(s, id),
    preview: (operator: Operator, csv: string) => previewRequestsCsv(db, operator, csv),
    commit: (rows: readonly RequestImportRow[]) => importRequests(db, operatorId, rows),
  };
}
export { useServicesDirectory } from '../../../entities/services/use-services-directory';
