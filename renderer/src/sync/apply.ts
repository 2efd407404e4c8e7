import Dexie, { type Table } from 'dexie';
import type { Change as PouchChange } from 'pouchdb-core';
import type { SyncDoc } from '@shared/sync/doc';
import type { AuditEntry } from '@shared/models/audit';
import { markTransaction, SHARED_TABLES } from '../db/change-log';
import type { TeamAuditRow } from '../db/sync-tables';
import type { SyncCore } from './push';
import { readState, splitDocId, writeState } from './state';

const PAGE = 1000;
const SHARED = new Set<string>(SHARED_TABLES);

type Change = PouchChange;

/**
 * Applies what PouchDB holds to Dexie, the store the app reads: for each record changed in PouchDB
 * since the last apply, its winning version (the same on every desk; chosen by revision, never by
 * clock), and whether it is in conflict. Marked as sync's own writes, so they are not noted in the
 * change log and never sent back out. A record this desk has edited and not yet pushed is left as
 * it is: its push makes a sibling revision, and the next apply shows the conflict.
 */
export async function applyIncoming(core: SyncCore): Promise<number> {
  let applied = 0;
  for (;;) {
    const since = await readState(core.db, 'appliedSeq');
    const feed = await core.pouch.changes({ since, limit: PAGE, include_docs: true, conflicts: true });
    if (!feed.results.length) return applied;
    applied += await applyPage(core, feed.results, feed.last_seq);
  }
}

async function applyPage(core: SyncCore, results: Change[], lastSeq: number | string): Promise<number> {
  const { db, deskId } = core;
  const records = results.filter((r) => SHARED.has(splitDocId(r.id).table));
  const audits = results.filter((r) => splitDocId(r.id).table === 'audit');
  const tables = [...new Set(records.map((r) => splitDocId(r.id).table))].map((t) => db.table(t) as Table<unknown, string>);
  let applied = 0;
  await db.transaction('rw', [...tables, db.syncRevs, db.syncConflicts, db.syncState, db.changes, db.teamAudit], async () => {
    markTransaction(Dexie.currentTransaction, { fromSync: true });
    const pushedSeq = await readState(db, 'pushedSeq');
    const unpushed = new Set<string>();
    await db.changes
      .where('seq')
      .above(pushedSeq)
      .each((row) => row.keys.forEach((key) => unpushed.add(`${row.table}:${key}`)));
    const ids = records.map((r) => r.id);
    const have = await db.syncRevs.bulkGet(ids);
    const puts = new Map<string, { ids: string[]; values: unknown[]; revs: string[] }>();
    const deletes = new Map<string, { keys: string[]; revs: string[] }>();
    const conflictsPut = [];
    const conflictsGone: string[] = [];
    for (const [i, change] of records.entries()) {
      if (unpushed.has(change.id)) continue;
      const doc = change.doc as unknown as SyncDoc & { _conflicts?: string[] };
      const { table, key } = splitDocId(change.id);
      if (doc._conflicts?.length) conflictsPut.push({ id: change.id, table, key, revs: [doc._rev, ...doc._conflicts] });
      else conflictsGone.push(change.id);
      if (have[i]?.rev === doc._rev) continue;
      if (doc._deleted) {
        const d = deletes.get(table) ?? { keys: [], revs: [] };
        d.keys.push(key);
        d.revs.push(doc._rev);
        deletes.set(table, d);
      } else {
        const p = puts.get(table) ?? { ids: [], values: [], revs: [] };
        p.ids.push(change.id);
        p.values.push(doc.v);
        p.revs.push(doc._rev);
        puts.set(table, p);
      }
    }
    const held = { ...(await readState(db, 'held')) };
    const revs: { id: string; rev: string }[] = [];
    for (const [table, d] of deletes) {
      await db.table(table).bulkDelete(d.keys);
      d.keys.forEach((key, i) => {
        revs.push({ id: `${table}:${key}`, rev: d.revs[i]! });
        delete held[`${table}:${key}`];
      });
      applied += d.keys.length;
    }
    for (const [table, p] of puts) {
      let failed = new Set<number>();
      try {
        await db.table(table).bulkPut(p.values);
      } catch (error) {
        // A record that cannot be kept here (another record holds the same email or ODS code) is
        // held back and reported; the rest of the page is applied.
        if (!(error instanceof Dexie.BulkError)) throw error;
        failed = new Set(Object.keys(error.failuresByPos).map(Number));
        for (const [pos, reason] of Object.entries(error.failuresByPos))
          held[p.ids[Number(pos)]!] =
            reason.name === 'ConstraintError' ? 'Another record here has the same email or ODS code.' : reason.message;
      }
      p.ids.forEach((id, i) => {
        if (failed.has(i)) return;
        revs.push({ id, rev: p.revs[i]! });
        delete held[id];
      });
      applied += p.ids.length - failed.size;
    }
    await db.syncRevs.bulkPut(revs);
    await db.syncConflicts.bulkPut(conflictsPut);
    await db.syncConflicts.bulkDelete(conflictsGone);
    await writeState(db, 'held', held);

    // Other desks' audit entries: read-only copies. A second version of an entry is tampering.
    const tampered = new Set(await readState(db, 'tampered'));
    const copies: TeamAuditRow[] = [];
    for (const change of audits) {
      const doc = change.doc as unknown as SyncDoc & { _conflicts?: string[] };
      // A second version, a deletion, or an entry filed under another desk's name: none is ever made honestly.
      if (doc._conflicts?.length || doc._deleted || !change.id.startsWith(`audit:${doc.desk}:`)) tampered.add(change.id);
      if (doc.desk === deskId || doc._deleted || !doc.v || !change.id.startsWith(`audit:${doc.desk}:`)) continue;
      const entry = doc.v as AuditEntry;
      copies.push({ ...entry, id: Number(doc.k), desk: doc.desk, ...(doc._conflicts?.length ? { tampered: true } : {}) });
    }
    await db.teamAudit.bulkPut(copies);
    await writeState(db, 'tampered', [...tampered]);
    await writeState(db, 'appliedSeq', lastSeq);
  });
  return applied;
}
