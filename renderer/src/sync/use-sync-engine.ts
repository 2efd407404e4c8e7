import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDesk } from '../entities/desk/desk-context';
import { summarise } from './conflicts';
import { INITIAL_SYNC_STATE, SyncEngine } from './engine';
import type { SyncControls } from './sync-context';
import type { ConflictSummary } from './types';

const idle = createStore(() => INITIAL_SYNC_STATE);

/** Runs team sync for this desk while the app is open, and gives screens its controls. */
export function useSyncEngine(): SyncControls {
  const { db, api, operatorId } = useDesk();
  const [engine, setEngine] = useState<SyncEngine | null>(null);
  useEffect(() => {
    const started = new SyncEngine({ db, api });
    started.start();
    setEngine(started);
    return () => void started.stop();
  }, [db, api]);
  const state = useStore(engine?.store ?? idle);
  const conflicts = useLiveQuery(
    async (): Promise<ConflictSummary[]> => {
      const rows = await db.syncConflicts.toArray();
      return Promise.all(rows.map(async (row) => summarise(row, ((await db.table(row.table).get(row.key)) ?? null) as Record<string, unknown> | null)));
    },
    [db],
    [],
  );
  return useMemo<SyncControls>(() => {
    const need = () => {
      if (!engine) throw new Error('Team sync is starting: try again in a moment.');
      return engine;
    };
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
