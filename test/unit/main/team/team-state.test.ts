import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDataKey, newDeskKeys } from '../../../../electron/main/services/team/team-crypto';
import { createTeamState, type Membership } from '../../../../electron/main/services/team/team-state';
import { fakeSafeStorage, tempDir } from './fixtures';

const membership = (deskId: string): Membership => ({
  format: 1,
  folder: '/shared/team',
  teamId: '6f1c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
  teamName: 'T',
  deskId,
  deskName: 'D',
  publicKey: 'pk',
  joinedAt: '2026-12-02T10:00:00.000Z',
  lastSeq: 3,
  knownDesks: {},
  removedDesks: {},
  newestKeyId: null,
});

describe("main's own team state", () => {
  it('with the OS key store: the private key and team keys are written only encrypted, and read back', async () => {
    const dataDir = await tempDir('state');
    const store = createTeamState(dataDir, fakeSafeStorage());
    const desk = await newDeskKeys();
    const key = newDataKey();
    await store.saveMembership(membership(crypto.randomUUID()));
    await store.saveSecrets(desk.privateKey, [key]);
    const raw = await readFile(join(dataDir, 'team', 'secrets.bin'), 'latin1');
    expect(raw).not.toContain(desk.privateKey);
    expect(raw).not.toContain(Buffer.from(key.raw).toString('base64'));
    const loaded = await store.load();
    expect(loaded).toMatchObject({ privateKey: desk.privateKey, keys: [key], membership: { lastSeq: 3 } });
    expect(store.keysProtected()).toBe(true);
  });

  it('without one: the team keys are never written; the private key is in a file only this user can read', async () => {
    const dataDir = await tempDir('state');
    const store = createTeamState(dataDir, null);
    const desk = await newDeskKeys();
    const key = newDataKey();
    await store.saveMembership(membership(crypto.randomUUID()));
    await store.saveSecrets(desk.privateKey, [key]);
    expect((await readdir(join(dataDir, 'team'))).sort()).toEqual(['desk-key.json', 'membership.json']);
    expect((await stat(join(dataDir, 'team', 'desk-key.json'))).mode & 0o777).toBe(0o600);
    const loaded = await store.load();
    expect(loaded).toMatchObject({ privateKey: desk.privateKey, keys: [] });
    expect(store.keysProtected()).toBe(false);
    await store.clear();
    expect((await store.load()).membership).toBeNull();
  });

  it('a damaged membership file reads as no team, never as a crash', async () => {
    const dataDir = await tempDir('state');
    const store = createTeamState(dataDir, null);
    await store.saveMembership(membership(crypto.randomUUID()));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dataDir, 'team', 'membership.json'), '{"format":1,');
    expect((await store.load()).membership).toBeNull();
  });
});
