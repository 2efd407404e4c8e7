/**
 * Bench-only code for the team sync measurements (issue 17), bundled by sync.ts and loaded into a
 * blank page of the preview host's origin (`/__bench/blank.html`, answered by the browser itself:
 * same origin as the app, so the same IndexedDB, but without the app, whose own engine would
 * otherwise run beside this one on the same desk). Nothing here is in the app's build: the app
 * itself gets no hook. It drives the same engine the app runs (renderer/src/sync/use-sync-engine.ts:
 * `new SyncEngine({ db, api })` on the desk's `DosDeskDb` and main's API, its PouchDB opened by
 * `openPouch`), with its PouchDB calls and main's batch reads timed, and holds the baselines the
 * engine is compared with (a raw Dexie bulkPut into a scratch database with the app's schema, and a
 * plain PouchDB-to-PouchDB replication with the same adapter).
 */
import Dexie from 'dexie';
import { createApi } from '@shared/ipc/api';
import { httpEvents } from '@shared/ipc/event-stream';
import type { SyncDoc } from '@shared/sync/doc';
import { SCHEMA_VERSIONS } from '../../renderer/src/db/schema';
import { DosDeskDb } from '../../renderer/src/db/database';
import { httpInvoke } from '../../renderer/src/platform/bridge';
import { SyncEngine } from '../../renderer/src/sync/engine';
import indexeddb from 'pouchdb-adapter-indexeddb';
import { openPouch, PouchDB, type SyncPouch } from '../../renderer/src/sync/pouch';

PouchDB.plugin(indexeddb);
declare const __BENCH_POUCH_ADAPTER__: string;
/** BENCH_POUCH_ADAPTER=indexeddb tries the engine with another adapter (a comparison; the app uses openPouch's). */
const ADAPTER = __BENCH_POUCH_ADAPTER__ || null;

type Docs = SyncDoc[];

/** Where an intake's time went (ms, summed over the cycle). */
interface Steps {
  readBatch: number;
  bulkDocs: number;
  changes: number;
}

const held: Docs = [];

/** Everything a bench page can call, as `window.__syncBench`. */
const bench = {
  /** Keeps records in the page for a baseline (sent in slices, before any clock starts). */
  hold(docs: Docs): number {
    for (const d of docs) held.push(d);
    return held.length;
  },
  drop(): void {
    held.length = 0;
  },

  /** The app's tables (same stores and indexes) in a scratch database: a raw Dexie bulkPut of the held records; ms. */
  async rawBulkPut(): Promise<number> {
    await Dexie.delete('bench-raw');
    const scratch = new Dexie('bench-raw');
    for (const { version, stores } of SCHEMA_VERSIONS) scratch.version(version).stores(stores);
    await scratch.open();
    const byTable = new Map<string, unknown[]>();
    for (const d of held) {
      const table = d.t === 'audit' ? 'teamAudit' : d.t;
      const value = d.t === 'audit' ? { ...(d.v as object), id: Number(d.k), desk: d.desk } : d.v;
      const rows = byTable.get(table) ?? [];
      rows.push(value);
      byTable.set(table, rows);
    }
    const t0 = performance.now();
    for (const [table, rows] of byTable) for (let i = 0; i < rows.length; i += 2000) await scratch.table(table).bulkPut(rows.slice(i, i + 2000));
    const ms = performance.now() - t0;
    scratch.close();
    await Dexie.delete('bench-raw');
    return ms;
  },

  /** PouchDB.replicate between two local PouchDBs (the engine's adapter and options) of the held records; ms of the replication alone. */
  async pouchReplicate(): Promise<{ ms: number; docs: number }> {
    const options = { adapter: ADAPTER ?? 'idb', auto_compaction: true, revs_limit: 100 };
    for (const name of ['bench-src', 'bench-dst']) await new PouchDB(name, options).destroy();
    const src = new PouchDB('bench-src', options);
    for (let i = 0; i < held.length; i += 2000) await src.bulkDocs(held.slice(i, i + 2000) as never, { new_edits: false });
    const dst = new PouchDB('bench-dst', options);
    const t0 = performance.now();
    // pouchdb-replication's static (not in the local typings of pouchdb-core).
    const replicate = (PouchDB as unknown as { replicate(a: SyncPouch, b: SyncPouch, o: object): Promise<{ docs_written: number }> }).replicate;
    const result = await replicate(src, dst, { batch_size: 2000 });
    const ms = performance.now() - t0;
    await src.destroy();
    await dst.destroy();
    return { ms, docs: result.docs_written };
  },

  engine: null as SyncEngine | null,
  db: null as DosDeskDb | null,
  steps: { readBatch: 0, bulkDocs: 0, changes: 0 } as Steps,

  /**
   * The engine as the app makes it (renderer/src/sync/use-sync-engine.ts: `new SyncEngine({ db, api })`
   * on the desk's database and main's API; its PouchDB from `openPouch`), with main's batch reads and
   * PouchDB's `bulkDocs` and `changes` timed. It is not started: only `cycle()` runs one, so nothing
   * else (main's `team:changed`, the interval) starts work while it is measured.
   */
  open(token: string): void {
    const invoke = httpInvoke(token);
    const api = createApi(invoke, httpEvents(token));
    const steps = bench.steps;
    const timed =
      <A extends unknown[], R>(key: keyof Steps, f: (...a: A) => Promise<R>) =>
      async (...a: A): Promise<R> => {
        const t = performance.now();
        try {
          return await f(...a);
        } finally {
          steps[key] += performance.now() - t;
        }
      };
    const timedApi = { ...api, readTeamBatch: timed('readBatch', api.readTeamBatch.bind(api)) };
    const open = (teamId: string, deskId: string): SyncPouch => {
      const pouch = ADAPTER ? new PouchDB(`dosdesk-sync-${teamId}-${deskId}`, { adapter: ADAPTER, auto_compaction: true, revs_limit: 100 }) : openPouch(teamId, deskId);
      pouch.bulkDocs = timed('bulkDocs', pouch.bulkDocs.bind(pouch) as never) as never;
      pouch.changes = timed('changes', pouch.changes.bind(pouch) as never) as never;
      return pouch;
    };
    bench.db = new DosDeskDb();
    bench.engine = new SyncEngine({ db: bench.db, api: timedApi, open });
  },

  async call(token: string, channel: string, args: unknown): Promise<unknown> {
    const r = (await httpInvoke(token)(channel as never, args as never)) as { ok: boolean; data?: unknown; error?: { message: string } };
    if (!r.ok) throw new Error(r.error?.message ?? 'refused');
    return r.data;
  },

  async cycle(): Promise<{ ms: number; steps: Steps; phase: string; message: string | null }> {
    bench.steps = Object.assign(bench.steps, { readBatch: 0, bulkDocs: 0, changes: 0 });
    const t0 = performance.now();
    await bench.engine!.cycle();
    const { phase, message } = bench.engine!.store.getState();
    return { ms: performance.now() - t0, steps: { ...bench.steps }, phase, message };
  },

  async counts(): Promise<{ revs: number; teamAudit: number; accounts: number }> {
    const db = bench.db!;
    return { revs: await db.syncRevs.count(), teamAudit: await db.teamAudit.count(), accounts: await db.accounts.count() };
  },

  /** How many bodies this desk's PouchDB keeps (one per leaf when compaction works), and its documents. */
  async pouchStore(): Promise<{ bodies: number; docs: number }> {
    const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.startsWith('_pouch_dosdesk-sync-'));
    if (!name) return { bodies: 0, docs: 0 };
    const idb = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const count = (store: string) =>
      new Promise<number>((ok, fail) => {
        const r = idb.transaction(store).objectStore(store).count();
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
    const result = { bodies: await count('by-sequence'), docs: await count('document-store') };
    idb.close();
    return result;
  },

  async usage(): Promise<number> {
    return (await navigator.storage.estimate()).usage ?? 0;
  },
};

(window as unknown as { __syncBench: typeof bench }).__syncBench = bench;
