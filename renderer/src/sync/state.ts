import type { DosDeskDb } from '../db/database';

/** The sync engine's positions, kept in Dexie's `syncState` so each is read in the transaction that relies on it. */
export interface EngineState {
  /** The team and desk (`<team id>/<desk id>`) whose PouchDB the positions below refer to. */
  team: string | null;
  /** The change log has been taken up to this seq. */
  pushedSeq: number;
  /** The change log's changes up to this seq are in the team folder (for "N changes waiting"). */
  exportedSeq: number;
  /** This desk's audit entries up to this id are in PouchDB. */
  auditPushedId: number;
  /** The records that were here before this desk joined have been taken into PouchDB. */
  seeded: boolean;
  /** PouchDB's changes are applied to Dexie up to this update sequence. */
  appliedSeq: number | string;
  /** Records another desk sent that could not be taken in here, and why; tried again each cycle. */
  held: Record<string, string>;
  /** Records an apply passed over because this desk had edited them and not yet pushed; applied after the push. */
  deferred: string[];
  /** Audit entries that arrived with a second version (tampering), by document id. */
  tampered: string[];
  /** When a cycle last finished with the team folder reachable (this desk's clock, shown only). */
  lastSyncedAt: string | null;
}

export const INITIAL_STATE: EngineState = {
  team: null,
  pushedSeq: 0,
  exportedSeq: 0,
  auditPushedId: 0,
  seeded: false,
  appliedSeq: 0,
  held: {},
  deferred: [],
  tampered: [],
  lastSyncedAt: null,
};

export async function readState<K extends keyof EngineState>(db: DosDeskDb, key: K): Promise<EngineState[K]> {
  const row = await db.syncState.get(key);
  return row ? (row.value as EngineState[K]) : INITIAL_STATE[key];
}

export async function writeState<K extends keyof EngineState>(db: DosDeskDb, key: K, value: EngineState[K]): Promise<void> {
  await db.syncState.put({ key, value });
}

/** `<table>:<key>`: the document id of a shared record. */
export function docId(table: string, key: string | number): string {
  return `${table}:${key}`;
}

export function splitDocId(id: string): { table: string; key: string } {
  const at = id.indexOf(':');
  return { table: id.slice(0, at), key: id.slice(at + 1) };
}
