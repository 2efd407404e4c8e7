/**
 * Team sync in the bench (issue 17, "Speed"): a fresh desk taking in size L from a team folder,
 * one change reaching another desk, search while a sync applies, and IndexedDB size with sync.
 *
 * The team folder is prepared in Node with main's own team folder service (create, then batches
 * and a snapshot written, sealed, signed and encrypted as a desk writes them). PBKDF2 runs with
 * 1,000 iterations instead of the app's 600,000 for every team here: the KDF runs once per join or
 * unlock and is not what is measured. The desks are preview hosts on their own data folders, each
 * in its own browser context; the engine runs in their pages from sync-page.ts (see there).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { startPreviewHost, type PreviewHost } from '../../electron/preview/host';
import { createTeamService, type TeamService } from '../../electron/main/services/team/team-service';
import { canonicalJson } from '../../shared/domain/sha256';
import { BATCH_MAX_DOCS, SHARED_TABLES, type SyncDoc, type SyncTable } from '../../shared/sync/doc';
import { childRev } from '../../shared/sync/revs';
import { INVOKE_PATH, TOKEN_HEADER } from '../../shared/ipc/transport';
import { BENCH_OPERATOR_ID, generate, type Size } from './generate';

export const PASSPHRASE = 'bench team passphrase';
/** PBKDF2 iterations for the bench's teams (the app uses 600,000; the KDF is not what is measured). */
export const KDF_ITERATIONS = 1_000;
/** How often main lists the team folder in the latency and search runs. */
export const POLL_MS = 2_000;
/** The engine's wait after a change before writing it out (EngineOptions.settleMs default). */
export const SETTLE_MS = 1_000;


/**
 * Every generated record at `size` as the SyncDocs a desk holding them would have made: revision 1
 * of each record (named by its content, as a desk's first push names them) and of each audit entry.
 */
export function syncDocs(size: Size, deskId: string): SyncDoc[] {
  const data = generate(size) as unknown as Record<string, Record<string, unknown>[]>;
  const docs: SyncDoc[] = [];
  for (const t of SHARED_TABLES)
    for (const v of data[t] ?? []) {
      const k = v.id as string;
      const { rev, revisions } = childRev(null, `seed\n${canonicalJson(v)}`);
      docs.push({ _id: `${t}:${k}`, _rev: rev, _revisions: revisions, t, k, v, desk: deskId, by: null });
    }
  for (const entry of data.audit ?? []) {
    const { rev, revisions } = childRev(null, `${deskId}\naudit\n${String(entry.id)}\n${String(entry.hash)}`);
    docs.push({
      _id: `audit:${deskId}:${String(entry.id)}`,
      _rev: rev,
      _revisions: revisions,
      t: 'audit',
      k: entry.id as number,
      v: entry,
      desk: deskId,
      by: { id: BENCH_OPERATOR_ID, name: 'Bench Lead' },
    });
  }
  return docs;
}

/** An edit of `doc` made on the writer desk: its child revision with `patch` applied. */
export function edited(doc: SyncDoc, patch: Record<string, unknown>, seed: string): SyncDoc {
  const v = { ...(doc.v as object), ...patch };
  const { rev, revisions } = childRev({ rev: doc._rev, ids: doc._revisions.ids }, `${doc.desk}\n${seed}\n${canonicalJson(v)}`);
  return { ...doc, _rev: rev, _revisions: revisions, v };
}

export interface Writer {
  service: TeamService;
  deskId: string;
  folder: string;
  close(): Promise<void>;
}

/** A new team folder and the desk that made it, run by main's team folder service in Node. */
export async function writerDesk(): Promise<Writer> {
  const folder = mkdtempSync(join(tmpdir(), 'dosdesk-bench-team-'));
  const service = createTeamService({
    dataDir: mkdtempSync(join(tmpdir(), 'dosdesk-bench-writer-')),
    secureStorage: null,
    kdfIterations: KDF_ITERATIONS,
    pollMs: 3_600_000,
    log: () => {},
  });
  await service.start();
  const status = await service.create({ folder, teamName: 'Bench team', deskName: 'Writer desk', passphrase: PASSPHRASE });
  if (status.state !== 'member') throw new Error('the bench team was not created');
  return { service, deskId: status.desk.id, folder, close: () => service.stop() };
}

/** Writes `docs` as one snapshot (parts of BATCH_MAX_DOCS), the path a new desk takes. */
export async function writeSnapshot(writer: Writer, docs: SyncDoc[]): Promise<number> {
  const id = crypto.randomUUID();
  const parts = Math.ceil(docs.length / BATCH_MAX_DOCS);
  for (let part = 1; part <= parts; part++)
    await writer.service.writeBatch({ docs: docs.slice((part - 1) * BATCH_MAX_DOCS, part * BATCH_MAX_DOCS), snapshot: { id, part, parts, covers: {} } });
  return parts;
}

export async function writeBatches(writer: Writer, docs: SyncDoc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH_MAX_DOCS) await writer.service.writeBatch({ docs: docs.slice(i, i + BATCH_MAX_DOCS) });
}

let bundle: Promise<string> | null = null;
/** sync-page.ts bundled for the browser (as the renderer is built: the @shared alias, production React). */
function pageBundle(root: string): Promise<string> {
  bundle ??= (async () => {
    const out = await build({
      configFile: false,
      logLevel: 'warn',
      resolve: { alias: { '@shared': join(root, 'shared') } },
      define: { 'process.env.NODE_ENV': '"production"', __BENCH_POUCH_ADAPTER__: JSON.stringify(process.env.BENCH_POUCH_ADAPTER ?? '') },
      build: {
        write: false,
        minify: true,
        emptyOutDir: false,
        lib: { entry: join(root, 'test/bench/sync-page.ts'), formats: ['iife'], name: 'syncBenchBundle', fileName: 'sync-bench' },
      },
    });
    const output = (Array.isArray(out) ? out[0] : out) as { output: { code?: string }[] };
    return output.output[0]!.code!;
  })();
  return bundle;
}

export interface SyncDesk {
  host: PreviewHost;
  page: Page;
  close(): Promise<void>;
}

/** A blank page on the desk's origin (answered by the browser itself): the desk's IndexedDB without the app. */
const BLANK_PATH = '/__bench/blank.html';
const BLANK_HTML = '<!doctype html><meta charset="utf-8"><title>DoS Desk bench</title>';

/** A desk: its own data folder, preview host (main's team service listing the folder every `pollMs`) and browser context. */
async function newDesk(browser: Browser, root: string, port: number, pollMs: number): Promise<SyncDesk> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dosdesk-bench-desk-'));
  const host = await startPreviewHost({
    port,
    dataDir,
    rendererRoot: join(root, 'out/renderer'),
    version: 'bench',
    team: { pollMs, kdfIterations: KDF_ITERATIONS },
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  // tsx keeps function names with a __name helper; give the page one so evaluated code runs.
  await page.addInitScript('window.__name = (f) => f;');
  const code = await pageBundle(root);
  await page.route('**/__bench/sync.js', (route) => route.fulfill({ contentType: 'text/javascript', body: code }));
  await page.route(`**${BLANK_PATH}`, (route) => route.fulfill({ contentType: 'text/html', body: BLANK_HTML }));
  return {
    host,
    page,
    close: async () => {
      await context.close();
      await host.close();
    },
  };
}

/**
 * A fresh desk for the bench's own engine (sync-page.ts): the app is never opened on it, so the
 * app's engine (useSyncEngine) never runs beside the one measured; the page is the blank page.
 */
async function blankDesk(browser: Browser, root: string, port: number, pollMs: number): Promise<SyncDesk> {
  const desk = await newDesk(browser, root, port, pollMs);
  await openBlank(desk);
  return desk;
}

/** (Re)opens the blank page, which ends whatever engine the page ran, and loads sync-page.ts into it. */
async function openBlank(desk: SyncDesk): Promise<void> {
  await desk.page.goto(`${desk.host.origin}${BLANK_PATH}`);
  await desk.page.addScriptTag({ url: '/__bench/sync.js' });
  await desk.page.waitForFunction(() => '__syncBench' in window);
}

/** A fresh desk with the app open (its own engine running as it does for a person), `records` put in first. */
async function appDesk(browser: Browser, root: string, port: number, pollMs: number, records: Record<string, unknown[]> = {}): Promise<SyncDesk> {
  const desk = await newDesk(browser, root, port, pollMs);
  await desk.page.goto(desk.host.url);
  await desk.page.waitForSelector('h1');
  await putRecords(desk.page, { operators: [generate('S').operators[0]!], ...records });
  await desk.page.reload();
  await desk.page.waitForSelector('h1', { timeout: 120_000 });
  return desk;
}

/** Puts records straight into the desk's IndexedDB and chooses the bench operator (the app, if open, must be started again to see them). */
export async function putRecords(page: Page, records: Record<string, unknown[]>): Promise<void> {
  await page.evaluate(
    async ({ records, operatorId }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('dos-desk');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction(['settingsCache', ...Object.keys(records)], 'readwrite');
        for (const [table, rows] of Object.entries(records)) for (const row of rows) tx.objectStore(table).put(row);
        tx.objectStore('settingsCache').put({ key: 'currentOperatorId', value: operatorId });
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    },
    { records, operatorId: BENCH_OPERATOR_ID },
  );
}

/** Calls main (the desk's preview host) from the page, with the page's token and origin, as the app does. */
async function invoke(page: Page, channel: string, args: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ channel, args, path, header }) => {
      const token = sessionStorage.getItem('dos-desk:preview-token') ?? '';
      const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', [header]: token }, body: JSON.stringify({ channel, args }) });
      const r = (await response.json()) as { ok: boolean; data?: unknown; error?: { message: string } };
      if (!r.ok) throw new Error(r.error?.message ?? 'refused');
      return r.data;
    },
    { channel, args, path: INVOKE_PATH, header: TOKEN_HEADER },
  );
}

/** Resolves (the page's Date.now()) once account `id` in the desk's IndexedDB has `phone`; read every 10 ms. */
function phoneSeen(page: Page, id: string, phone: string, timeoutMs: number): Promise<number> {
  return page.evaluate(
    async ({ id, phone, timeoutMs }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('dos-desk');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      try {
        const end = Date.now() + timeoutMs;
        while (Date.now() < end) {
          const row = await new Promise<{ phone?: string } | undefined>((ok, fail) => {
            const r = db.transaction('accounts').objectStore('accounts').get(id);
            r.onsuccess = () => ok(r.result as { phone?: string } | undefined);
            r.onerror = () => fail(r.error);
          });
          if (row?.phone === phone) return Date.now();
          await new Promise((ok) => setTimeout(ok, 10));
        }
        throw new Error(`account ${id} did not show ${phone} within ${timeoutMs} ms`);
      } finally {
        db.close();
      }
    },
    { id, phone, timeoutMs },
  );
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Calls one of sync-page.ts's functions in the (blank) page. */
export function inPage<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([name, args]) => (window as unknown as { __syncBench: Record<string, (...a: unknown[]) => unknown> }).__syncBench[name as string]!(...(args as unknown[])),
    [name, args] as const,
  ) as Promise<T>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

export interface Intake {
  desk: SyncDesk;
  writer: Writer;
  /** The newest revision of every record, as the writer holds them. */
  latest: Map<string, SyncDoc>;
  results: Record<string, number>;
}

/**
 * A fresh desk takes in `size` from the team folder: main lists, reads, verifies and decrypts the
 * snapshot's parts, the engine puts them into PouchDB (`bulkDocs`, `new_edits: false`) and applies
 * them to Dexie. Timed inside the page from the first cycle until it ends with Dexie holding every
 * record. Beside it, in the same page, before it: a raw Dexie bulkPut and a PouchDB replication of the
 * same records. The page is the blank one (no app), so the bench's engine is the only one on the desk.
 */
export async function measureIntake(browser: Browser, root: string, port: number, size: Size, log: (s: string) => void): Promise<Intake> {
  const writer = await writerDesk();
  const docs = syncDocs(size, writer.deskId);
  let t = Date.now();
  const parts = await writeSnapshot(writer, docs);
  log(`  team folder: ${docs.length} records in a snapshot of ${parts} parts, written in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  // Main lists the folder every POLL_MS (the search measurement needs it); nothing in this page listens.
  const desk = await blankDesk(browser, root, port, POLL_MS);
  const { page, host } = desk;
  const results: Record<string, number> = { syncIntakeRecords: docs.length };
  results.idbUsageEmptyMb = (await inPage<number>(page, 'usage')) / 1024 ** 2;
  for (let i = 0; i < docs.length; i += 5_000) await inPage(page, 'hold', docs.slice(i, i + 5_000));
  t = Date.now();
  const rawMs = await inPage<number>(page, 'rawBulkPut');
  log(`  raw bulkPut: ${rawMs.toFixed(0)} ms`);
  const pouch = await inPage<{ ms: number; docs: number }>(page, 'pouchReplicate');
  log(`  PouchDB replication: ${pouch.ms.toFixed(0)} ms (${pouch.docs} docs written)`);
  await inPage(page, 'drop');
  await inPage(page, 'open', host.token);
  t = Date.now();
  await inPage(page, 'call', host.token, 'team:join', { folder: writer.folder, deskName: 'New desk', passphrase: PASSPHRASE });
  results.syncJoinMs = Date.now() - t;
  const cycle = await inPage<{ ms: number; steps: Record<string, number>; phase: string; message: string | null }>(page, 'cycle');
  if (cycle.phase === 'error') throw new Error(`the intake cycle failed: ${cycle.message}`);
  const counts = await inPage<{ revs: number; teamAudit: number }>(page, 'counts');
  const audit = docs.filter((d) => d.t === 'audit').length;
  if (counts.revs < docs.length - audit || counts.teamAudit < audit)
    throw new Error(`after the intake Dexie holds ${counts.revs} records and ${counts.teamAudit} audit copies, not ${docs.length - audit} and ${audit}`);
  log(`  whole path: ${cycle.ms.toFixed(0)} ms (${JSON.stringify(Object.fromEntries(Object.entries(cycle.steps).map(([k, v]) => [k, Math.round(v)])))})`);
  Object.assign(results, {
    syncIntakeMs: cycle.ms,
    syncIntakePerSecond: docs.length / (cycle.ms / 1000),
    syncRawBulkPutPerSecond: docs.length / (rawMs / 1000),
    syncPouchReplicatePerSecond: docs.length / (pouch.ms / 1000),
    syncIntakeReadBatchMs: cycle.steps.readBatch!,
    syncIntakeBulkDocsMs: cycle.steps.bulkDocs!,
    syncIntakeChangesMs: cycle.steps.changes!,
    syncIntakeDexieMs: cycle.ms - cycle.steps.readBatch! - cycle.steps.bulkDocs! - cycle.steps.changes!,
  });
  results.idbUsageWithSyncMb = (await inPage<number>(page, 'usage')) / 1024 ** 2;
  return { desk, writer, latest: new Map(docs.map((d) => [d._id, d])), results };
}

/**
 * What searchAsYouType in run.ts measures, with each keystroke's time kept, so those made while a
 * sync applies can be told apart: up to `count` queries, stopping early once `until()` says so.
 */
async function typeQueries(page: Page, count: number, until: () => Promise<boolean>): Promise<void> {
  const search = page.locator('#account-search');
  const queries = ['priya shah 1', 'okoro 2', 'riverside', 'nhs.net', 'jones', 'aisha', 'kwame 4', 'valley gp', 'tom wilson', 'hannah 12'];
  for (let i = 0; i < count; i++) {
    const query = queries[i % queries.length]!;
    await search.fill('');
    await page.waitForTimeout(300);
    await search.focus();
    for (const ch of query) {
      await page.keyboard.type(ch);
      await page.waitForTimeout(120);
    }
    if (await until()) return;
  }
}

type Sample = { at: number; ms: number };
const samples = (page: Page) => page.evaluate(() => (window as unknown as { searchBench: Sample[] }).searchBench);

/** The app's Users in my region, each keystroke timed from its keydown to the new rows laid out (as run.ts's search). */
async function watchSearch(desk: SyncDesk): Promise<void> {
  const { page, host } = desk;
  await page.goto(host.url);
  await page.waitForSelector('h1', { timeout: 120_000 });
  await page.goto(`${host.origin}/#/accounts`);
  await page.reload();
  await page.waitForFunction(() => /of [\d,]+ accounts/.test(document.querySelector('[data-testid="account-count"]')?.textContent ?? ''), undefined, {
    timeout: 120_000,
  });
  await page.evaluate(() => {
    const w = window as unknown as { searchBench: Sample[] };
    w.searchBench = [];
    const count = document.querySelector('[data-testid="account-count"]')!;
    let t0 = 0;
    document.addEventListener('keydown', (e) => void (t0 = e.timeStamp), true);
    new MutationObserver(() => {
      if (!t0) return;
      const start = t0;
      t0 = 0;
      void document.querySelector('[aria-label="Accounts"]')?.getBoundingClientRect().height;
      w.searchBench.push({ at: start, ms: performance.now() - start });
    }).observe(count, { childList: true, characterData: true, subtree: true });
  });
}

/** A record first made on `deskId`, revision 1 named by its content (as syncDocs makes them). */
function firstDoc(t: SyncTable, v: Record<string, unknown>, deskId: string): SyncDoc {
  const { rev, revisions } = childRev(null, `seed\n${canonicalJson(v)}`);
  return { _id: `${t}:${String(v.id)}`, _rev: rev, _revisions: revisions, t, k: v.id as string, v, desk: deskId, by: null };
}

/**
 * Search-as-you-type in Users in my region with the APP's own engine: the desk that took in the
 * records (the bench's engine gone with its blank page), the app opened on it. First plainly, then
 * while another desk (the writer, in Node) writes 10,000 changes into the team folder (every
 * account edited, and as many new accounts, outside the operator's region so the match count moves
 * only with the keystrokes) and the app's engine picks them up (main's poll, `team:changed`) and
 * applies them. The window runs from the header first showing "Syncing…" after the writer began to
 * the changes all being in the desk's IndexedDB (read every 250 ms); only keystrokes made in it count.
 */
export async function measureSearchDuringSync(intake: Intake, log: (s: string) => void): Promise<Record<string, number>> {
  const { page } = intake.desk;
  await putRecords(page, {});
  await watchSearch(intake.desk);
  // The app's engine has run its first cycle on the desk.
  await page.waitForFunction(() => /^Synced/.test(document.querySelector('[data-testid="sync-status"]')?.textContent ?? ''), undefined, { timeout: 600_000 });
  await typeQueries(page, 10, async () => false);
  const plain = (await samples(page)).map((s) => s.ms);

  const accounts = [...intake.latest.values()].filter((d) => d.t === 'accounts');
  const edits = accounts.slice(0, 10_000).map((d, i) => edited(d, { phone: `07700 9${String(i).padStart(5, '0')}` }, 'search'));
  const base = accounts[0]!.v as Record<string, unknown>;
  const added = Array.from({ length: 10_000 - edits.length }, (_, i) =>
    firstDoc('accounts', { ...base, id: `sync-search-${i}`, fullName: `Sync Search ${i}`, email: `sync-search-${i}@nhs.net`, regions: ['North West'], serviceIds: [] }, intake.writer.deskId),
  );
  const changes = edits.flatMap((d, i) => (added[i] ? [d, added[i]] : [d]));
  for (const d of changes) intake.latest.set(d._id, d);
  const probes = changes.filter((_, i) => (i + 1) % BATCH_MAX_DOCS === 0 || i === changes.length - 1).map((d) => ({ id: d.k as string, phone: (d.v as { phone: string }).phone }));
  const total = accounts.length + added.length;
  await page.evaluate(
    ({ probes, total }) => {
      const w = window as unknown as { searchBench: Sample[]; syncWindow: { armed: number; start: number; end: number } };
      w.searchBench = [];
      w.syncWindow = { armed: performance.now(), start: 0, end: 0 };
      const status = document.querySelector('.app-header__sync')!;
      const seen = new MutationObserver(() => {
        if (status.textContent?.includes('Syncing')) {
          w.syncWindow.start = performance.now();
          seen.disconnect();
        }
      });
      seen.observe(status, { childList: true, characterData: true, subtree: true });
      const read = (db: IDBDatabase, f: (store: IDBObjectStore) => IDBRequest) =>
        new Promise<unknown>((ok, fail) => {
          const r = f(db.transaction('accounts').objectStore('accounts'));
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
      void (async () => {
        const db = await new Promise<IDBDatabase>((ok, fail) => {
          const r = indexedDB.open('dos-desk');
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
        for (;;) {
          await new Promise((ok) => setTimeout(ok, 250));
          if ((await read(db, (s) => s.count())) !== total) continue;
          const rows = await Promise.all(probes.map((p) => read(db, (s) => s.get(p.id)) as Promise<{ phone: string } | undefined>));
          if (rows.every((row, i) => row?.phone === probes[i]!.phone)) break;
        }
        w.syncWindow.end = performance.now();
        db.close();
      })();
    },
    { probes, total },
  );
  const ended = () => page.evaluate(() => (window as unknown as { syncWindow: { end: number } }).syncWindow.end > 0);
  const typing = typeQueries(page, 400, ended);
  const t = Date.now();
  await writeBatches(intake.writer, changes);
  log(`  writer desk: ${changes.length} changes written in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  await page.waitForFunction(() => (window as unknown as { syncWindow: { end: number } }).syncWindow.end > 0, undefined, { timeout: 600_000 });
  await typing;
  const sync = await page.evaluate(() => (window as unknown as { syncWindow: { armed: number; start: number; end: number } }).syncWindow);
  const start = sync.start || sync.armed;
  const during = (await samples(page)).filter((s) => s.at >= start && s.at <= sync.end).map((s) => s.ms);
  const wrong = await page.evaluate(
    async (expected) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('dos-desk');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const rows = await new Promise<{ id: string; phone: string }[]>((ok, fail) => {
        const r = db.transaction('accounts').objectStore('accounts').getAll();
        r.onsuccess = () => ok(r.result as { id: string; phone: string }[]);
        r.onerror = () => fail(r.error);
      });
      db.close();
      const byId = new Map(rows.map((r) => [r.id, r.phone]));
      return Object.entries(expected).filter(([id, phone]) => byId.get(id) !== phone).length;
    },
    Object.fromEntries(changes.map((d) => [d.k as string, (d.v as { phone: string }).phone])),
  );
  if (wrong) throw new Error(`${wrong} of the 10,000 changes did not reach the app's IndexedDB`);
  const ms = sync.end - start;
  log(
    `  plain search p95 ${percentile(plain, 95).toFixed(1)} ms (${plain.length}); while the app's engine applied 10,000 changes (${(ms / 1000).toFixed(1)} s${sync.start ? '' : ', "Syncing…" not seen: from the first write'}) p95 ${during.length ? percentile(during, 95).toFixed(1) : '–'} ms (${during.length})`,
  );
  return {
    syncSearchPlainSamples: plain.length,
    syncSearchPlainP50Ms: median(plain),
    syncSearchPlainP95Ms: percentile(plain, 95),
    syncSearchSamples: during.length,
    syncSearchP50Ms: during.length ? median(during) : NaN,
    syncSearchP95Ms: during.length ? percentile(during, 95) : NaN,
    syncSearchMaxMs: during.length ? Math.max(...during) : NaN,
    syncApply10kMs: ms,
  };
}

/**
 * The desk that took in the records, its IndexedDB use with sync (from the intake), then 1,000
 * records edited 10 times each on the writer desk, taken in after each round by the bench's engine
 * on the blank page: PouchDB's bodies (by-sequence rows) and the origin's IndexedDB use before and after.
 */
export async function measureSize(intake: Intake, log: (s: string) => void): Promise<Record<string, number>> {
  const { page, host } = intake.desk;
  await openBlank(intake.desk);
  await inPage(page, 'open', host.token);
  await inPage(page, 'cycle');
  const before = await inPage<{ bodies: number; docs: number }>(page, 'pouchStore');
  const usageBefore = await inPage<number>(page, 'usage');
  const ids = [...intake.latest.values()].filter((d) => d.t === 'services' || d.t === 'requests').slice(0, 1_000).map((d) => d._id);
  for (let round = 1; round <= 10; round++) {
    const changes = ids.map((id) => edited(intake.latest.get(id)!, { updatedAt: new Date(Date.UTC(2026, 11, round)).toISOString() }, `size-${round}`));
    for (const d of changes) intake.latest.set(d._id, d);
    await writeBatches(intake.writer, changes);
    const r = await inPage<{ phase: string; message: string | null }>(page, 'cycle');
    if (r.phase === 'error') throw new Error(`an edit round failed: ${r.message}`);
  }
  const after = await inPage<{ bodies: number; docs: number }>(page, 'pouchStore');
  const usageAfter = await inPage<number>(page, 'usage');
  log(`  PouchDB bodies ${before.bodies} → ${after.bodies} (${before.docs} → ${after.docs} documents); IndexedDB ${(usageBefore / 1024 ** 2).toFixed(0)} → ${(usageAfter / 1024 ** 2).toFixed(0)} MB`);
  return {
    syncPouchBodiesBefore: before.bodies,
    syncPouchBodiesAfterEdits: after.bodies,
    syncPouchDocs: after.docs,
    idbUsageBeforeEditsMb: usageBefore / 1024 ** 2,
    idbUsageAfterEditsMb: usageAfter / 1024 ** 2,
  };
}

/**
 * Two desks, each its own preview host (main listing the team folder every POLL_MS), data folder
 * and browser context, with the APP open on both (its own engines, nothing of the bench's). Desk A
 * made the team and holds one account, desk B joined. One field of that account (its phone) is
 * edited on its page on desk A and saved, 20 times, one at a time; each is timed from the click on
 * Save (its event time) until desk B's IndexedDB holds the new value.
 */
export async function measureLatency(browser: Browser, root: string, ports: [number, number], log: (s: string) => void): Promise<Record<string, number>> {
  // An account of the operator's region, with an id the account page's address takes (a UUID).
  const account = { ...generate('S').accounts.find((x) => x.regions.includes('London'))!, id: '6f1c2a4e-0b7d-4c3a-9e51-2d8f7a6b3c17', serviceIds: [] };
  const a = await appDesk(browser, root, ports[0], POLL_MS, { accounts: [account] });
  const b = await appDesk(browser, root, ports[1], POLL_MS);
  try {
    const folder = mkdtempSync(join(tmpdir(), 'dosdesk-bench-team-'));
    // Each app is started again once its desk is in the team, so its engine starts on the team.
    await invoke(a.page, 'team:create', { folder, teamName: 'Bench team', deskName: 'Desk A', passphrase: PASSPHRASE });
    await a.page.reload();
    await invoke(b.page, 'team:join', { folder, deskName: 'Desk B', passphrase: PASSPHRASE });
    await b.page.reload();
    // The account reaches B with A's first records (each desk shares what it holds when it joins).
    await phoneSeen(b.page, account.id, account.phone, 120_000);
    await a.page.goto(`${a.host.origin}/#/accounts/${account.id}`);
    const phone = a.page.getByLabel('Phone number (optional)');
    const save = a.page.getByRole('button', { name: 'Save', exact: true });
    await save.waitFor({ timeout: 60_000 });
    await a.page.evaluate(() => {
      const w = window as unknown as { savedAt: number };
      document.addEventListener('click', (e) => {
        if ((e.target as Element | null)?.closest('button')?.textContent?.trim() === 'Save') w.savedAt = performance.timeOrigin + e.timeStamp;
      }, true);
    });
    // The first cycles settle before the clock starts.
    await a.page.waitForTimeout(POLL_MS + SETTLE_MS);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const value = `020 7946 ${String(i).padStart(4, '0')}`;
      const seen = phoneSeen(b.page, account.id, value, 60_000);
      seen.catch(() => undefined); // awaited below; a failure before then is reported, not left unhandled
      await phone.fill(value);
      await save.click();
      await phoneSeen(a.page, account.id, value, 10_000);
      const made = await a.page.evaluate(() => (window as unknown as { savedAt: number }).savedAt);
      times.push((await seen) - made);
      // Changes come at no fixed point in main's polling.
      await a.page.waitForTimeout(300 + Math.random() * POLL_MS);
    }
    log(`  20 changes: ${times.map((t) => (t / 1000).toFixed(1)).join(' ')} s`);
    return { syncLatencyP50Ms: median(times), syncLatencyP95Ms: percentile(times, 95), syncLatencyMaxMs: Math.max(...times), syncLatencyBudgetMs: POLL_MS + SETTLE_MS + 1_000 };
  } finally {
    await a.close();
    await b.close();
  }
}
