import { mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/main/ipc/dispatch';
import { createHandlers } from '../../../electron/main/ipc/handlers';
import { createServices, type Services } from '../../../electron/main/services';
import { NO_DESKTOP } from '../../../electron/main/services/desktop';
import { createApi, type DosDeskApi } from '@shared/ipc/api';
import { PouchDB, type SyncPouch } from '../../../renderer/src/sync/pouch';
import { SyncEngine } from '../../../renderer/src/sync/engine';
import { account, edit, type TestDesk } from './team-harness';
import { freshDb } from '../helpers';

/**
 * The engine with main's real team folder service (real files, signatures, encryption) in a temp
 * folder: what one desk writes, another reads; a damaged or missing folder is reported and never
 * taken for deletions.
 */
const PASSPHRASE = 'night shift on call 2026';
let running: { services: Services; desk: TestDesk }[] = [];
afterEach(async () => {
  for (const r of running) {
    await r.desk.close();
    await r.services.stop();
  }
  running = [];
});

let n = 0;
async function desk(name: string): Promise<TestDesk & { api: DosDeskApi; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dosdesk-sync-desk-'));
  const services = createServices({
    dataDir,
    desktop: NO_DESKTOP,
    appInfo: () => ({ name: 'DoS Desk', version: '0.0.0-test', dataFolder: dataDir, platform: 'linux', shell: 'browser-preview' }),
    team: { kdfIterations: 1000, pollMs: 3_600_000, log: () => undefined },
  });
  await services.start();
  const dispatch = createDispatcher(createHandlers(services), () => undefined);
  const api = createApi((channel, args) => dispatch(channel, args) as never, services.events.on);
  const db = freshDb();
  const operatorId = crypto.randomUUID();
  await db.operators.add({ id: operatorId, fullName: `${name} lead`, email: `${operatorId}@nhs.net` } as never);
  const pouch = new PouchDB(`folder-pouch-${++n}`, { adapter: 'memory' }) as SyncPouch;
  const engine = new SyncEngine({ db, api, open: () => pouch, snapshotAfter: 1e6 });
  const made = { id: '', db, pouch, engine, operatorId, api, dataDir, close: () => engine.close().then(() => db.close()) };
  running.push({ services, desk: made });
  return made;
}

async function pair() {
  const folder = mkdtempSync(join(tmpdir(), 'dosdesk-team-folder-'));
  const a = await desk('On call');
  const b = await desk('Lead');
  expect((await a.api.createTeam({ folder, teamName: 'London DoS', deskName: 'On-call laptop', passphrase: PASSPHRASE })).ok).toBe(true);
  expect((await b.api.joinTeam({ folder, deskName: 'Lead desk', passphrase: PASSPHRASE })).ok).toBe(true);
  return { folder, a, b };
}

describe('team sync through a real team folder', () => {
  it('what one desk writes, the other reads: signed, encrypted, and back again', async () => {
    const { folder, a, b } = await pair();
    await edit(a, (db) => db.accounts.put(account('e1', { fullName: 'Emergency change subject' })));
    await a.engine.cycle();
    await b.engine.cycle();
    expect(await b.db.accounts.get('e1')).toMatchObject({ fullName: 'Emergency change subject' });
    await edit(b, (db) => db.accounts.update('e1', { note: 'reviewed by the lead' }));
    await b.engine.cycle();
    await a.engine.cycle();
    expect(await a.db.accounts.get('e1')).toMatchObject({ note: 'reviewed by the lead' });
    // Nothing in the folder is readable without the team key.
    const files = readdirSync(join(folder, 'desks'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.dsb'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(join(folder, 'desks', f), 'utf8')).not.toContain('Emergency change subject');
    expect(b.engine.store.getState()).toMatchObject({ phase: 'idle', waiting: 0 });
  });

  it('a damaged batch is refused and reported; nothing in it is taken in, and the good batches still are', async () => {
    const { folder, a, b } = await pair();
    await edit(a, (db) => db.accounts.put(account('good')));
    await a.engine.cycle();
    await edit(a, (db) => db.accounts.put(account('bad')));
    await a.engine.cycle();
    const own = join(
      folder,
      'desks',
      readdirSync(join(folder, 'desks')).find((d) => readdirSync(join(folder, 'desks', d)).length > 2)!,
    );
    const last = readdirSync(own)
      .filter((f) => f.endsWith('.dsb'))
      .sort()
      .at(-1)!;
    const text = readFileSync(join(own, last), 'utf8');
    const at = text.indexOf('"ciphertext":"') + 20;
    writeFileSync(join(own, last), text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1));
    await b.engine.cycle();
    expect(await b.db.accounts.get('good')).toBeDefined();
    expect(await b.db.accounts.get('bad')).toBeUndefined();
    expect(b.engine.store.getState().message).toMatch(/was not taken in/);
    const status = b.engine.store.getState().team;
    expect(status.state === 'member' && status.problems.map((p) => p.kind)).toEqual(
      expect.arrayContaining([expect.stringMatching(/damaged|bad-signature/)]),
    );
  });

  it('a team folder that goes missing is offline, never a deletion: every record stays, changes wait', async () => {
    const { folder, a, b } = await pair();
    await edit(a, (db) => db.accounts.put(account('kept')));
    await a.engine.cycle();
    await b.engine.cycle();
    renameSync(folder, `${folder}-unmounted`);
    await edit(b, (db) => db.accounts.update('kept', { note: 'made offline' }));
    await b.engine.cycle();
    expect(b.engine.store.getState()).toMatchObject({ phase: 'unreachable', waiting: 1 });
    expect(await b.db.accounts.count()).toBe(1);
    renameSync(`${folder}-unmounted`, folder);
    await b.engine.cycle();
    await a.engine.cycle();
    expect(await a.db.accounts.get('kept')).toMatchObject({ note: 'made offline' });
    expect(b.engine.store.getState()).toMatchObject({ phase: 'idle', waiting: 0 });
  });

  it('a wrong passphrase cannot join, and nothing is written', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dosdesk-team-folder-'));
    const a = await desk('A');
    const b = await desk('B');
    await a.api.createTeam({ folder, teamName: 'Team', deskName: 'A desk', passphrase: PASSPHRASE });
    const before = readdirSync(join(folder, 'desks'));
    const refused = await b.api.joinTeam({ folder, deskName: 'B desk', passphrase: 'not the passphrase at all' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toMatch(/passphrase/i);
    expect(readdirSync(join(folder, 'desks'))).toEqual(before);
    await b.engine.cycle();
    expect(b.engine.store.getState().phase).toBe('off');
  });

  it('a batch file carried by hand brings the same records by the same engine', async () => {
    const { folder, a, b } = await pair();
    renameSync(folder, `${folder}-away`);
    await edit(a, (db) => db.accounts.put(account('by-hand', { fullName: 'Carried on a stick' })));
    await a.engine.cycle();
    const file = await a.engine.exportBatchFile();
    expect(file.content).not.toContain('Carried on a stick');
    await b.engine.cycle();
    expect((await b.engine.importBatchFile(file.content)).imported).toBeGreaterThan(0);
    expect(await b.db.accounts.get('by-hand')).toMatchObject({ fullName: 'Carried on a stick' });
    await expect(b.engine.importBatchFile('{"not":"a batch"}')).rejects.toThrow();
  });
});
