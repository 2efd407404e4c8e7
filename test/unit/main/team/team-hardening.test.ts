import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removalName } from '../../../../electron/main/services/team/folder-names';
import { signRemoval, TAMPERED_KEYS } from '../../../../electron/main/services/team/team-files';
import { docs, fakeSafeStorage, member, newDesk, PASSPHRASE, tempDir, type TestDesk } from './fixtures';

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
