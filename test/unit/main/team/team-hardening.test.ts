import { cp, mkdir, readdir, readFile, rename, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removalName } from '../../../../electron/main/services/team/folder-names';
import { makeTeamFile, signRemoval, TAMPERED_KEYS } from '../../../../electron/main/services/team/team-files';
import { BATCH_MAX_DOCS } from '../../../../shared/sync/doc';
import { docs, fakeSafeStorage, member, newDesk, PASSPHRASE, tempDir, TEST_ITERATIONS, type TestDesk } from './fixtures';

/** The reviewer's must-fix list for the team folder service (issue 17), each on real folders. */
const open: TestDesk[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.service.stop();
});

async function desks(count: number, options: Parameters<typeof newDesk>[0] = {}) {
  const folder = await tempDir('folder');
  const all: { d: TestDesk; id: string }[] = [];
  for (let i = 0; i < count; i++) {
    const d = await newDesk(options);
    open.push(d);
    const s =
      i === 0
        ? await d.service.create({ folder, teamName: 'T', deskName: `Desk ${i}`, passphrase: PASSPHRASE })
        : await d.service.join({ folder, deskName: `Desk ${i}`, passphrase: PASSPHRASE });
    all.push({ d, id: member(s).desk.id });
  }
  for (const { d } of all) await d.service.check();
  return { folder, all };
}

/** Without an OS key store, the private key is kept in desk-key.json (tests reach it to forge as that desk). */
const privateKeyOf = async (d: TestDesk) =>
  (JSON.parse(await readFile(join(d.dataDir, 'team', 'desk-key.json'), 'utf8')) as { privateKey: string }).privateKey;

async function writeNotice(folder: string, teamId: string, remover: { d: TestDesk; id: string }, deskId: string) {
  const notice = await signRemoval(
    { team: teamId, remover: remover.id, deskId, keepUpToSeq: 0, removedAt: new Date().toISOString() },
    await privateKeyOf(remover.d),
  );
  await writeFile(join(folder, 'desks', remover.id, removalName(deskId)), JSON.stringify(notice));
}

const removedOf = async (d: TestDesk, id: string) => member(await d.service.check()).desks.find((x) => x.id === id)?.removed;

describe('removals stick', () => {
  it('a removal notice that later vanishes or becomes a zero-byte placeholder changes nothing, here or after a restart', async () => {
    const { folder, all } = await desks(2);
    const [a, b] = all as [(typeof all)[0], (typeof all)[0]];
    await b.d.service.writeBatch({ docs: docs(1, b.id) });
    await a.d.service.check();
    await a.d.service.removeDesk(b.id);
    expect(member(await b.d.service.check()).removed).toBe(true);
    const notice = join(folder, 'desks', a.id, removalName(b.id));
    await writeFile(notice, ''); // a OneDrive placeholder
    expect(await removedOf(a.d, b.id)).toBe(true);
    expect(member(await b.d.service.check()).removed).toBe(true);
    await rm(notice);
    expect(await removedOf(a.d, b.id)).toBe(true);
    expect(member(await b.d.service.check()).removed).toBe(true);
    await expect(b.d.service.writeBatch({ docs: docs(1, b.id) })).rejects.toThrow(/removed this desk/);
    // A restart of B, with the notice gone: still removed.
    await b.d.service.stop();
    const again = await newDesk({ dataDir: b.d.dataDir });
    open.push(again);
    expect(member(await again.service.status()).removed).toBe(true);
  });

  it('ignores a removal signed by a desk already removed; two desks removing each other in one listing are both removed', async () => {
    const { folder, all } = await desks(4);
    const [a, b, c, d] = all as [(typeof all)[0], (typeof all)[0], (typeof all)[0], (typeof all)[0]];
    const teamId = member(await a.d.service.status()).team.id;
    // B and C remove each other before A lists the folder: both count.
    await writeNotice(folder, teamId, b, c.id);
    await writeNotice(folder, teamId, c, b.id);
    expect(await removedOf(a.d, b.id)).toBe(true);
    expect(await removedOf(a.d, c.id)).toBe(true);
    // Later, removed B tries to remove D: ignored, and said.
    await writeNotice(folder, teamId, b, d.id);
    const status = member(await a.d.service.check());
    expect(status.desks.find((x) => x.id === d.id)!.removed).toBe(false);
    expect(status.problems).toContainEqual(
      expect.objectContaining({ file: `desks/${b.id}/${removalName(d.id)}`, message: expect.stringMatching(/itself removed.*ignored/) }),
    );
  });

  it('a batch read for a desk not in the current listing still gets the removal check, and is refused', async () => {
    const { folder, all } = await desks(2, { secureStorage: fakeSafeStorage() });
    const [a, b] = all as [(typeof all)[0], (typeof all)[0]];
    await b.d.service.writeBatch({ docs: docs(1, b.id) });
    await a.d.service.check();
    await a.d.service.removeDesk(b.id);
    await b.d.service.writeBatch({ docs: docs(1, b.id, 'late') }).catch(() => undefined);
    // A restarts with no saved listing while the folder is away: B is in no listing now.
    await a.d.service.stop();
    await rm(join(a.d.dataDir, 'team', 'listing.json'));
    await rm(join(folder, 'team.json'));
    const again = await newDesk({ dataDir: a.d.dataDir, secureStorage: fakeSafeStorage() });
    open.push(again);
    expect(member(await again.service.status()).desks).toEqual([]);
    await expect(again.service.readBatch(b.id, 2)).rejects.toThrow(/after it was removed/);
    await expect(again.service.readBatch(b.id, 1)).rejects.toThrow(/not in this desk's listing/);
    await expect(again.service.readBatch('11111111-2222-4333-8444-555555555555', 1)).rejects.toThrow(/not in this desk's listing/);
  });
});

describe("team.json's key list is authenticated as a whole", () => {
  const NEW = 'a brand new passphrase';
  async function changed() {
    const { folder, all } = await desks(2);
    const [a, b] = all as [(typeof all)[0], (typeof all)[0]];
    const oldText = await readFile(join(folder, 'team.json'), 'utf8');
    await a.d.service.changePassphrase(PASSPHRASE, NEW);
    await b.d.service.check();
    await b.d.service.unlock(NEW);
    const newText = await readFile(join(folder, 'team.json'), 'utf8');
    return { folder, a, b, oldText, newText };
  }
  const refused = async (d: TestDesk, id: string) => {
    const status = member(await d.service.check());
    expect(status.problems).toContainEqual(expect.objectContaining({ file: 'team.json', kind: 'damaged', message: TAMPERED_KEYS }));
    await expect(d.service.writeBatch({ docs: docs(1, id) })).rejects.toThrow(/changed by someone without the team passphrase/);
  };

  it('an old team.json put back (the newest key dropped) is refused by desks that saw the newer key: nothing is written', async () => {
    const { folder, a, b, oldText } = await changed();
    await writeFile(join(folder, 'team.json'), oldText);
    await refused(a.d, a.id);
    await refused(b.d, b.id);
    await expect(b.d.service.unlock(PASSPHRASE)).rejects.toThrow(TAMPERED_KEYS);
    expect((await readdir(join(folder, 'desks', b.id))).filter((n) => n.endsWith('.dsb'))).toEqual([]);
  });

  it('reordered or cut key lists are refused, on reading and on unlocking', async () => {
    const { folder, a, b, newText } = await changed();
    const file = JSON.parse(newText) as { keys: unknown[] };
    await writeFile(join(folder, 'team.json'), JSON.stringify({ ...file, keys: [...file.keys].reverse() }));
    await refused(a.d, a.id);
    await expect(b.d.service.unlock(NEW)).rejects.toThrow(TAMPERED_KEYS);
    // A desk that never saw the newer key cannot be pushed back either: the MAC no longer matches.
    await writeFile(join(folder, 'team.json'), JSON.stringify({ ...file, keys: file.keys.slice(0, 1) }));
    const c = await newDesk();
    open.push(c);
    await expect(c.service.join({ folder, deskName: 'C', passphrase: NEW })).rejects.toThrow();
    await expect(c.service.join({ folder, deskName: 'C', passphrase: PASSPHRASE })).rejects.toThrow();
    // Put back as written, all is well again.
    await writeFile(join(folder, 'team.json'), newText);
    expect(member(await a.d.service.check()).problems).toEqual([]);
    await a.d.service.writeBatch({ docs: docs(1, a.id) });
  });
});

describe('bounds on what the folder holds', () => {
  it('links are not followed: a linked desk folder, desk.json or batch is reported and never read', async () => {
    const { folder, all } = await desks(2);
    const [a, b] = all as [(typeof all)[0], (typeof all)[0]];
    await b.d.service.writeBatch({ docs: docs(1, b.id) });
    const elsewhere = await tempDir('elsewhere');
    await cp(join(folder, 'desks', b.id), join(elsewhere, 'copy'), { recursive: true });
    const linkedDesk = '11111111-2222-4333-8444-555555555555';
    await symlink(join(elsewhere, 'copy'), join(folder, 'desks', linkedDesk), 'dir');
    await symlink(join(elsewhere, 'copy', 'b-00000001.dsb'), join(folder, 'desks', b.id, 'b-00000002.dsb'));
    const status = member(await a.d.service.check());
    expect(status.desks.map((d) => d.id)).not.toContain(linkedDesk);
    expect(status.desks.find((d) => d.id === b.id)!.batches).toEqual([1]);
    expect(status.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: `desks/${linkedDesk}`, kind: 'unknown-file' }),
        expect.objectContaining({
          file: `desks/${b.id}/b-00000002.dsb`,
          kind: 'unknown-file',
          message: expect.stringMatching(/not a plain file/),
        }),
      ]),
    );
    await expect(a.d.service.readBatch(b.id, 2)).rejects.toThrow(/not a plain file/);
  });

  it('files bigger than DoS Desk writes are not read: team.json, desk.json, removal notices over 64 KB, batches over 64 MB', async () => {
    const { folder, all } = await desks(2);
    const [a, b] = all as [(typeof all)[0], (typeof all)[0]];
    await b.d.service.writeBatch({ docs: docs(1, b.id) });
    await a.d.service.check();
    const big = await tempDir('big');
    // A batch file 65 MB long (sparse: no disk is used), named as the next batch.
    await writeFile(join(big, 'x'), '');
    await truncate(join(big, 'x'), 65 * 1024 * 1024);
    await rename(join(big, 'x'), join(folder, 'desks', b.id, 'b-00000002.dsb'));
    await expect(a.d.service.readBatch(b.id, 2)).rejects.toThrow(/far bigger than DoS Desk writes/);
    await writeFile(join(folder, 'desks', b.id, removalName(a.id)), ' '.repeat(70 * 1024));
    const status = member(await a.d.service.check());
    expect(status.problems).toContainEqual(
      expect.objectContaining({ file: `desks/${b.id}/${removalName(a.id)}`, message: expect.stringMatching(/far bigger/) }),
    );
    const teamText = await readFile(join(folder, 'team.json'), 'utf8');
    await writeFile(join(folder, 'team.json'), teamText + ' '.repeat(70 * 1024));
    const away = member(await a.d.service.check());
    expect(away.reachable).toBe(false);
    expect(away.unreachableReason).toMatch(/team.json is 7\d KB, far bigger than DoS Desk writes/);
  });

  it(`a batch of more than BATCH_MAX_DOCS (${BATCH_MAX_DOCS}) documents is refused on reading`, async () => {
    const { all } = await desks(2);
    const [a, b] = all as [(typeof all)[0], (typeof all)[0]];
    const { seq } = await b.d.service.writeBatch({ docs: docs(BATCH_MAX_DOCS + 1, b.id) });
    await a.d.service.check();
    await expect(a.d.service.readBatch(b.id, seq)).rejects.toThrow();
    expect(member(await a.d.service.status()).problems).toContainEqual(
      expect.objectContaining({ file: `desks/${b.id}/b-00000001.dsb`, kind: 'damaged' }),
    );
  });

  it('the problem list holds the first 50, then says how many more in words', async () => {
    const { folder, all } = await desks(1);
    const [a] = all as [(typeof all)[0]];
    for (let i = 0; i < 60; i++) await writeFile(join(folder, 'desks', a.id, `stray-${i}.txt`), 'x');
    const { problems } = member(await a.d.service.check());
    expect(problems).toHaveLength(51);
    expect(problems[50]!.message).toMatch(/and 10 more problems/);
  });

  it('a team.json asking for too few or too many passphrase iterations is refused at once, in words', async () => {
    for (const iterations of [50, 20_000_000]) {
      const folder = await tempDir('folder');
      const { file } = await makeTeamFile('T', PASSPHRASE, TEST_ITERATIONS, new Date());
      await writeFile(join(folder, 'team.json'), JSON.stringify({ ...file, kdf: { ...file.kdf, iterations } }));
      await mkdir(join(folder, 'desks'));
      const c = await newDesk();
      open.push(c);
      await expect(c.service.join({ folder, deskName: 'C', passphrase: PASSPHRASE })).rejects.toThrow(
        /stretched .* times; DoS Desk accepts 1,000 to 10,000,000/,
      );
    }
  });

  it('a passphrase typed with decomposed accents (a Mac) opens a team made with composed ones (Windows)', async () => {
    const folder = await tempDir('folder');
    const a = await newDesk();
    const b = await newDesk();
    open.push(a, b);
    await a.service.create({ folder, teamName: 'T', deskName: 'A', passphrase: 'Café crème à la maison'.normalize('NFC') });
    const joined = member(await b.service.join({ folder, deskName: 'B', passphrase: 'Café crème à la maison'.normalize('NFD') }));
    expect(joined.locked).toBe(false);
  });
});
