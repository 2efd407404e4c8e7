import { describe, expect, it } from 'vitest';
import {
  canonical,
  decrypt,
  deriveKek,
  encrypt,
  newDataKey,
  newDeskKeys,
  newSalt,
  passesCheck,
  publicKeyOf,
  sealCheck,
  sign,
  unwrapKey,
  verify,
  wrapKey,
} from '../../../../electron/main/services/team/team-crypto';
import { makeTeamFile, openTeamFile, rewrapTeamFile, WRONG_PASSPHRASE } from '../../../../electron/main/services/team/team-files';
import { PASSPHRASE, TEST_ITERATIONS } from './fixtures';

const TEAM = '6f1c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';

describe('team crypto', () => {
  it('wraps a data key under a passphrase-derived key, and only that passphrase unwraps it', async () => {
    const salt = newSalt();
    const kek = await deriveKek(PASSPHRASE, salt, TEST_ITERATIONS);
    const key = newDataKey();
    const wrapped = await wrapKey(kek, TEAM, key);
    expect(wrapped.wrapped).not.toContain(Buffer.from(key.raw).toString('base64'));
    expect(await unwrapKey(await deriveKek(PASSPHRASE, salt, TEST_ITERATIONS), TEAM, wrapped)).toEqual(key);
    await expect(unwrapKey(await deriveKek('another passphrase', salt, TEST_ITERATIONS), TEAM, wrapped)).rejects.toThrow();
    // Bound to its team and id: the same wrapped bytes under another id do not open.
    await expect(unwrapKey(kek, TEAM, { ...wrapped, id: '0000000000000000' })).rejects.toThrow();
  });

  it('the check tells a wrong passphrase apart, and the iteration count changes the key', async () => {
    const salt = newSalt();
    const kek = await deriveKek(PASSPHRASE, salt, TEST_ITERATIONS);
    const check = await sealCheck(kek, TEAM);
    expect(await passesCheck(kek, TEAM, check)).toBe(true);
    expect(await passesCheck(await deriveKek(`${PASSPHRASE}!`, salt, TEST_ITERATIONS), TEAM, check)).toBe(false);
    expect(await passesCheck(await deriveKek(PASSPHRASE, salt, TEST_ITERATIONS + 1), TEAM, check)).toBe(false);
    expect(await passesCheck(await deriveKek(PASSPHRASE, newSalt(), TEST_ITERATIONS), TEAM, check)).toBe(false);
  });

  it('AES-GCM refuses one changed byte, another key or other associated data', async () => {
    const key = newDataKey();
    const { iv, data } = await encrypt(key.raw, new TextEncoder().encode('records'), 'batch:1');
    expect(new TextDecoder().decode(await decrypt(key.raw, iv, data, 'batch:1'))).toBe('records');
    const flipped = data.slice();
    flipped[0]! ^= 1;
    await expect(decrypt(key.raw, iv, flipped, 'batch:1')).rejects.toThrow();
    await expect(decrypt(newDataKey().raw, iv, data, 'batch:1')).rejects.toThrow();
    await expect(decrypt(key.raw, iv, data, 'batch:2')).rejects.toThrow();
  });

  it('Ed25519 signatures verify only with the signing desk key and the same text; a malformed one is false, never a throw', async () => {
    const desk = await newDeskKeys();
    expect(await publicKeyOf(desk.privateKey)).toBe(desk.publicKey);
    const signature = await sign(desk.privateKey, 'hello');
    expect(await verify(desk.publicKey, 'hello', signature)).toBe(true);
    expect(await verify(desk.publicKey, 'hellO', signature)).toBe(false);
    expect(await verify((await newDeskKeys()).publicKey, 'hello', signature)).toBe(false);
    expect(await verify(desk.publicKey, 'hello', 'not base64!')).toBe(false);
    expect(await verify('', 'hello', signature)).toBe(false);
  });

  it('canonical text ignores field order and the signature', () => {
    expect(canonical({ b: 1, a: 'x', signature: 's' })).toBe(canonical({ a: 'x', b: 1 }));
    expect(canonical({ a: 'x', b: 2 })).not.toBe(canonical({ a: 'x', b: 1 }));
  });
});

describe('team.json', () => {
  it('records the KDF and its iterations, never the passphrase, and opens only with it', async () => {
    const { file, keys } = await makeTeamFile('North East DoS', PASSPHRASE, TEST_ITERATIONS, new Date('2026-12-02T10:00:00Z'));
    expect(file).toMatchObject({
      format: 1,
      app: 'dos-desk-team',
      name: 'North East DoS',
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: TEST_ITERATIONS },
    });
    expect(JSON.stringify(file)).not.toContain(PASSPHRASE);
    expect(await openTeamFile(file, PASSPHRASE, TEST_ITERATIONS)).toEqual(keys);
    await expect(openTeamFile(file, 'the wrong passphrase', TEST_ITERATIONS)).rejects.toThrow(WRONG_PASSPHRASE);
  });

  it('a passphrase change re-wraps every key plus a new one (newest last) under a new salt', async () => {
    const { file, keys } = await makeTeamFile('Team', PASSPHRASE, TEST_ITERATIONS, new Date());
    await expect(rewrapTeamFile(file, 'wrong wrong wrong', 'new passphrase here', TEST_ITERATIONS)).rejects.toThrow(WRONG_PASSPHRASE);
    const changed = await rewrapTeamFile(file, PASSPHRASE, 'new passphrase here', TEST_ITERATIONS);
    expect(changed.keys.slice(0, 1)).toEqual(keys);
    expect(changed.keys).toHaveLength(2);
    expect(changed.file.kdf.salt).not.toBe(file.kdf.salt);
    expect(changed.file.keys.at(-1)!.id).toBe(changed.keys[1]!.id);
    expect(await openTeamFile(changed.file, 'new passphrase here', TEST_ITERATIONS)).toEqual(changed.keys);
    await expect(openTeamFile(changed.file, PASSPHRASE, TEST_ITERATIONS)).rejects.toThrow(WRONG_PASSPHRASE);
  });
});
