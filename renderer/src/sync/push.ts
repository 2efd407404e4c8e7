import type { Table } from 'dexie';
import { canonicalJson } from '@shared/domain/sha256';
import { BATCH_MAX_DOCS, type SyncDoc, type SyncTable } from '@shared/sync/doc';
import { SHARED_TABLES } from '../db/change-log';
import type { DosDeskDb } from '../db/database';
import type { SyncRevRow } from '../db/sync-tables';
import type { SyncPouch } from './pouch';
import { childRev, contentDigest, revHash } from '@shared/sync/revs';
import { docId, readState, writeState } from './state';

/** What the engine works with: this desk's Dexie, its PouchDB, and its id in the team. */
export interface SyncCore {
  db: DosDeskDb;
  pouch: SyncPouch;
  deskId: string;
}

type By = { id: string; name: string } | null;
interface Made {
  docs: SyncDoc[];
  revs: SyncRevRow[];
  resolved: string[];
}
interface Edit {
  table: string;
  key: string;
  by: By;
}

const PAGE = 2000;
const SEED = 'seed';

function tableOf(db: DosDeskDb, name: string): Table<unknown, string> {
  return db.table(name) as Table<unknown, string>;
}

/**
 * The revision histories of `refs` (id and revision) and their bodies, from PouchDB. A revision
 * that is no longer a leaf has had its body compacted away and `bulkGet` calls it missing: its
 * history is then just itself, a stemmed path that PouchDB and CouchDB graft onto the tree by
 * generation and hash, and its body is unknown.
 */
async function histories(
  pouch: SyncPouch,
  refs: { id: string; rev: string }[],
): Promise<Map<string, { ids: string[]; body: unknown; deleted: boolean; known: boolean }>> {
  const found = new Map<string, { ids: string[]; body: unknown; deleted: boolean; known: boolean }>();
  for (const ref of refs) found.set(`${ref.id} ${ref.rev}`, { ids: [revHash(ref.rev)], body: undefined, deleted: false, known: false });
  if (!refs.length) return found;
  const { results } = await pouch.bulkGet({ docs: refs, revs: true });
  for (const result of results)
    for (const item of result.docs)
      if ('ok' in item) {
        const doc = item.ok as unknown as SyncDoc;
        found.set(`${doc._id} ${doc._rev}`, { ids: doc._revisions.ids, body: doc.v, deleted: Boolean(doc._deleted), known: true });
      }
  return found;
}

/**
 * Makes this desk's revisions for the records edited: each a child of the revision this desk last
 * had of it (its base), so an edit made on a revision another desk has since changed becomes a
 * sibling branch, a conflict every desk sees, never a lost update. Losing versions of a conflict
 * resolved here are closed with a tombstone on their own branch.
 */
async function makeDocs(
  core: SyncCore,
  edits: Edit[],
  seed: string,
): Promise<{ docs: SyncDoc[]; revs: { id: string; rev: string }[]; resolved: string[] }> {
  const { db, pouch, deskId } = core;
  const ids = edits.map((e) => docId(e.table, e.key));
  const byTable = new Map<string, string[]>();
  for (const e of edits) byTable.set(e.table, [...(byTable.get(e.table) ?? []), e.key]);
  const values = new Map<string, unknown>();
  const [bases, pending] = await db.transaction(
    'r',
    [db.syncRevs, db.syncPending, ...[...byTable.keys()].map((t) => tableOf(db, t))],
    async () => {
      for (const [table, keys] of byTable) {
        const rows = await tableOf(db, table).bulkGet(keys);
        keys.forEach((key, i) => rows[i] !== undefined && values.set(docId(table, key), rows[i]));
      }
      return Promise.all([db.syncRevs.bulkGet(ids), db.syncPending.bulkGet(ids)]);
    },
  );
  const refs = bases.flatMap((b) => (b ? [{ id: b.id, rev: b.rev }] : []));
  for (const p of pending) if (p) for (const rev of p.losers) refs.push({ id: p.id, rev });
  const known = await histories(pouch, refs);

  const docs: SyncDoc[] = [];
  const revs: SyncRevRow[] = [];
  const resolved: string[] = [];
  edits.forEach((edit, i) => {
    const id = ids[i]!;
    const base = bases[i];
    const parent = base ? known.get(`${id} ${base.rev}`) : undefined;
    const value = values.get(id);
    const losers = pending[i]?.losers ?? [];
    if (pending[i]) resolved.push(id);
    const common = { t: edit.table as SyncTable, k: edit.key, desk: deskId, by: edit.by };
    if (value === undefined && !parent) return; // never shared, and gone: nothing to tell the team
    // An edit that changed nothing (the same record written again) makes no revision, unless it resolves a conflict.
    const content = value === undefined ? 'deleted' : canonicalJson(value);
    const digest = contentDigest(value);
    const unchanged = parent?.known
      ? !parent.deleted && value !== undefined && content === canonicalJson(parent.body)
      : base?.sha === digest;
    if (parent && !losers.length && unchanged) return;
    // A record shared for the first time is named by its content alone: two desks that hold the same
    // record (restored from one backup) make the same first revision, not a conflict.
    const origin = seed === SEED ? SEED : `${deskId}\n${seed}`;
    const { rev, revisions } = childRev(parent && base ? { rev: base.rev, ids: parent.ids } : null, `${origin}\n${content}`);
    docs.push(
      value === undefined
        ? { _id: id, _rev: rev, _revisions: revisions, _deleted: true, ...common }
        : { _id: id, _rev: rev, _revisions: revisions, ...common, v: value },
    );
    revs.push({ id, rev, sha: digest });
    for (const loser of losers) {
      const branch = known.get(`${id} ${loser}`);
      if (!branch?.known || branch.deleted) continue; // no longer a live leaf: nothing to close
      const closed = childRev({ rev: loser, ids: branch.ids }, `${deskId}\n${seed}\nresolved`);
      docs.push({ _id: id, _rev: closed.rev, _revisions: closed.revisions, _deleted: true, ...common });
    }
  });
  return { docs, revs, resolved };
}

/**
 * Keeps this desk's new revisions: first in Dexie, with the positions they stand for and as waiting
 * to go out (one transaction, so a crash leaves all of it or none), then in PouchDB as they are
 * (`new_edits: false`, as replication does). A crash between the two is caught up by `catchUp()` at
 * the next push, with the very same revisions, so nothing is lost and no revision is made twice.
 */
async function commit(core: SyncCore, made: Made, after: () => Promise<void>): Promise<void> {
  const { db } = core;
  const rows: number[] = [];
  await db.transaction('rw', [db.syncRevs, db.syncState, db.syncOutgoing, db.syncPending], async () => {
    await db.syncRevs.bulkPut(made.revs);
    await db.syncPending.bulkDelete(made.resolved);
    for (let i = 0; i < made.docs.length; i += BATCH_MAX_DOCS)
      rows.push(await db.syncOutgoing.add({ docs: made.docs.slice(i, i + BATCH_MAX_DOCS), inPouch: false }));
    await after();
  });
  await intoPouch(core, rows);
}

async function intoPouch(core: SyncCore, rows: number[]): Promise<void> {
  const { db, pouch } = core;
  for (const n of rows) {
    const row = await db.syncOutgoing.get(n);
    if (!row || row.inPouch) continue;
    const results = await pouch.bulkDocs(row.docs as never, { new_edits: false });
    const failed = results.find((r) => 'error' in r && r.error);
    if (failed)
      throw new Error(`Team sync could not keep a change (${String((failed as { message?: string }).message ?? 'unknown error')}).`);
    await db.syncOutgoing.update(n, { inPouch: true });
  }
}

/** Revisions kept in Dexie that a crash stopped from reaching PouchDB go there now. */
async function catchUp(core: SyncCore): Promise<void> {
  const pending = await core.db.syncOutgoing.filter((row) => row.inPouch === false).primaryKeys();
  await intoPouch(core, pending);
}

/**
 * Records that were on this desk before it joined a team (the change log does not go back that
 * far) become its first revisions, so nothing is lost when a desk that has data joins.
 */
async function seedExisting(core: SyncCore): Promise<number> {
  const { db } = core;
  let made = 0;
  for (const table of SHARED_TABLES) {
    const keys = (await tableOf(db, table).toCollection().primaryKeys()) as string[];
    for (let i = 0; i < keys.length; i += PAGE) {
      const page = keys.slice(i, i + PAGE);
      const have = await db.syncRevs.bulkGet(page.map((k) => docId(table, k)));
      const edits = page.filter((_, j) => !have[j]).map((key) => ({ table, key, by: null }));
      if (!edits.length) continue;
      const docs = await makeDocs(core, edits, SEED);
      await commit(core, docs, async () => {});
      made += docs.docs.length;
    }
  }
  // The change log is not moved past: its rows for records just shared find nothing new to send,
  // and a deletion it holds (of a record shared before) still goes out.
  await writeState(db, 'seeded', true);
  return made;
}

/** This desk's own audit entries, each once, as documents that are never edited (a second version is tampering). */
async function pushAudit(core: SyncCore): Promise<number> {
  const { db, deskId } = core;
  let made = 0;
  const names = new Map((await db.operators.toArray()).map((o) => [o.id, o.fullName]));
  for (;;) {
    const after = await readState(db, 'auditPushedId');
    const entries = await db.audit.where(':id').above(after).limit(PAGE).toArray();
    if (!entries.length) return made;
    const docs: SyncDoc[] = entries.map((entry) => {
      const { rev, revisions } = childRev(null, `${deskId}\naudit\n${entry.id}\n${entry.hash ?? canonicalJson(entry)}`);
      const name = names.get(entry.operatorId);
      return {
        _id: `audit:${deskId}:${entry.id}`,
        _rev: rev,
        _revisions: revisions,
        t: 'audit',
        k: entry.id!,
        v: entry,
        desk: deskId,
        by: name ? { id: entry.operatorId, name } : null,
      };
    });
    const last = entries.at(-1)!.id!;
    await commit(core, { docs, revs: [], resolved: [] }, () => writeState(db, 'auditPushedId', last));
    made += docs.length;
  }
}

/**
 * Takes every change this desk has made since the last push from the change log into PouchDB
 * (and the queue for the team folder). A crash part-way is caught up on the next push: the
 * positions move only with what was kept, and the same change makes the same revision again.
 */
export async function pushLocal(core: SyncCore): Promise<number> {
  const { db } = core;
  await catchUp(core);
  let made = (await readState(db, 'seeded')) ? 0 : await seedExisting(core);
  for (;;) {
    const pushedSeq = await readState(db, 'pushedSeq');
    const rows = await db.changes.where('seq').above(pushedSeq).limit(PAGE).toArray();
    if (!rows.length) break;
    const last = rows.at(-1)!.seq!;
    const edits = new Map<string, Edit>();
    for (const row of rows) for (const key of row.keys) edits.set(docId(row.table, key), { table: row.table, key, by: row.by ?? null });
    const docs = await makeDocs(core, [...edits.values()], String(last));
    await commit(core, docs, () => writeState(db, 'pushedSeq', last));
    made += docs.docs.length;
  }
  return made + (await pushAudit(core));
}
