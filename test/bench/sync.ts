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
import { canonicalJson, sha256Hex } from '../../shared/domain/sha256';
import { BATCH_MAX_DOCS, type SyncDoc, type SyncTable } from '../../shared/sync/doc';
import { BENCH_OPERATOR_ID, generate, type Size } from './generate';

export const PASSPHRASE = 'bench team passphrase';
/** PBKDF2 iterations for the bench's teams (the app uses 600,000; the KDF is not what is measured). */
export const KDF_ITERATIONS = 1_000;
/** How often main lists the team folder in the latency and search runs. */
export const POLL_MS = 2_000;
/** The engine's wait after a change before writing it out (EngineOptions.settleMs default). */
export const SETTLE_MS = 1_000;

const SHARED: SyncTable[] = [
  'operators',
  'services',
  'accounts',
  'requests',
  'temporaryAccounts',
  'emergencyChanges',
  'ccOrganisations',
  'ccRequests',
  'ccLicences',
  'capacityReports',
  'pharmacyProfiles',
  'pharmacyChanges',
];

/** As renderer/src/sync/revs.ts childRev: the revision ids the engine itself makes. */
function childRev(parent: { rev: string; ids: string[] } | null, seed: string) {
  const hash = sha256Hex(`${parent?.rev ?? ''}\n${seed}`).slice(0, 32);
  const start = (parent ? Number(parent.rev.slice(0, parent.rev.indexOf('-'))) : 0) + 1;
  return { rev: `${start}-${hash}`, revisions: { start, ids: [hash, ...(parent?.ids ?? [])].slice(0, 100) } };
}

/**
 * Every generated record at `size` as the SyncDocs a desk holding them would have made: revision 1
 * of each record (named by its content, as a desk's first push names them) and of each audit entry.
 */
export function syncDocs(size: Size, deskId: string): SyncDoc[] {
  const data = generate(size) as unknown as Record<string, Record<string, unknown>[]>;
  const docs: SyncDoc[] = [];
  for (const t of SHARED)
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

/**
 * A fresh desk: its own data folder, preview host (main's team service polling every `pollMs`) and
 * browser context, the app opened with the bench's operator chosen, and sync-page.ts loaded
 * (served at /__bench/sync.js by the browser itself, so the page's CSP stays as built).
 */
export async function syncDesk(browser: Browser, root: string, port: number, pollMs: number): Promise<SyncDesk> {
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
  await page.addInitScript('window.__name = (f) => f;');
  const code = await pageBundle(root);
  await page.route('**/__bench/sync.js', (route) => route.fulfill({ contentType: 'text/javascript', body: code }));
  await page.goto(host.url);
  await page.waitForSelector('h1');
  await chooseOperator(page);
  return {
    host,
    page,
    close: async () => {
      await context.close();
      await host.close();
    },
  };
}

/** Puts the bench operator in and chooses it (as run.ts's load does), then starts the app again on it. */
export async function chooseOperator(page: Page): Promise<void> {
  const operator = generate('S').operators[0]!;
  await page.evaluate(async (operator) => {
    const db = await new Promise<IDBDatabase>((ok) => {
      const r = indexedDB.open('dos-desk');
      r.onsuccess = () => ok(r.result);
    });
    await new Promise<void>((ok) => {
      const tx = db.transaction(['settingsCache', 'operators'], 'readwrite');
      tx.objectStore('operators').put(operator);
      tx.objectStore('settingsCache').put({ key: 'currentOperatorId', value: operator.id });
      tx.oncomplete = () => ok();
    });
    db.close();
  }, operator);
  await page.reload();
  await page.waitForSelector('h1', { timeout: 120_000 });
  await loadBench(page);
}

/** Loads sync-page.ts into the page (after each navigation). */
export async function loadBench(page: Page): Promise<void> {
  await page.addScriptTag({ url: '/__bench/sync.js' });
  await page.waitForFunction(() => 'syncBench' in window || '__syncBench' in window);
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Calls one of sync-page.ts's functions in the page. */
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
 * record. Beside it, in the same page, before it: a raw Dexie bulkPut and a PouchDB replication of the same records.
 */
export async function measureIntake(browser: Browser, root: string, port: number, size: Size, log: (s: string) => void): Promise<Intake> {
  const writer = await writerDesk();
  const docs = syncDocs(size, writer.deskId);
  let t = Date.now();
  const parts = await writeSnapshot(writer, docs);
  log(`  team folder: ${docs.length} records in a snapshot of ${parts} parts, written in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const desk = await syncDesk(browser, root, port, 60_000);
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
  await inPage(page, 'open', host.token, false);
  t = Date.now();
  await inPage(page, 'call', 'team:join', { folder: writer.folder, deskName: 'New desk', passphrase: PASSPHRASE });
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

/** What searchAsYouType in run.ts measures, with each keystroke's time kept, so those made while a sync applies can be told apart. */
async function typeQueries(page: Page, until: () => Promise<boolean>): Promise<void> {
  const search = page.locator('#account-search');
  const queries = ['priya shah 1', 'okoro 2', 'riverside', 'nhs.net', 'jones', 'aisha', 'kwame 4', 'valley gp', 'tom wilson', 'hannah 12'];
  for (let i = 0; i < 40; i++) {
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

async function watchSearch(page: Page): Promise<void> {
  await page.goto(`${page.url().split('#')[0]}#/accounts`);
  await page.reload();
  await page.waitForFunction(() => /of [\d,]+ accounts/.test(document.querySelector('[data-testid="account-count"]')?.textContent ?? ''), undefined, {
    timeout: 120_000,
  });
  await loadBench(page);
  await page.evaluate(() => {
    const w = window as unknown as { searchBench: { at: number; ms: number }[] };
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

/**
 * Search-as-you-type in Users in my region on the desk that took in size L: once plainly, then
 * while the engine (in the same page, so on the same main thread) takes in and applies 10,000
 * incoming changes (edited accounts, in 5 batches). Only keystrokes made while the cycle ran count.
 */
export async function measureSearchDuringSync(intake: Intake, log: (s: string) => void): Promise<Record<string, number>> {
  const { page, host } = intake.desk;
  await watchSearch(page);
  await inPage(page, 'open', host.token, false);
  await typeQueries(page, async () => true);
  let samples = await page.evaluate(() => (window as unknown as { searchBench: { at: number; ms: number }[] }).searchBench);
  const plain = samples.map((s) => s.ms);
  const accounts = [...intake.latest.values()].filter((d) => d.t === 'accounts').slice(0, 10_000);
  const changes = accounts.map((d, i) => edited(d, { phone: `07700 9${String(i).padStart(5, '0')}` }, 'search'));
  for (const d of changes) intake.latest.set(d._id, d);
  await writeBatches(intake.writer, changes);
  await page.evaluate(() => {
    const w = window as unknown as {
      searchBench: unknown[];
      syncWindow: { start: number; end: number; ms: number; phase: string };
      __syncBench: { cycle(): Promise<{ ms: number; phase: string }> };
    };
    w.searchBench = [];
    w.syncWindow = { start: performance.now(), end: 0, ms: 0, phase: '' };
    void w.__syncBench.cycle().then((r) => Object.assign(w.syncWindow, { end: performance.now(), ms: r.ms, phase: r.phase }));
  });
  await typeQueries(page, () => page.evaluate(() => (window as unknown as { syncWindow: { end: number } }).syncWindow.end > 0));
  await page.waitForFunction(() => (window as unknown as { syncWindow: { end: number } }).syncWindow.end > 0, undefined, { timeout: 600_000 });
  const sync = await page.evaluate(() => (window as unknown as { syncWindow: { start: number; end: number; ms: number; phase: string } }).syncWindow);
  if (sync.phase === 'error') throw new Error('the sync of 10,000 changes failed');
  samples = await page.evaluate(() => (window as unknown as { searchBench: { at: number; ms: number }[] }).searchBench);
  const during = samples.filter((s) => s.at >= sync.start && s.at <= sync.end).map((s) => s.ms);
  const phone = await page.evaluate(
    async (id) => ((await (window as unknown as { __syncBench: { db: { accounts: { get(k: string): Promise<{ phone: string }> } } } }).__syncBench.db.accounts.get(id)) as { phone: string }).phone,
    String(accounts.at(-1)!.k),
  );
  if (phone !== (changes.at(-1)!.v as { phone: string }).phone) throw new Error('the 10,000 changes did not all reach Dexie');
  log(`  plain search p95 ${percentile(plain, 95).toFixed(1)} ms (${plain.length}); during a ${(sync.ms / 1000).toFixed(1)} s sync p95 ${during.length ? percentile(during, 95).toFixed(1) : '–'} ms (${during.length})`);
  return {
    syncSearchPlainP50Ms: median(plain),
    syncSearchPlainP95Ms: percentile(plain, 95),
    syncSearchSamples: during.length,
    syncSearchP50Ms: during.length ? median(during) : NaN,
    syncSearchP95Ms: during.length ? percentile(during, 95) : NaN,
    syncSearchMaxMs: during.length ? Math.max(...during) : NaN,
    syncApply10kMs: sync.ms,
  };
}

/**
 * The desk that took in size L, its IndexedDB use with sync (from the intake), then 1,000 records
 * edited 10 times each on the writer desk, taken in after each round: PouchDB's bodies (by-sequence
 * rows) and the origin's IndexedDB use before and after.
 */
export async function measureSize(intake: Intake, log: (s: string) => void): Promise<Record<string, number>> {
  const { page, host } = intake.desk;
  await page.reload();
  await page.waitForSelector('h1', { timeout: 120_000 });
  await loadBench(page);
  await inPage(page, 'open', host.token, false);
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
 * Two desks (own preview hosts, data folders and browser contexts) in one temp team folder, main
 * listing it every POLL_MS on each. Desk A makes 20 changes one at a time through the one write
 * path, its engine running as the app's does; each is timed from its commit on A to the record
 * being in desk B's Dexie (B's engine runs on main's `team:changed`, as the app's does).
 */
export async function measureLatency(browser: Browser, root: string, ports: [number, number], log: (s: string) => void): Promise<Record<string, number>> {
  const a = await syncDesk(browser, root, ports[0], POLL_MS);
  const b = await syncDesk(browser, root, ports[1], POLL_MS);
  try {
    const folder = mkdtempSync(join(tmpdir(), 'dosdesk-bench-team-'));
    await inPage(a.page, 'call', 'team:create', { folder, teamName: 'Bench team', deskName: 'Desk A', passphrase: PASSPHRASE });
    await inPage(b.page, 'call', 'team:join', { folder, deskName: 'Desk B', passphrase: PASSPHRASE });
    await inPage(a.page, 'open', a.host.token, true);
    await inPage(b.page, 'open', b.host.token, true);
    // The first cycles (each desk's operator shared) settle before the clock starts.
    await inPage(a.page, 'cycle');
    await inPage(b.page, 'cycle');
    await new Promise((ok) => setTimeout(ok, POLL_MS + SETTLE_MS));
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const id = `sync-latency-${i}`;
      const seen = inPage<number>(b.page, 'waitForAccount', id, 60_000);
      const made = await inPage<number>(a.page, 'addAccount', BENCH_OPERATOR_ID, id);
      times.push((await seen) - made);
      // Changes come at no fixed point in main's polling.
      await new Promise((ok) => setTimeout(ok, 300 + Math.random() * POLL_MS));
    }
    log(`  20 changes: ${times.map((t) => (t / 1000).toFixed(1)).join(' ')} s`);
    return { syncLatencyP50Ms: median(times), syncLatencyP95Ms: percentile(times, 95), syncLatencyMaxMs: Math.max(...times), syncLatencyBudgetMs: POLL_MS + SETTLE_MS + 1_000 };
  } finally {
    await a.close();
    await b.close();
  }
}
