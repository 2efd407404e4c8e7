import { appendFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { effectiveAnchors } from '../../../shared/domain/audit-witness';
import { createAuditWitness } from '../../../electron/main/services/audit-witness';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dosdesk-witness-'));
});
const hash = (c: string) => c.repeat(64);

describe('the audit witness in the data folder', () => {
  it('appends each head as a line, kept across a restart, and refuses one that goes back or swaps a hash', async () => {
    const w = createAuditWitness(dataDir);
    await w.anchor({ id: 1, hash: hash('a') });
    await w.anchor({ id: 3, hash: hash('b') });
    await expect(w.anchor({ id: 2, hash: hash('c') })).rejects.toThrow(/no longer follows on from entry 3/);
    await expect(w.anchor({ id: 3, hash: hash('d') })).rejects.toThrow(/no longer follows on from entry 3/);
    await w.anchor({ id: 3, hash: hash('b') });
    const again = createAuditWitness(dataDir);
    await expect(again.anchor({ id: 2, hash: hash('c') })).rejects.toThrow(/entry 3/);
    const log = await again.read();
    expect(log.lines.map((l) => l.kind === 'head' && l.id)).toEqual([1, 3]);
    expect(log.unreadable).toEqual([]);
    expect(log.file).toBe(join(dataDir, 'audit-anchors.log'));
  });

  it('a line cut off by a crash is listed, and the next head goes on its own line', async () => {
    const w = createAuditWitness(dataDir);
    await w.anchor({ id: 1, hash: hash('a') });
    await appendFile(join(dataDir, 'audit-anchors.log'), '{"kind":"head","id":2,"ha');
    const after = createAuditWitness(dataDir);
    await after.anchor({ id: 2, hash: hash('b') });
    const log = await after.read();
    expect(log.unreadable).toEqual([2]);
    expect(effectiveAnchors(log.lines).maxId).toBe(2);
    expect((await readFile(join(dataDir, 'audit-anchors.log'), 'utf8')).split('\n')).toHaveLength(4);
  });

  it('a restore onto lost records says which witnessed entries are gone, and work goes on from the new head', async () => {
    const w = createAuditWitness(dataDir);
    for (let id = 1; id <= 5; id++) await w.anchor({ id, hash: hash(String(id)) });
    expect(await w.recordRestore({ keptUpTo: 2, head: { id: 3, hash: hash('e') }, backup: 'the daily backup', by: 'Priya Shah' })).toEqual({
      lost: { from: 3, to: 5 },
    });
    await w.anchor({ id: 4, hash: hash('f') });
    const anchors = effectiveAnchors((await w.read()).lines);
    expect([...anchors.byId.entries()]).toEqual([
      [1, hash('1')],
      [2, hash('2')],
      [3, hash('e')],
      [4, hash('f')],
    ]);
    expect(anchors.losses).toEqual([expect.objectContaining({ lost: { from: 3, to: 5 }, by: 'Priya Shah', backup: 'the daily backup' })]);
  });

  it('adopts the head of a trail written before the witness, once', async () => {
    const w = createAuditWitness(dataDir);
    expect(await w.adopt({ id: 40, hash: hash('a') })).toEqual({ witnessedUpTo: 40 });
    expect(await w.adopt({ id: 2, hash: hash('b') })).toEqual({ witnessedUpTo: 40 });
    expect(effectiveAnchors((await w.read()).lines).adopted).toMatchObject({ id: 40 });
  });
});
