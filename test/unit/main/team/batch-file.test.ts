import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openBatch, peekHeader, sealBatch, TeamFault, type OpenExpect } from '../../../../electron/main/services/team/batch-file';
import { newDataKey, newDeskKeys } from '../../../../electron/main/services/team/team-crypto';
import { docs } from './fixtures';

const team = randomUUID();
const desk = randomUUID();

async function setup() {
  const keys = await newDeskKeys();
  const key = newDataKey();
  const content = { docs: docs(3, desk), snapshot: null };
  const text = await sealBatch({ team, desk, seq: 7, writtenAt: '2026-12-02T10:00:00.000Z', key, privateKey: keys.privateKey, content });
  const expect: OpenExpect = {
    team,
    desk,
    seq: 7,
    keyFor: (id) => (id === desk ? keys.publicKey : null),
    keys: new Map([[key.id, key]]),
    label: 'desks/x/b-00000007.dsb',
  };
  return { keys, key, content, text, expect };
}

async function fault(promise: Promise<unknown>): Promise<TeamFault> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TeamFault) return error;
    throw error;
  }
  throw new Error('expected a TeamFault');
}

describe('a batch file', () => {
  it('round-trips: signed, encrypted, its header readable from the first bytes without the key', async () => {
    const { text, expect: exp, content } = await setup();
    expect(text).not.toContain('Person 1');
    const read = await openBatch(text, exp);
    expect(read).toMatchObject({ deskId: desk, seq: 7, writtenAt: '2026-12-02T10:00:00.000Z', docs: content.docs, snapshot: null });
    expect(peekHeader(text.slice(0, 1000))).toMatchObject({ desk, seq: 7, snapshot: false, team });
    expect(peekHeader('{"format":1')).toBeNull();
  });

  it('a snapshot part says so in its header', async () => {
    const { keys, key } = await setup();
    const snapshot = { id: randomUUID(), part: 1, parts: 2, covers: { [desk]: [1, 2, 3] } };
    const text = await sealBatch({
      team,
      desk,
      seq: 1,
      writtenAt: 'now',
      key,
      privateKey: keys.privateKey,
      content: { docs: docs(1, desk), snapshot },
    });
    expect(peekHeader(text)?.snapshot).toBe(true);
  });

  it('zero bytes is a placeholder; a file cut short is half-written', async () => {
    const { text, expect: exp } = await setup();
    expect((await fault(openBatch('', exp))).kind).toBe('placeholder');
    expect((await fault(openBatch('', exp))).message).toMatch(/Always keep on this device/);
    expect((await fault(openBatch(text.slice(0, text.length - 10), exp))).kind).toBe('half-written');
  });

  it('a changed ciphertext is damaged (checksum); a changed header or another signer is a bad signature', async () => {
    const { text, expect: exp, keys, key } = await setup();
    const envelope = JSON.parse(text) as Record<string, string>;
    const c = envelope.ciphertext!;
    const flipped = JSON.stringify({ ...envelope, ciphertext: (c[0] === 'A' ? 'B' : 'A') + c.slice(1) });
    expect((await fault(openBatch(flipped, exp))).kind).toBe('damaged');
    const moved = JSON.stringify({ ...envelope, writtenAt: '2030-01-01T00:00:00.000Z' });
    expect((await fault(openBatch(moved, exp))).kind).toBe('bad-signature');
    const other = await newDeskKeys();
    const forged = await sealBatch({
      team,
      desk,
      seq: 7,
      writtenAt: 'x',
      key,
      privateKey: other.privateKey,
      content: { docs: docs(1, desk) },
    });
    expect((await fault(openBatch(forged, exp))).kind).toBe('bad-signature');
    expect((await fault(openBatch(text, { ...exp, keyFor: () => null }))).kind).toBe('bad-signature');
    expect(keys.publicKey).not.toBe(other.publicKey);
  });

  it('a key this desk does not hold is unknown-key; another name, team or form is damaged', async () => {
    const { text, expect: exp } = await setup();
    expect((await fault(openBatch(text, { ...exp, keys: new Map() }))).kind).toBe('unknown-key');
    expect((await fault(openBatch(text, { ...exp, seq: 8 }))).kind).toBe('damaged');
    expect((await fault(openBatch(text, { ...exp, team: randomUUID() }))).kind).toBe('damaged');
    expect((await fault(openBatch('{"hello":1}', exp))).kind).toBe('damaged');
  });

  it('records inside that break the document format are refused as damaged', async () => {
    const { keys, key, expect: exp } = await setup();
    const bad = [{ ...docs(1, desk)[0]!, _rev: 'not-a-rev' }];
    const text = await sealBatch({ team, desk, seq: 7, writtenAt: 'x', key, privateKey: keys.privateKey, content: { docs: bad as never } });
    expect((await fault(openBatch(text, exp))).kind).toBe('damaged');
  });
});
