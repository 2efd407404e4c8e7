import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../db/db-context';
import { useApi } from '../platform/api-context';
import { useSession } from '../session/store';
import { summarise } from './conflicts';
import { SyncEngine } from './engine';
import type { SyncControls } from './sync-context';
import type { ConflictSummary } from './types';

/** Runs team sync for this desk while the app is open, and gives screens its controls. */
export function useSyncEngine(): SyncControls {
  const db = useDb();
  const api = useApi();
  // Sync runs whoever is at the desk (records from other desks arrive before anyone signs in); a
  // conflict is resolved by the operator signed in.
  const operatorId = useSession((s) => s.currentOperatorId);
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
      resolve: (docId, resolution, seen) => need().resolve({ db, operatorId }, docId, resolution, seen),
      exportBatchFile: () => need().exportBatchFile(),
      importBatchFile: (content) => need().importBatchFile(content),
    };
  }, [engine, state, conflicts, db, operatorId]);
}
