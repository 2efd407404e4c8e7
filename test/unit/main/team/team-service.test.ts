import { readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WRONG_PASSPHRASE } from '../../../../electron/main/services/team/team-files';
import { docs, fakeSafeStorage, member, newDesk, PASSPHRASE, tempDir, TEST_ITERATIONS, type TestDesk } from './fixtures';

const open: TestDesk[] = [];
async function desk(options: Parameters<typeof newDesk>[0] = {}): Promise<TestDesk> {
  const d = await newDesk(options);
  open.push(d);
  return d;
}
afterEach(async () => {
  for (const d of open.splice(0)) await d.service.stop();
});

async function allText(dir: string): Promise<string> {
  let text = '';
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) text += await readFile(join(entry.parentPath, entry.name), 'latin1');
  }
  return text;
}

/** A team folder with desk A (created it) and desk B (joined). */
async function team(options: Parameters<typeof newDesk>[0] = {}) {
  const folder = await tempDir('folder');
  const a = await desk(options);
  const created = member(
    await a.service.create({ folder, teamName: 'North East DoS', deskName: 'On-call laptop', passphrase: PASSPHRASE }),
  );
  const b = await desk(options);
  const joined = member(await b.service.join({ folder, deskName: 'Lead desk', passphrase: PASSPHRASE }));
  return { folder, a, b, aId: created.desk.id, bId: joined.desk.id };
}

describe('setting up a team folder', () => {
  it('create writes team.json (with its KDF iterations) and the desk’s desk.json; the passphrase is written nowhere', async () => {
    const folder = await tempDir('folder');
    const a = await desk();
    const status = member(
      await a.service.create({ folder, teamName: 'North East DoS', deskName: 'On-call laptop', passphrase: PASSPHRASE }),
    );
    expect(status).toMatchObject({
      team: { name: 'North East DoS', folder },
      desk: { name: 'On-call laptop' },
      locked: false,
      removed: false,
      reachable: true,
      keysProtected: false,
      problems: [],
    });
    expect(status.desks).toEqual([expect.objectContaining({ id: status.desk.id, you: true, batches: [], removed: false })]);
    const teamFile = JSON.parse(await readFile(join(folder, 'team.json'), 'utf8'));
    expect(teamFile).toMatchObject({ format: 1, app: 'dos-desk-team', teamId: status.team.id, kdf: { iterations: TEST_ITERATIONS } });
    const deskFile = JSON.parse(await readFile(join(folder, 'desks', status.desk.id, 'desk.json'), 'utf8'));
    expect(deskFile).toMatchObject({ deskId: status.desk.id, name: 'On-call laptop', publicKey: expect.any(String) });
    expect(await allText(folder)).not.toContain(PASSPHRASE);
    expect(await allText(a.dataDir)).not.toContain(PASSPHRASE);
    // Without an OS key store the private key is in a file only this user can read.
    expect((await stat(join(a.dataDir, 'team', 'desk-key.json'))).mode & 0o777).toBe(0o600);
  });

  it('create refuses a missing folder, one that holds a team or desks already, a relative path, and a desk already in a team', async () => {
    const a = await desk();
    const args = { teamName: 'T', deskName: 'D', passphrase: PASSPHRASE };
    const parent = await tempDir('parent');
    await expect(a.service.create({ ...args, folder: join(parent, 'nope') })).rejects.toThrow(/does not exist/);
    await expect(a.service.create({ ...args, folder: 'relative/folder' })).rejects.toThrow(/whole path/);
    const withDesks = await tempDir('desks');
    await mkdir(join(withDesks, 'desks'));
    await expect(a.service.create({ ...args, folder: withDesks })).rejects.toThrow(/no team.json: it may not be fully synced/);
    expect(await readdir(withDesks)).toEqual(['desks']);
    const folder = await tempDir('folder');
    await a.service.create({ ...args, folder });
    const b = await desk();
    await expect(b.service.create({ ...args, folder })).rejects.toThrow(/already holds a team folder/);
    await expect(a.service.create({ ...args, folder: await tempDir('other') })).rejects.toThrow(/already in the team/);
    expect(await b.service.status()).toEqual({ state: 'none' });
  });

  it('join with a wrong passphrase is refused in plain words and writes nothing, here or in the folder', async () => {
    const folder = await tempDir('folder');
    const a = await desk();
    await a.service.create({ folder, teamName: 'T', deskName: 'A', passphrase: PASSPHRASE });
    const before = await readdir(join(folder, 'desks'));
    const b = await desk();
    await expect(b.service.join({ folder, deskName: 'B', passphrase: 'not the passphrase' })).rejects.toThrow(WRONG_PASSPHRASE);
    expect(await readdir(join(folder, 'desks'))).toEqual(before);
    await expect(stat(join(b.dataDir, 'team'))).rejects.toThrow();
    expect(await b.service.status()).toEqual({ state: 'none' });
    await expect(b.service.join({ folder: await tempDir('empty'), deskName: 'B', passphrase: PASSPHRASE })).rejects.toThrow(
      /There is no team in .*team.json is missing/,
    );
  });

  it('two desks see each other; batches written by one are read, verified and decrypted by the other', async () => {
    const { a, b, aId, bId } = await team();
    expect(await a.service.writeBatch({ docs: docs(3, aId) })).toEqual({ seq: 1 });
    expect(await a.service.writeBatch({ docs: docs(2, aId, 'b'), snapshot: null })).toEqual({ seq: 2 });
    const seen = member(await b.service.check());
    expect(seen.desks.map((d) => [d.name, d.you, d.batches])).toEqual([
      ['Lead desk', true, []],
      ['On-call laptop', false, [1, 2]],
    ]);
    expect(seen.desks[1]!.lastSeenAt).toEqual(expect.any(String));
    const read = await b.service.readBatch(aId, 1);
    expect(read).toMatchObject({ deskId: aId, seq: 1, snapshot: null });
    expect(read.docs).toEqual(docs(3, aId));
    expect(member(await a.service.check()).desks.map((d) => d.id)).toEqual([aId, bId]);
  });

  it('a batch of 2000 documents (several MB) is written and read back whole', async () => {
    const { a, b, aId } = await team();
    const big = docs(2000, aId);
    const { seq } = await a.service.writeBatch({ docs: big });
    await b.service.check();
    expect((await b.service.readBatch(aId, seq)).docs).toEqual(big);
  });

  it('snapshot parts are listed as such', async () => {
    const { a, b, aId } = await team();
    await a.service.writeBatch({ docs: docs(1, aId) });
    await a.service.writeBatch({ docs: docs(1, aId), snapshot: { id: crypto.randomUUID(), part: 1, parts: 1, covers: { [aId]: [1] } } });
    const listed = member(await b.service.check()).desks.find((d) => d.id === aId)!;
    expect(listed).toMatchObject({ batches: [1, 2], snapshots: [2] });
  });
});

describe('writing batches', () => {
  it('never reuses a number: copies and temps count, and a lost file does not bring its number back', async () => {
    const { folder, a, aId } = await team();
    await a.service.writeBatch({ docs: docs(1, aId) });
    const own = join(folder, 'desks', aId);
    await writeFile(join(own, 'b-00000005 (1).dsb'), 'copy');
    expect(await a.service.writeBatch({ docs: docs(1, aId) })).toEqual({ seq: 6 });
    await rm(join(own, 'b-00000006.dsb'));
    await rm(join(own, 'b-00000005 (1).dsb'));
    expect(await a.service.writeBatch({ docs: docs(1, aId) })).toEqual({ seq: 7 });
    const files = (await readdir(own)).sort();
    expect(files).toEqual(['b-00000001.dsb', 'b-00000007.dsb', 'desk.json']);
  });

  it('refuses to write into a folder whose team.json is gone (an unmounted drive), and writes nothing', async () => {
    const { folder, a, aId } = await team();
    await rm(join(folder, 'team.json'));
    await expect(a.service.writeBatch({ docs: docs(1, aId) })).rejects.toThrow(/team.json is missing.*Nothing was written/);
    expect(await readdir(join(folder, 'desks', aId))).toEqual(['desk.json']);
  });

  it('seal and open: a batch carried by hand is verified like a folder read', async () => {
    const { a, b, aId } = await team();
    const sealed = await a.service.sealBatch({ docs: docs(2, aId) });
    expect(sealed.fileName).toMatch(/^dos-desk-On-call-laptop-\d{8}-\d{4}\.dsb$/);
    const opened = await b.service.openBatch(sealed.content);
    expect(opened).toMatchObject({ deskId: aId, seq: 0, docs: docs(2, aId) });
    const envelope = JSON.parse(sealed.content);
    await expect(b.service.openBatch(JSON.stringify({ ...envelope, writtenAt: 'forged' }))).rejects.toThrow(/not signed by the desk/);
    // A desk that is in no team folder this desk can see is not trusted.
    const stranger = await team();
    const foreign = await stranger.a.service.sealBatch({ docs: docs(1, stranger.aId) });
    await expect(b.service.openBatch(foreign.content)).rejects.toThrow(/belongs to another team/);
  });
});

describe('keys across a restart', () => {
  it('with the OS key store, keys survive a restart encrypted, and the team stays unlocked', async () => {
    const storage = fakeSafeStorage();
    const { a, aId } = await team({ secureStorage: storage });
    await a.service.writeBatch({ docs: docs(1, aId) });
    await a.service.stop();
    const again = await desk({ dataDir: a.dataDir, secureStorage: storage });
    const status = member(await again.service.status());
    expect(status).toMatchObject({ locked: false, keysProtected: true });
    expect(await again.service.writeBatch({ docs: docs(1, aId) })).toEqual({ seq: 2 });
    expect(await readdir(join(a.dataDir, 'team'))).not.toContain('desk-key.json');
  });

  it('without it, the team is locked after a restart until the passphrase is entered; a wrong one is refused', async () => {
    const { a, aId } = await team();
    await a.service.stop();
    const again = await desk({ dataDir: a.dataDir });
    expect(member(await again.service.status())).toMatchObject({ locked: true, keysProtected: false });
    await expect(again.service.writeBatch({ docs: docs(1, aId) })).rejects.toThrow(/locked/);
    await expect(again.service.unlock('wrong passphrase')).rejects.toThrow(WRONG_PASSPHRASE);
    expect(member(await again.service.unlock(PASSPHRASE)).locked).toBe(false);
    expect(await again.service.writeBatch({ docs: docs(1, aId) })).toEqual({ seq: 1 });
  });
});

describe('membership', () => {
  it('leave forgets the team here and leaves the folder as it is', async () => {
    const { folder, a, aId } = await team();
    await a.service.writeBatch({ docs: docs(1, aId) });
    const before = await allText(folder);
    expect(await a.service.leave()).toEqual({ state: 'none' });
    expect(await allText(folder)).toBe(before);
    await expect(stat(join(a.dataDir, 'team'))).rejects.toThrow();
    await expect(a.service.writeBatch({ docs: docs(1, aId) })).rejects.toThrow(/not in a team/);
  });

  it('a removed desk keeps its earlier batches readable, its later ones are refused, and it can no longer write', async () => {
    const { a, b, aId, bId } = await team();
    await b.service.writeBatch({ docs: docs(1, bId) });
    await a.service.check();
    await expect(a.service.removeDesk(aId)).rejects.toThrow(/cannot remove itself/);
    const after = member(await a.service.removeDesk(bId));
    expect(after.desks.find((d) => d.id === bId)).toMatchObject({ removed: true, batches: [1] });
    await expect(a.service.removeDesk(bId)).rejects.toThrow(/already been removed/);
    // B, not yet aware, writes once more through the folder (as an older DoS Desk might).
    await b.service.writeBatch({ docs: docs(1, bId, 'late') }).catch(() => undefined);
    const bNow = member(await b.service.check());
    expect(bNow.removed).toBe(true);
    await expect(b.service.writeBatch({ docs: docs(1, bId) })).rejects.toThrow(/removed this desk from the team/);
    const aNow = member(await a.service.check());
    expect(aNow.desks.find((d) => d.id === bId)!.batches).toEqual([1]);
    expect(aNow.problems).toEqual([expect.objectContaining({ kind: 'removed-desk', file: `desks/${bId}/b-00000002.dsb` })]);
    expect((await a.service.readBatch(bId, 1)).docs).toHaveLength(1);
    await expect(a.service.readBatch(bId, 2)).rejects.toThrow(/after it was removed/);
  });

  it('a passphrase change keeps old batches readable, uses a new key, and a desk without it is locked until it enters the new one', async () => {
    const { a, b, aId } = await team();
    await a.service.writeBatch({ docs: docs(1, aId) });
    await expect(a.service.changePassphrase('wrong passphrase', 'a brand new passphrase')).rejects.toThrow(WRONG_PASSPHRASE);
    await a.service.changePassphrase(PASSPHRASE, 'a brand new passphrase');
    await a.service.writeBatch({ docs: docs(1, aId, 'n') });
    const bStatus = member(await b.service.check());
    expect(bStatus.locked).toBe(true);
    expect((await b.service.readBatch(aId, 1)).docs).toHaveLength(1);
    await expect(b.service.readBatch(aId, 2)).rejects.toThrow(/team key this desk does not hold/);
    expect(member(await b.service.status()).problems).toContainEqual(
      expect.objectContaining({ kind: 'unknown-key', file: `desks/${aId}/b-00000002.dsb` }),
    );
    await expect(b.service.unlock(PASSPHRASE)).rejects.toThrow(WRONG_PASSPHRASE);
    expect(member(await b.service.unlock('a brand new passphrase')).locked).toBe(false);
    expect((await b.service.readBatch(aId, 2)).docs).toHaveLength(1);
    expect(member(await b.service.status()).problems).toEqual([]);
    // A new desk joins with the new passphrase and reads batches under both keys.
    const c = await desk();
    await c.service.join({ folder: member(await a.service.status()).team.folder, deskName: 'C', passphrase: 'a brand new passphrase' });
    expect((await c.service.readBatch(aId, 1)).docs).toHaveLength(1);
  });

  it('a passphrase change is refused, and nothing changed, when team.json changes while it is made', async () => {
    const { folder, a } = await team({ kdfIterations: 400_000 });
    const text = await readFile(join(folder, 'team.json'), 'utf8');
    const change = a.service.changePassphrase(PASSPHRASE, 'a brand new passphrase');
    await new Promise((r) => setTimeout(r, 30));
    await writeFile(join(folder, 'team.json'), `${text}\n`);
    await expect(change).rejects.toThrow(/team.json changed while/);
    expect(await readFile(join(folder, 'team.json'), 'utf8')).toBe(`${text}\n`);
  });
});

describe('polling', () => {
  it('lists the folder every pollMs and says when something changed, and only then', async () => {
    const { a, aId } = await team();
    const b = await desk({ pollMs: 40 });
    await b.service.join({ folder: member(await a.service.status()).team.folder, deskName: 'Poller', passphrase: PASSPHRASE });
    await new Promise((r) => setTimeout(r, 150));
    const quiet = b.changes;
    await new Promise((r) => setTimeout(r, 150));
    expect(b.changes).toBe(quiet);
    await a.service.writeBatch({ docs: docs(1, aId) });
    await vi.waitFor(() => expect(b.changes).toBeGreaterThan(quiet), { timeout: 3000 });
    expect(member(await b.service.status()).desks.find((d) => d.id === aId)!.batches).toEqual([1]);
  });
});
