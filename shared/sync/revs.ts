import { canonicalJson, sha256Hex } from '../domain/sha256';

/** The generation of a revision (`3-abc…` → 3). */
export function generation(rev: string): number {
  return Number(rev.slice(0, rev.indexOf('-')));
}

export function revHash(rev: string): string {
  return rev.slice(rev.indexOf('-') + 1);
}

/**
 * The id of a revision this desk makes: deterministic in what it is made from (the desk, the
 * revision it edits, the change it carries and the content), so pushing the same change twice
 * (after a crash part-way) makes the same revision, which PouchDB takes once, not a sibling.
 */
export function childRev(
  parent: { rev: string; ids: string[] } | null,
  seed: string,
): { rev: string; revisions: { start: number; ids: string[] } } {
  const hash = sha256Hex(`${parent?.rev ?? ''}\n${seed}`).slice(0, 32);
  const start = (parent ? generation(parent.rev) : 0) + 1;
  return { rev: `${start}-${hash}`, revisions: { start, ids: [hash, ...(parent?.ids ?? [])].slice(0, 100) } };
}

/** What a record holds, as a short digest (key order does not matter): equal digests, nothing changed. */
export function contentDigest(value: unknown): string {
  return value === undefined ? 'deleted' : sha256Hex(canonicalJson(value)).slice(0, 32);
}
