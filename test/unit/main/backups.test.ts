import { mkdtemp, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBackupService, type BackupOptions } from '../../../electron/main/services/backups';

let dir: string;
beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'dosdesk-backups-')), 'backups');
});

const service = (extra: Partial<BackupOptions> = {}) =>
  createBackupService({ dir, appVersion: '1.0.0', freeBytes: async () => 10 * 1024 ** 3, ...extra });
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function backup(s = service(), parts = ['{"formatName":"dexie",', '"data":"Zoë 🙂"}'], reason: 'daily' | 'pre-migration' = 'daily') {
  const { token } = await s.begin({ reason, schemaVersion: 5, counts: { accounts: 2 }, expectedBytes: 100 });
  for (const [i, p] of parts.entries()) await s.writeChunk(token, i, b64(p));
  return s.commit(token);
}

describe('backups written by main', () => {
  it('writes the parts atomically with a manifest whose SHA-256 matches, and reads them back', async () => {
    const s = service();
    const m = await backup(s);
    expect(m).toMatchObject({ format: 'dos-desk-backup', schemaVersion: 5, appVersion: '1.0.0', reason: 'daily', counts: { accounts: 2 } });
    const files = await readdir(dir);
    expect(files.sort()).toEqual([m.fileName, `${m.fileName}.manifest.json`].sort());
    const lines = (await readFile(join(dir, m.fileName), 'utf8')).split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'dos-desk-backup', formatVersion: 2, reason: 'daily', counts: { accounts: 2 } });
    expect(lines[1]).toBe('{"formatName":"dexie","data":"Zoë 🙂"}');
    expect(JSON.parse(lines[2]!)).toEqual({ section: 'outbox', entries: [] });
    expect(JSON.parse(lines[3]!)).toEqual({ section: 'anchors', text: '' });
    expect(JSON.parse(lines[4]!)).toMatchObject({ section: 'checksum', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await s.verify(m.fileName)).toEqual({ ok: true });
    expect((await s.list()).map((x) => x.fileName)).toEqual([m.fileName]);
    const chunk = await s.readChunk(m.fileName, 0, 10);
    expect(Buffer.from(chunk.base64, 'base64').toString('utf8')).toBe('{"format":');
    expect(chunk.total).toBe(m.bytes);
  });

  it('spots a truncated or corrupted backup', async () => {
    const s = service();
    const m = await backup(s);
    await truncate(join(dir, m.fileName), 10);
    expect(await s.verify(m.fileName)).toEqual({ ok: false, problem: expect.stringMatching(/truncated/) });
    const m2 = await backup(s);
    const text = await readFile(join(dir, m2.fileName), 'utf8');
    await writeFile(join(dir, m2.fileName), text.replace('dexie', 'dexiE'));
    expect(await s.verify(m2.fileName)).toEqual({ ok: false, problem: expect.stringMatching(/SHA-256/) });
  });

  it('a failure part-way leaves the earlier backups intact and no half file', async () => {
    const good = await backup();
    const failing = service({
      beforeWrite: (index) => {
        if (index === 1) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    });
    await expect(backup(failing)).rejects.toThrow(
      /^The backup could not be written, so it was abandoned\. The disk that holds DoS Desk’s data folder is full\. Free some space, then try again\. Earlier backups are unchanged\.$/,
    );
    expect((await readdir(dir)).sort()).toEqual([good.fileName, `${good.fileName}.manifest.json`].sort());
    expect(await service().verify(good.fileName)).toEqual({ ok: true });
  });

  it('refuses to start on a full disk, writing nothing', async () => {
    const good = await backup();
    await expect(backup(service({ freeBytes: async () => 1024 }))).rejects.toThrow(
      /not enough free disk space.*Earlier backups are unchanged/,
    );
    expect((await readdir(dir)).length).toBe(2);
    expect(good).toBeTruthy();
  });

  it('abandons a backup whose parts arrive out of order', async () => {
    const s = service();
    const { token } = await s.begin({ reason: 'manual', schemaVersion: 5, counts: {}, expectedBytes: 1 });
    await expect(s.writeChunk(token, 1, b64('x'))).rejects.toThrow(/out of order/);
    await expect(s.commit(token)).rejects.toThrow(/no longer in progress/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('rotates after each backup: 7 daily, 4 weekly and every pre-migration backup', async () => {
    let day = 0;
    const s = service({ now: () => new Date(Date.UTC(2026, 9, 1 + day, 12)) });
    await backup(s, ['{}'], 'pre-migration');
    for (day = 1; day < 40; day++) await backup(s, ['{}']);
    const kept = await s.list();
    expect(kept.filter((m) => m.reason === 'pre-migration')).toHaveLength(1);
    expect(kept.filter((m) => m.reason === 'daily').length).toBeLessThanOrEqual(11);
    expect(kept[0]!.createdAt).toBe('2026-11-09T12:00:00.000Z');
  });

  it('refuses to read anything that is not a backup file', async () => {
    await expect(service().readChunk('../settings.json', 0, 10)).rejects.toThrow(/not one of DoS Desk’s backup files/);
    await expect(service().verify('/etc/passwd')).rejects.toThrow(/not one of/);
  });
});

describe('backups check themselves and never break each other', () => {
  it('carries the outbox and the witness log, and a SHA-256 inside the file that catches one changed byte even with a matching manifest', async () => {
    const s = service({ sections: async () => ({ outbox: [{ id: 'm1', status: 'sent' }], anchors: '{"kind":"head"}\n' }) });
    const m = await backup(s);
    const file = join(dir, m.fileName);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('{"section":"outbox","entries":[{"id":"m1","status":"sent"}]}');
    expect(text).toContain(JSON.stringify({ section: 'anchors', text: '{"kind":"head"}\n' }));
    // Change one byte, then rewrite the manifest to match the changed file: the file's own checksum still catches it.
    const changed = text.replace('Zoë', 'Zoö');
    await writeFile(file, changed);
    const { createHash } = await import('node:crypto');
    const manifestFile = `${file}.manifest.json`;
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    manifest.bytes = Buffer.byteLength(changed);
    manifest.sha256 = createHash('sha256').update(changed).digest('hex');
    await writeFile(manifestFile, JSON.stringify(manifest));
    expect(await s.verify(m.fileName)).toEqual({
      ok: false,
      problem: expect.stringMatching(/does not match the SHA-256 checksum it carries/),
    });
  });

  it('a second backup begun while one is in progress leaves the first one whole', async () => {
    const s = service();
    const first = await s.begin({ reason: 'manual', schemaVersion: 5, counts: { accounts: 2 }, expectedBytes: 100 });
    await s.writeChunk(first.token, 0, b64('{"formatName":"dexie",'));
    const second = await backup(s, undefined, 'pre-migration');
    await s.writeChunk(first.token, 1, b64('"data":"Zoë 🙂"}'));
    const firstDone = await s.commit(first.token);
    expect(await s.verify(firstDone.fileName)).toEqual({ ok: true });
    expect(await s.verify(second.fileName)).toEqual({ ok: true });
  });

  it('a backup begun and never finished releases its temp file after the time limit', async () => {
    const s = service({ staleMs: 100 });
    const { token } = await s.begin({ reason: 'manual', schemaVersion: 5, counts: {}, expectedBytes: 10 });
    const temps = async () => (await readdir(dir)).filter((n) => n.endsWith('.tmp'));
    expect(await temps()).toHaveLength(1);
    await expect.poll(temps, { timeout: 10_000 }).toEqual([]);
    await expect(s.writeChunk(token, 0, b64('x'))).rejects.toThrow(/no longer in progress/);
  });
});
