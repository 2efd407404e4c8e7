import { useCallback } from 'react';
import { useDb } from '../../../db/db-context';
import { useSession } from '../../../session/store';
import { closeService, reopenService, setCapacity, suspendService } from './service-status';
import { createService, importServices, previewServicesCsv, updateService, type ImportRow } from './services';

/** Services writes as the current operator. */
export function useServiceActions(regions: readonly string[]) {
  const db = useDb();
  const operatorId = useSession((s) => s.currentOperatorId);
  return {
    create: useCallback((input: unknown) => createService(db, operatorId, input, regions), [db, operatorId, regions]),
    update: useCallback((id: string, input: unknown) => updateService(db, operatorId, id, input, regions), [db, operatorId, regions]),
    preview: useCallback((csv: string) => previewServicesCsv(db, csv, regions), [db, regions]),
    commit: useCallback((rows: readonly ImportRow[]) => importServices(db, operatorId, rows), [db, operatorId]),
    suspend: (id: string, input: unknown) => suspendService(db, operatorId, id, input),
    reopen: (id: string, input: unknown) => reopenService(db, operatorId, id, input),
    close: (id: string, input: unknown) => closeService(db, operatorId, id, input),
    capacity: (id: string, input: unknown) => setCapacity(db, operatorId, id, input),
  };
}
