import { createHash, randomBytes, webcrypto } from 'node:crypto';
import * as ed from '@noble/ed25519';

/**
 * The team folder's cryptography (issue 17), all from libraries: AES-256-GCM and PBKDF2-SHA256 from
 * WebCrypto, Ed25519 from `@noble/ed25519` (its async API, which hashes with WebCrypto's SHA-512),
 * SHA-256 from Node. Team data keys are random; a key-encryption key derived from the passphrase
 * wraps them, so changing the passphrase re-wraps the keys and never re-encrypts a batch.
 */

const subtle = webcrypto.subtle;

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. Tests pass fewer; team.json records the count used. */
export const DEFAULT_KDF_ITERATIONS = 600_000;
/** The iteration counts a team.json may ask for: fewer is too weak, more would hang the desk. */
export const MIN_KDF_ITERATIONS = 100_000;
export const MAX_KDF_ITERATIONS = 10_000_000;

export const b64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
export const fromB64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));
export const randomId = (): string => randomBytes(8).toString('hex');

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A team data key as main holds it once unwrapped: its id (as team.json names it) and 32 raw bytes. */
export interface DataKey {
  id: string;
  raw: Uint8Array;
}

export function newDataKey(): DataKey {
  return { id: randomId(), raw: new Uint8Array(randomBytes(32)) };
}

export function newSalt(): string {
  return b64(new Uint8Array(randomBytes(16)));
}

/** The key-encryption key: PBKDF2-SHA256 of the passphrase; it only ever encrypts data keys and the check. */
export async function deriveKek(passphrase: string, salt: string, iterations: number): Promise<webcrypto.CryptoKey> {
  // NFC first, so the same passphrase typed on a Mac (decomposed accents) and on Windows opens the team.
  const base = await subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromB64(salt), iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export interface Sealed {
  iv: string;
  data: string;
}

async function gcmKey(raw: Uint8Array): Promise<webcrypto.CryptoKey> {
  return subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** AES-256-GCM with a fresh 96-bit IV; `aad` binds the ciphertext to where it belongs. */
export async function encrypt(
  key: webcrypto.CryptoKey | Uint8Array,
  plain: Uint8Array,
  aad?: string,
): Promise<{ iv: Uint8Array; data: Uint8Array }> {
  const iv = new Uint8Array(randomBytes(12));
  const k = key instanceof Uint8Array ? await gcmKey(key) : key;
  const params = aad === undefined ? { name: 'AES-GCM', iv } : { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(aad) };
  return { iv, data: new Uint8Array(await subtle.encrypt(params, k, plain)) };
}

/** Rejects (an OperationError) when the key, the IV, the AAD or one byte of the data is wrong. */
export async function decrypt(key: webcrypto.CryptoKey | Uint8Array, iv: Uint8Array, data: Uint8Array, aad?: string): Promise<Uint8Array> {
  const k = key instanceof Uint8Array ? await gcmKey(key) : key;
  const params = aad === undefined ? { name: 'AES-GCM', iv } : { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(aad) };
  return new Uint8Array(await subtle.decrypt(params, k, data));
}

/** The known text team.json's `check` holds: a wrong passphrase fails on it before any key is tried. */
const CHECK_TEXT = 'dos-desk-team passphrase check';

export async function sealCheck(kek: webcrypto.CryptoKey, teamId: string): Promise<Sealed> {
  const { iv, data } = await encrypt(kek, new TextEncoder().encode(CHECK_TEXT), `check:${teamId}`);
  return { iv: b64(iv), data: b64(data) };
}

/** Whether the passphrase behind `kek` is the one that sealed `check`. */
export async function passesCheck(kek: webcrypto.CryptoKey, teamId: string, check: Sealed): Promise<boolean> {
  try {
    const plain = await decrypt(kek, fromB64(check.iv), fromB64(check.data), `check:${teamId}`);
    return new TextDecoder().decode(plain) === CHECK_TEXT;
  } catch {
    return false;
  }
}

export async function wrapKey(
  kek: webcrypto.CryptoKey,
  teamId: string,
  key: DataKey,
): Promise<{ id: string; iv: string; wrapped: string }> {
  const { iv, data } = await encrypt(kek, key.raw, `key:${teamId}:${key.id}`);
  return { id: key.id, iv: b64(iv), wrapped: b64(data) };
}

export async function unwrapKey(
  kek: webcrypto.CryptoKey,
  teamId: string,
  entry: { id: string; iv: string; wrapped: string },
): Promise<DataKey> {
  const raw = await decrypt(kek, fromB64(entry.iv), fromB64(entry.wrapped), `key:${teamId}:${entry.id}`);
  if (raw.length !== 32) throw new Error('A team key is not 32 bytes');
  return { id: entry.id, raw };
}

/** A desk's signing key pair, base64. */
export interface DeskKeys {
  privateKey: string;
  publicKey: string;
}

export async function newDeskKeys(): Promise<DeskKeys> {
  const secret = ed.utils.randomSecretKey();
  const pub = await ed.getPublicKeyAsync(secret);
  return { privateKey: b64(secret), publicKey: b64(pub) };
}

export async function publicKeyOf(privateKey: string): Promise<string> {
  return b64(await ed.getPublicKeyAsync(fromB64(privateKey)));
}

export async function sign(privateKey: string, message: string): Promise<string> {
  return b64(await ed.signAsync(new TextEncoder().encode(message), fromB64(privateKey)));
}

/** False (never a throw) for a signature that is malformed, made by another key or over other text. */
export async function verify(publicKey: string, message: string, signature: string): Promise<boolean> {
  try {
    const sig = fromB64(signature);
    const pub = fromB64(publicKey);
    if (sig.length !== 64 || pub.length !== 32) return false;
    return await ed.verifyAsync(sig, new TextEncoder().encode(message), pub);
  } catch {
    return false;
  }
}

/**
 * The text a signature covers: every field but the signature, in a fixed order, as JSON. The same
 * fields always give the same text, whatever order a file holds them in.
 */
export function canonical(fields: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(fields)
      .filter((k) => k !== 'signature')
      .sort()
      .map((k) => [k, fields[k]]),
  );
}
