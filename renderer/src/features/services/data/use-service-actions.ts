import { useCallback } from 'react';
import { closeService, reopenService, setCapacity, suspendService } from './service-status';
import { createService, importServices, previewServicesCsv, updateService, type ImportRow } from './services';
import { useDesk } from '../../../entities/desk/desk-context';

/** Services writes as the current operator. */
export function useServiceActions(regions: readonly string[]) {
  const { db, operatorId } = useDesk();
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
