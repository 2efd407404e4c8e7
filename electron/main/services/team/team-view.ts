import { z } from 'zod';
import type { TeamDesk, TeamProblem } from '../../../../shared/sync/team';
import type { Listing } from './folder-listing';
import { verifyRemoval } from './team-files';
import type { Membership } from './team-state';

/**
 * What this desk knows of the team's desks, from the latest listing and what it knew before
 * (issue 17): the public key it trusts for each (the first one seen; a later, different desk.json
 * is refused), which desks were removed (by a notice signed by a known desk) and which batches are
 * there. A desk whose folder cannot be listed now keeps what was known of it, never "no batches".
 */

export const DeskViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  batches: z.array(z.number().int()),
  snapshots: z.array(z.number().int()),
  lastSeenAt: z.string().nullable(),
  /** Removed from the team: its batches up to this number stay readable. */
  keepUpToSeq: z.number().int().nullable(),
  /** The highest batch number any name in its folder uses (what a removal keeps). */
  highestName: z.number().int(),
});
export type DeskView = z.infer<typeof DeskViewSchema>;
export const SavedListingSchema = z.object({ desks: z.array(DeskViewSchema) });

export interface Applied {
  desks: Map<string, DeskView>;
  problems: TeamProblem[];
  /** The membership with newly seen desks remembered (the same object when nothing changed). */
  membership: Membership;
}

/** Folds a reachable listing into the desks this desk knows. */
export async function applyListing(
  listing: Extract<Listing, { reachable: true }>,
  membership: Membership,
  previous: ReadonlyMap<string, DeskView>,
  now: Date,
): Promise<Applied> {
  const problems = [...listing.problems];
  let known = membership.knownDesks;
  const remember = (id: string, entry: Membership['knownDesks'][string]) => {
    known = { ...known, [id]: entry };
  };

  for (const desk of listing.desks.values()) {
    const file = desk.deskFile;
    if (!file) {
      if (!desk.unreadable && !known[desk.id])
        problems.push({
          file: `desks/${desk.id}`,
          kind: 'half-written',
          message: `The folder of a new desk (desks/${desk.id}) has no readable desk.json yet: its batches will be read once it arrives.`,
        });
      continue;
    }
    const seen = known[desk.id];
    if (!seen) remember(desk.id, { publicKey: file.publicKey, name: file.name, firstSeenAt: now.toISOString() });
    else if (seen.publicKey !== file.publicKey)
      problems.push({
        file: `desks/${desk.id}/desk.json`,
        kind: 'bad-signature',
        message: `desk.json of "${seen.name}" now holds a different signing key from the one this desk first saw on ${seen.firstSeenAt.slice(0, 10)}: it was refused, and batches signed with the new key are refused too. If that desk was really set up again, remove it and let it join as a new desk.`,
      });
    else if (seen.name !== file.name) remember(desk.id, { ...seen, name: file.name });
  }

  // Removal notices count when signed by a desk this desk knows and has not itself seen removed
  // (two desks removing each other in one listing both count); a desk cannot remove itself. A
  // removal once honoured is kept in the membership for good: a notice that later vanishes, or
  // becomes a placeholder, changes nothing.
  const removedBefore = membership.removedDesks;
  let removedDesks = removedBefore;
  for (const desk of listing.desks.values()) {
    const key = known[desk.id]?.publicKey;
    for (const notice of desk.removals) {
      if (removedBefore[desk.id]) {
        problems.push({
          file: notice.file,
          kind: 'removed-desk',
          message: `${notice.file} is a removal notice from a desk that was itself removed from the team: it was ignored.`,
        });
        continue;
      }
      const checked = key ? await verifyRemoval(notice.text, key, membership.teamId, desk.id) : null;
      if (!checked) {
        problems.push({
          file: notice.file,
          kind: key ? 'bad-signature' : 'half-written',
          message: key
            ? `${notice.file} is a removal notice not signed by the desk whose folder holds it: it was ignored.`
            : `${notice.file} is a removal notice from a desk whose desk.json has not arrived yet: it will be read then.`,
        });
        continue;
      }
      const had = removedDesks[checked.deskId];
      if (!had || checked.keepUpToSeq > had.keepUpToSeq)
        removedDesks = { ...removedDesks, [checked.deskId]: { keepUpToSeq: checked.keepUpToSeq, by: had?.by ?? desk.id } };
    }
  }
  const removed = new Map(Object.entries(removedDesks).map(([id, r]) => [id, r.keepUpToSeq]));

  const desks = new Map<string, DeskView>();
  for (const desk of listing.desks.values()) {
    const trusted = known[desk.id];
    if (!trusted) continue;
    const before = previous.get(desk.id);
    if (desk.unreadable) {
      if (before) desks.set(desk.id, { ...before, keepUpToSeq: removed.get(desk.id) ?? before.keepUpToSeq });
      continue;
    }
    const keepUpToSeq = removed.get(desk.id) ?? null;
    const seqs = [...desk.batches.keys()].sort((a, b) => a - b);
    const kept: number[] = [];
    for (const seq of seqs) {
      if (keepUpToSeq !== null && seq > keepUpToSeq) {
        const file = `desks/${desk.id}/b-${String(seq).padStart(8, '0')}.dsb`;
        problems.push({
          file,
          kind: 'removed-desk',
          message: `${file} was written by "${trusted.name}" after it was removed from the team: it was refused.`,
        });
      } else kept.push(seq);
    }
    const newest = kept.length ? desk.batches.get(kept[kept.length - 1]!) : undefined;
    desks.set(desk.id, {
      id: desk.id,
      name: trusted.name,
      batches: kept,
      snapshots: kept.filter((seq) => desk.batches.get(seq)!.snapshot),
      lastSeenAt: newest?.writtenAt ?? null,
      keepUpToSeq,
      highestName: desk.highestName,
    });
  }
  // A known desk whose folder is not there now (not synced yet, or moved) keeps what was known.
  for (const [id, before] of previous)
    if (!desks.has(id) && known[id]) desks.set(id, { ...before, keepUpToSeq: removed.get(id) ?? before.keepUpToSeq });

  const unchanged = known === membership.knownDesks && removedDesks === membership.removedDesks;
  return { desks, problems, membership: unchanged ? membership : { ...membership, knownDesks: known, removedDesks } };
}

/** The desks as the Team page shows them: this desk first, then by name. */
export function teamDesks(desks: ReadonlyMap<string, DeskView>, you: string): TeamDesk[] {
  return [...desks.values()]
    .map((d) => ({
      id: d.id,
      name: d.name,
      you: d.id === you,
      removed: d.keepUpToSeq !== null,
      lastSeenAt: d.lastSeenAt,
      batches: d.batches,
      snapshots: d.snapshots,
    }))
    .sort((a, b) => Number(b.you) - Number(a.you) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
