import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDesk } from '../entities/desk/desk-context';
import { summarise } from './conflicts';
import { SyncEngine } from './engine';
import type { SyncControls } from './sync-context';
import type { ConflictSummary } from './types';

/** Runs team sync for this desk while the app is open, and gives screens its controls. */
export function useSyncEngine(): SyncControls {
  const { db, api, operatorId } = useDesk();
  // One engine per database and main; its PouchDB stays open while the app is (closing one of two
  // instances of a PouchDB closes the connection both share).
  const engine = useMemo(() => new SyncEngine({ db, api }), [db, api]);
  useEffect(() => {
    engine.start();
    return () => engine.stop();
  }, [engine]);
  const state = useStore(engine.store);
  const conflicts = useLiveQuery(
    async (): Promise<ConflictSummary[]> => {
      const rows = await db.syncConflicts.toArray();
      return Promise.all(
        rows.map(async (row) => summarise(row, ((await db.table(row.table).get(row.key)) ?? null) as Record<string, unknown> | null)),
      );
    },
    [db],
    [],
  );
  return useMemo<SyncControls>(() => {
    const need = (): SyncEngine => engine;
    return {
      state,
      conflicts,
      syncNow: () => need().cycle(),
      refresh: () => need().cycle(),
      loadConflict: (docId) => need().loadConflict(docId),
      resolve: (docId, resolution) => need().resolve({ db, operatorId }, docId, resolution),
      exportBatchFile: () => need().exportBatchFile(),
      importBatchFile: (content) => need().importBatchFile(content),
    };
  }, [engine, state, conflicts, db, operatorId]);
}
