import { chmod, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sealBatch } from '../../../../electron/main/services/team/batch-file';
import { unreachableReason } from '../../../../electron/main/services/team/folder-listing';
import { newDataKey, newDeskKeys } from '../../../../electron/main/services/team/team-crypto';
import { docs, member, newDesk, PASSPHRASE, tempDir, type TestDesk } from './fixtures';

/**
 * The team folder's faults (issue 17, GUIDE §9), each with real files: nothing is imported wrongly,
 * nothing is read as a deletion, and the operator is told in plain words.
 */
const open: TestDesk[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.service.stop();
});

async function team() {
  const folder = await tempDir('folder');
  const a = await newDesk();
  const b = await newDesk();
  open.push(a, b);
  const aId = member(await a.service.create({ folder, teamName: 'T', deskName: 'On-call laptop', passphrase: PASSPHRASE })).desk.id;
  const bId = member(await b.service.join({ folder, deskName: 'Lead desk', passphrase: PASSPHRASE })).desk.id;
  await a.service.writeBatch({ docs: docs(2, aId) });
  await a.service.writeBatch({ docs: docs(2, aId, 'x') });
  await b.service.check();
  const own = join(folder, 'desks', aId);
  return { folder, a, b, aId, bId, own };
}

const batchesOf = async (d: TestDesk, id: string) => member(await d.service.status()).desks.find((x) => x.id === id)?.batches;

describe('team folder faults', () => {
  it('a missing (unmounted) folder is not reachable, with the reason; the last listing is kept, never "no batches"', async () => {
    const { folder, b, aId } = await team();
    const changesBefore = b.changes;
    await rename(folder, `${folder}-away`);
    const away = member(await b.service.check());
    expect(away).toMatchObject({
      reachable: false,
      unreachableReason: expect.stringMatching(/cannot be found.*Nothing was read as deleted/),
    });
    expect(away.desks.find((d) => d.id === aId)!.batches).toEqual([1, 2]);
    expect(b.changes).toBe(changesBefore + 1);
    await rename(`${folder}-away`, folder);
    expect(member(await b.service.check()).reachable).toBe(true);
    expect(b.changes).toBe(changesBefore + 2);
  });

  it('an empty listing of a folder whose team.json vanished is not reachable, never "no records"', async () => {
    const { folder, b, aId } = await team();
    await rename(folder, `${folder}-real`);
    await mkdir(folder); // the mount point left behind, empty
    const status = member(await b.service.check());
    expect(status.reachable).toBe(false);
    expect(status.unreachableReason).toMatch(/team.json is missing.*not be fully synced or mounted/);
    expect(status.desks.find((d) => d.id === aId)!.batches).toEqual([1, 2]);
  });

  it('the last listing survives a restart while the folder is away', async () => {
    const { folder, b, aId } = await team();
    await b.service.stop();
    await rename(folder, `${folder}-away`);
    const again = await newDesk({ dataDir: b.dataDir });
    open.push(again);
    const status = member(await again.service.status());
    expect(status.reachable).toBe(false);
    expect(status.desks.find((d) => d.id === aId)!.batches).toEqual([1, 2]);
  });

  it.skipIf(process.getuid?.() === 0)('a folder this account may not read is not reachable, with the reason', async () => {
    const { folder, b } = await team();
    await chmod(folder, 0o000);
    try {
      expect(member(await b.service.check()).unreachableReason).toMatch(/Access to the team folder .* was refused/);
    } finally {
      await chmod(folder, 0o755);
    }
  });

  it('says why a folder cannot be read for each kind of failure, never "empty"', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(unreachableReason(err('EACCES'), '/s/team')).toMatch(/Access to the team folder \/s\/team was refused/);
    expect(unreachableReason(err('EPERM'), '/s/team')).toMatch(/was refused/);
    expect(unreachableReason(err('ENOENT'), '/s/team')).toMatch(/cannot be found/);
    expect(unreachableReason(err('EHOSTDOWN'), '/s/team')).toMatch(/network drive may be offline/);
    expect(unreachableReason(err('ENOTDIR'), '/s/team')).toMatch(/is a file, not a folder/);
    for (const code of ['EACCES', 'ENOENT', 'EIO', 'EWHATEVER'])
      expect(unreachableReason(err(code), '/s')).not.toMatch(/empty|no batches/i);
  });

  it('a half-written temp file and a batch cut short are skipped and reported; a later read tries again', async () => {
    const { own, a, b, aId } = await team();
    await writeFile(join(own, '.tmp-b-00000003.dsb.abc123'), '{"format":1');
    const status = member(await b.service.check());
    expect(status.problems).toContainEqual(
      expect.objectContaining({ kind: 'half-written', file: `desks/${aId}/.tmp-b-00000003.dsb.abc123` }),
    );
    expect(await batchesOf(b, aId)).toEqual([1, 2]);
    // A batch whose header arrived but not the rest (a copy still in progress).
    const { seq } = await a.service.writeBatch({ docs: docs(50, aId, 'c') });
    // The temp file's number is never reused: the next batch is 4.
    expect(seq).toBe(4);
    const name = 'b-00000004.dsb';
    const whole = await readFile(join(own, name), 'utf8');
    await writeFile(join(own, name), whole.slice(0, whole.length - 100));
    await b.service.check();
    await expect(b.service.readBatch(aId, seq)).rejects.toThrow(/incomplete.*try it again/);
    expect(member(await b.service.status()).problems).toContainEqual(
      expect.objectContaining({ kind: 'half-written', file: `desks/${aId}/${name}` }),
    );
    await writeFile(join(own, name), whole);
    expect((await b.service.readBatch(aId, seq)).docs).toHaveLength(50);
    expect(member(await b.service.status()).problems.filter((p) => p.file.endsWith(name))).toEqual([]);
  });

  it('a zero-byte placeholder is not listed, and is reported with what to do in OneDrive', async () => {
    const { own, b, aId } = await team();
    await writeFile(join(own, 'b-00000003.dsb'), '');
    const status = member(await b.service.check());
    expect(await batchesOf(b, aId)).toEqual([1, 2]);
    expect(status.problems).toContainEqual({
      file: `desks/${aId}/b-00000003.dsb`,
      kind: 'placeholder',
      message: expect.stringMatching(/not downloaded yet.*Always keep on this device/),
    });
    await expect(b.service.readBatch(aId, 3)).rejects.toThrow(/not downloaded yet/);
  });

  it('sync-client conflict copies are skipped and reported, and the real files still read', async () => {
    const { own, b, aId } = await team();
    const one = await readFile(join(own, 'b-00000001.dsb'));
    await writeFile(join(own, 'b-00000001-DESKTOP-1.dsb'), one);
    await writeFile(join(own, 'b-00000002 (1).dsb'), one);
    await writeFile(join(own, 'desk-LAPTOP.json'), await readFile(join(own, 'desk.json')));
    const status = member(await b.service.check());
    expect(await batchesOf(b, aId)).toEqual([1, 2]);
    expect(
      status.problems
        .filter((p) => p.kind === 'conflict-copy')
        .map((p) => p.file)
        .sort(),
    ).toEqual(['b-00000001-DESKTOP-1.dsb', 'b-00000002 (1).dsb', 'desk-LAPTOP.json'].map((n) => `desks/${aId}/${n}`));
    expect((await b.service.readBatch(aId, 2)).docs).toHaveLength(2);
  });

  it('a batch with a bad signature, or whose checksum does not match, is refused and reported', async () => {
    const { own, folder, b, aId } = await team();
    const envelope = JSON.parse(await readFile(join(own, 'b-00000001.dsb'), 'utf8'));
    await writeFile(join(own, 'b-00000001.dsb'), JSON.stringify({ ...envelope, writtenAt: '2031-01-01T00:00:00.000Z' }));
    await expect(b.service.readBatch(aId, 1)).rejects.toThrow(/not signed by the desk/);
    const c = envelope.ciphertext as string;
    await writeFile(
      join(own, 'b-00000002.dsb'),
      JSON.stringify({ ...envelope, seq: 2, ciphertext: (c[0] === 'A' ? 'B' : 'A') + c.slice(1) }),
    );
    await expect(b.service.readBatch(aId, 2)).rejects.toThrow(/not signed|damaged/);
    // Signed with a key that is not the desk's (someone with the team key but not the desk's).
    const teamId = JSON.parse(await readFile(join(folder, 'team.json'), 'utf8')).teamId;
    const forged = await sealBatch({
      team: teamId,
      desk: aId,
      seq: 3,
      writtenAt: 'x',
      key: newDataKey(),
      privateKey: (await newDeskKeys()).privateKey,
      content: { docs: docs(1, aId) },
    });
    await writeFile(join(own, 'b-00000003.dsb'), forged);
    await expect(b.service.readBatch(aId, 3)).rejects.toThrow(/not signed by the desk/);
    const kinds = member(await b.service.status()).problems.map((p) => [p.file.split('/').pop(), p.kind]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['b-00000001.dsb', 'bad-signature'],
        ['b-00000003.dsb', 'bad-signature'],
      ]),
    );
  });

  it('a damaged ciphertext under a good signature is refused as damaged', async () => {
    const { own, b, aId } = await team();
    const envelope = JSON.parse(await readFile(join(own, 'b-00000001.dsb'), 'utf8'));
    const c = envelope.ciphertext as string;
    await writeFile(join(own, 'b-00000001.dsb'), JSON.stringify({ ...envelope, ciphertext: (c[5] === 'A' ? 'B' : 'A') + c.slice(1) }));
    await expect(b.service.readBatch(aId, 1)).rejects.toThrow(/checksum does not match/);
    expect(member(await b.service.status()).problems).toContainEqual(expect.objectContaining({ kind: 'damaged' }));
  });

  it('a later desk.json with another key is refused (trust on first use), and batches signed with that key too', async () => {
    const { own, folder, b, aId } = await team();
    const impostor = await newDeskKeys();
    const deskFile = JSON.parse(await readFile(join(own, 'desk.json'), 'utf8'));
    await writeFile(join(own, 'desk.json'), JSON.stringify({ ...deskFile, publicKey: impostor.publicKey }));
    const status = member(await b.service.check());
    expect(status.problems).toContainEqual(
      expect.objectContaining({
        kind: 'bad-signature',
        file: `desks/${aId}/desk.json`,
        message: expect.stringMatching(/different signing key/),
      }),
    );
    const teamId = JSON.parse(await readFile(join(folder, 'team.json'), 'utf8')).teamId;
    // Even holding the team key, a batch signed by the impostor's key is refused.
    const key = newDataKey();
    const forged = await sealBatch({
      team: teamId,
      desk: aId,
      seq: 3,
      writtenAt: 'x',
      key,
      privateKey: impostor.privateKey,
      content: { docs: docs(1, aId) },
    });
    await writeFile(join(own, 'b-00000003.dsb'), forged);
    await expect(b.service.readBatch(aId, 3)).rejects.toThrow(/not signed by the desk/);
    expect((await b.service.readBatch(aId, 1)).docs).toHaveLength(2);
  });

  it('unknown files and copies of desks’ folders and team.json are reported and left alone', async () => {
    const { own, folder, b } = await team();
    await writeFile(join(own, 'notes.txt'), 'hello');
    await writeFile(join(folder, 'team (1).json'), 'x');
    await mkdir(join(folder, 'desks', 'New folder'));
    const status = member(await b.service.check());
    expect(status.problems.map((p) => p.kind).sort()).toEqual(['conflict-copy', 'unknown-file', 'unknown-file']);
    expect(await readFile(join(own, 'notes.txt'), 'utf8')).toBe('hello');
    expect((await readdir(folder)).sort()).toEqual(['desks', 'team (1).json', 'team.json']);
  });

  it('folder I/O never throws into main: checking a folder that became a file resolves with a reason', async () => {
    const { folder, b } = await team();
    await rename(folder, `${folder}-away`);
    await writeFile(folder, 'not a folder');
    const status = member(await b.service.check());
    expect(status.reachable).toBe(false);
    expect(status.unreachableReason).toMatch(/is a file, not a folder/);
  });
});
