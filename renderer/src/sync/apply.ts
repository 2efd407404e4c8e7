import Dexie, { type Table } from 'dexie';
import type { Change as PouchChange, Doc } from 'pouchdb-core';
import { hashEntry } from '@shared/domain/audit-chain';
import type { SyncDoc } from '@shared/sync/doc';
import type { AuditEntry } from '@shared/models/audit';
import { isSharedTable, markTransaction } from '../db/change-log';
import type { SyncRevRow, TeamAuditRow } from '../db/sync-tables';
import type { SyncCore } from './push';
import { yieldToPage } from './folder';
import { childRev, contentDigest } from '@shared/sync/revs';
import { docId, readState, splitDocId, writeState } from './state';

/** Records applied to Dexie per transaction: small enough that the page stays responsive between them. */
const PAGE = 250;

type Change = Pick<PouchChange, 'id' | 'doc'>;
type Incoming = SyncDoc & { _conflicts?: string[] };

/**
 * Applies what PouchDB holds to Dexie, the store the app reads: for each record changed in PouchDB
 * since the last apply, its winning version (the same on every desk; chosen by revision, never by
 * clock), and whether it is in conflict. Marked as sync's own writes, so they are not noted in the
 * change log and never sent back out. A record this desk has edited and not yet pushed is left as
 * it is and looked at again after its push; a record held back (its email or ODS code is taken
 * here) is tried again every time.
 */
export async function applyIncoming(core: SyncCore): Promise<number> {
  const { db } = core;
  let applied = 0;
  const again = [...new Set([...(await readState(db, 'deferred')), ...Object.keys(await readState(db, 'held'))])];
  if (again.length) applied += await applyPage(core, await winners(core, again), null);
  for (;;) {
    const since = await readState(db, 'appliedSeq');
    const feed = await core.pouch.changes({ since, limit: PAGE, include_docs: true, conflicts: true });
    if (!feed.results.length) return applied;
    applied += await applyPage(core, feed.results, feed.last_seq);
    await yieldToPage();
  }
}

/** The winning versions of `ids` now, as the changes feed gives them (a deletion as a tombstone). */
async function winners(core: SyncCore, ids: string[]): Promise<Change[]> {
  const { rows } = await core.pouch.allDocs({ keys: ids, include_docs: true, conflicts: true });
  return rows.flatMap((row) =>
    row.value ? [{ id: row.key, doc: (row.doc ?? { _id: row.key, _rev: row.value.rev, _deleted: true }) as Doc }] : [],
  );
}

/** An audit document as its desk made it: made once, never edited, its entry's hash intact. */
function honestAudit(id: string, doc: Incoming): boolean {
  const entry = doc.v as AuditEntry | undefined;
  if (doc._deleted || doc._conflicts?.length || !entry || id !== `audit:${doc.desk}:${doc.k}` || entry.id !== Number(doc.k)) return false;
  if (!entry.hash || entry.hash !== hashEntry(entry, entry.prevHash ?? '')) return false;
  return doc._rev === childRev(null, `${doc.desk}\naudit\n${doc.k}\n${entry.hash}`).rev;
}

async function applyPage(core: SyncCore, results: Change[], lastSeq: number | string | null): Promise<number> {
  const { db, deskId } = core;
  const records = results.filter((r) => isSharedTable(splitDocId(r.id).table));
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
      .each((row) => row.keys.forEach((key) => unpushed.add(docId(row.table, key))));
    const deferred = new Set(await readState(db, 'deferred'));
    const held = { ...(await readState(db, 'held')) };
    const ids = records.map((r) => r.id);
    const have = await db.syncRevs.bulkGet(ids);
    // Only records listed as in conflict can stop being so (most never were: no delete for each).
    const listed = new Set(ids.length ? await db.syncConflicts.where(':id').anyOf(ids).primaryKeys() : []);
    const puts = new Map<string, { ids: string[]; values: unknown[]; revs: string[] }>();
    const deletes = new Map<string, { keys: string[]; revs: string[] }>();
    const conflictsPut = [];
    const conflictsGone: string[] = [];
    for (const [i, change] of records.entries()) {
      deferred.delete(change.id);
      if (unpushed.has(change.id)) {
        deferred.add(change.id);
        continue;
      }
      const doc = change.doc as unknown as Incoming;
      const { table, key } = splitDocId(change.id);
      // A record must be filed under its own id: one that is not would overwrite another record.
      if (!doc._deleted && (doc.t !== table || String((doc.v as { id?: unknown } | undefined)?.id) !== key)) {
        held[change.id] = 'It does not match its own id, so it was not taken in.';
        continue;
      }
      if (doc._conflicts?.length) conflictsPut.push({ id: change.id, table, key, revs: [doc._rev, ...doc._conflicts] });
      else if (listed.has(change.id)) conflictsGone.push(change.id);
      if (have[i]?.rev === doc._rev && !held[change.id]) continue;
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
    const revs: SyncRevRow[] = [];
    // Deletions first: a record that frees an email or ODS code goes before one that takes it.
    for (const [table, d] of deletes) {
      await db.table(table).bulkDelete(d.keys);
      d.keys.forEach((key, i) => {
        revs.push({ id: docId(table, key), rev: d.revs[i]!, sha: contentDigest(undefined) });
        delete held[docId(table, key)];
      });
      applied += d.keys.length;
    }
    for (const [table, p] of puts) {
      let failed = new Set<number>();
      try {
        await db.table(table).bulkPut(p.values);
      } catch (error) {
        // A record that cannot be kept here (another record holds the same email or ODS code) is
        // held back, reported, and tried again each cycle; the rest of the page is applied.
        if (!(error instanceof Dexie.BulkError)) throw error;
        failed = new Set(Object.keys(error.failuresByPos).map(Number));
        for (const [pos, reason] of Object.entries(error.failuresByPos))
          held[p.ids[Number(pos)]!] =
            reason.name === 'ConstraintError'
              ? 'Another record here has the same email or ODS code: change or remove one of them.'
              : reason.message;
      }
      p.ids.forEach((id, i) => {
        if (failed.has(i)) return;
        revs.push({ id, rev: p.revs[i]!, sha: contentDigest(p.values[i]) });
        delete held[id];
      });
      applied += p.ids.length - failed.size;
    }
    await db.syncRevs.bulkPut(revs);
    await db.syncConflicts.bulkPut(conflictsPut);
    await db.syncConflicts.bulkDelete(conflictsGone);
    await writeState(db, 'held', held);
    await writeState(db, 'deferred', [...deferred]);

    // Other desks' audit entries: read-only copies, each added once. An entry that was edited,
    // deleted, filed under another desk's name, or whose hash does not hold is tampering.
    const tampered = new Set(await readState(db, 'tampered'));
    const copies = audits.filter((c) => {
      const doc = c.doc as unknown as Incoming;
      return doc.desk !== deskId && c.id.startsWith(`audit:${doc.desk}:`);
    });
    const copiesHere = await db.teamAudit.bulkGet(
      copies.map((c) => [(c.doc as unknown as Incoming).desk, Number((c.doc as unknown as Incoming).k)] as [string, number]),
    );
    const existingCopy = new Map(copies.map((c, i) => [c.id, copiesHere[i]]));
    const added: TeamAuditRow[] = [];
    for (const change of audits) {
      const doc = change.doc as unknown as Incoming;
      const honest = honestAudit(change.id, doc);
      if (!honest) tampered.add(change.id);
      if (doc.desk === deskId || !change.id.startsWith(`audit:${doc.desk}:`)) continue;
      const id = Number(doc.k);
      const existing = existingCopy.get(change.id);
      if (existing) {
        if (!honest || existing.hash !== (doc.v as AuditEntry | undefined)?.hash) {
          tampered.add(change.id);
          if (!existing.tampered) await db.teamAudit.put({ ...existing, tampered: true });
        }
      } else if (doc.v && !doc._deleted) {
        added.push({ ...(doc.v as AuditEntry), id, desk: doc.desk, ...(honest ? {} : { tampered: true }) });
      }
    }
    await db.teamAudit.bulkPut(added);
    await writeState(db, 'tampered', [...tampered]);
    if (lastSeq !== null) await writeState(db, 'appliedSeq', lastSeq);
  });
  return applied;
}
