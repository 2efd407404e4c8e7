import PouchDB, { type Database } from 'pouchdb-core';
import idb from 'pouchdb-adapter-idb';
import replication from 'pouchdb-replication';

PouchDB.plugin(idb).plugin(replication);

export type SyncPouch = Database;

/**
 * This desk's PouchDB: the replication engine (revision trees, the same winner on every desk,
 * conflicts kept, tombstones). One per team this desk belongs to. It keeps only the newest body of
 * each branch (auto compaction), so editing a record does not make the store grow without bound.
 * Dexie stays the store the app reads; this one only holds what sync needs.
 */
export function openPouch(teamId: string, deskId: string): SyncPouch {
  return new PouchDB(`dosdesk-sync-${teamId}-${deskId}`, { adapter: 'idb', auto_compaction: true, revs_limit: 100 });
}

export { PouchDB };
