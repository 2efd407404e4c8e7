import type { AuditEntry } from '../models/audit';
import { canonicalJson, sha256Hex } from './sha256';

/** The hash of an entry: its id, fields and the previous hash, canonically serialised. */
export function hashEntry(entry: AuditEntry, prevHash: string): string {
  const { hash: _h, prevHash: _p, ...fields } = entry;
  return sha256Hex(canonicalJson({ ...fields, prevHash }));
}

export type ChainProblem = { id: number; reason: string } | null;

/**
 * Checks entries in id order: each must carry the hash of the one before and a hash that matches
 * its own content, and ids must not skip (a removed entry). Returns the first broken link.
 */
export function checkLink(entry: AuditEntry, previous: AuditEntry | null): ChainProblem {
  const id = entry.id ?? -1;
  const expectedPrev = previous?.hash ?? '';
  if (previous && id !== (previous.id ?? 0) + 1)
    return { id, reason: `entry ${(previous.id ?? 0) + 1} is missing (entries jump from ${previous.id} to ${id})` };
  if (entry.prevHash !== expectedPrev)
    return { id, reason: `entry ${id} does not follow on from entry ${previous?.id ?? 'none'} (the link to the previous entry is broken)` };
  if (entry.hash !== hashEntry(entry, expectedPrev))
    return { id, reason: `entry ${id} has been changed since it was written (its contents no longer match its hash)` };
  return null;
}
