/**
 * SHA-256 of a UTF-8 string or bytes, synchronously, as lowercase hex, from `@noble/hashes`.
 * Synchronous on purpose: the audit chain is hashed inside a Dexie transaction, where awaiting
 * `crypto.subtle` would let the transaction commit early (GUIDE §3). Checked against Node's
 * crypto in the unit tests.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function sha256Hex(message: string): string {
  return bytesToHex(sha256(utf8ToBytes(message)));
}

/** SHA-256 of bytes, as lowercase hex. */
export function sha256HexOfBytes(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** JSON with object keys sorted, so the same record always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
