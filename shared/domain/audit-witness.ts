import type { AuditEntry } from '../models/audit';

/**
 * The audit trail's witness: main keeps the head of the hash chain (entry id and hash) in an
 * append-only, fsync'd log outside IndexedDB (`<data folder>/audit-anchors.log`, one JSON line per
 * anchor). Whoever can edit IndexedDB can re-hash the whole chain so that it checks out against
 * itself; they cannot make it match hashes main wrote down earlier. This module holds the log's
 * line shapes and the comparison, shared by main (which writes) and the renderer (which verifies).
 */

/** A chain head, written after every committed transaction that added audit entries. */
export interface HeadAnchor {
  kind: 'head';
  id: number;
  hash: string;
  at: string;
}

/**
 * The trail was put back from a backup because the records on this desk had been lost (the trail
 * was empty). Entries the desk had witnessed after the backup's newest entry are gone for good:
 * `lost` names them, and Verify reports them for ever. Anchors above `keptUpTo` written before this
 * line no longer apply.
 */
export interface RestoreAnchor {
  kind: 'restored';
  keptUpTo: number;
  lost: { from: number; to: number } | null;
  backup: string;
  by: string;
  at: string;
}

/**
 * The trail existed before this desk kept a witness (an older DoS Desk): its head at the time is
 * adopted, so entries up to it are checked against their own hashes only.
 */
export interface AdoptAnchor {
  kind: 'adopted';
  id: number;
  hash: string;
  at: string;
}

export type AnchorLine = HeadAnchor | RestoreAnchor | AdoptAnchor;

/** What main hands over: the parsed lines, and any line it could not read (a torn last write). */
export interface AnchorLog {
  lines: AnchorLine[];
  /** Lines that could not be read, by line number (1-based). A torn final line after a crash is one. */
  unreadable: number[];
  /** Where the log is kept, for the Audit screen to name. */
  file: string;
}

/** The anchors in force: id → hash, after restores have dropped what they lost. */
export interface EffectiveAnchors {
  byId: Map<number, string>;
  /** Highest witnessed id, or 0. */
  maxId: number;
  losses: RestoreAnchor[];
  adopted: AdoptAnchor | null;
}

export function effectiveAnchors(lines: readonly AnchorLine[]): EffectiveAnchors {
  const byId = new Map<number, string>();
  const losses: RestoreAnchor[] = [];
  let adopted: AdoptAnchor | null = null;
  for (const line of lines) {
    if (line.kind === 'restored') {
      for (const id of [...byId.keys()]) if (id > line.keptUpTo) byId.delete(id);
      if (line.lost) losses.push(line);
    } else {
      byId.set(line.id, line.hash);
      if (line.kind === 'adopted' && !adopted) adopted = line;
    }
  }
  let maxId = 0;
  for (const id of byId.keys()) if (id > maxId) maxId = id;
  return { byId, maxId, losses, adopted };
}

/** The first place the trail disagrees with the witness. */
export interface WitnessProblem {
  /** The first entry affected. */
  id: number;
  reason: string;
}

/**
 * Checks entries (in id order, one at a time) against the anchors. Call `see` for each entry, then
 * `finish` with the number of the last entry seen. Internal chain links are checked elsewhere
 * (audit-chain.ts); this catches what a consistent re-hash, a truncation or a clear would hide.
 */
export class WitnessCheck {
  private lastMatched = 0;
  private problem: WitnessProblem | null = null;
  private matched = 0;
  private lastId = 0;

  constructor(readonly anchors: EffectiveAnchors) {}

  see(entry: Pick<AuditEntry, 'id' | 'hash'>): void {
    const id = entry.id ?? 0;
    this.lastId = id;
    const expected = this.anchors.byId.get(id);
    if (expected === undefined || this.problem) return;
    if (expected === entry.hash) {
      this.lastMatched = id;
      this.matched++;
      return;
    }
    const first = this.lastMatched + 1;
    this.problem = {
      id: first,
      reason:
        first === id
          ? `entry ${id} is not the entry this desk witnessed when it was written: it has been changed or replaced, even though its hashes were recomputed`
          : `an entry between ${first} and ${id} has been changed or replaced since this desk witnessed it (entry ${id} no longer carries the hash witnessed for it)`,
    };
  }

  /** Whether a problem has been found (so a caller can stop reading). */
  get failed(): boolean {
    return this.problem !== null;
  }

  finish(): WitnessResult {
    const { maxId } = this.anchors;
    let problem = this.problem;
    if (!problem && this.lastId < maxId) {
      problem =
        this.lastId === 0
          ? {
              id: 1,
              reason: `the audit trail is empty, but this desk witnessed ${maxId.toLocaleString('en-GB')} entries: it has been cleared`,
            }
          : {
              id: this.lastId + 1,
              reason: `entries ${(this.lastId + 1).toLocaleString('en-GB')} to ${maxId.toLocaleString('en-GB')} are missing: the trail has been cut short after entry ${this.lastId.toLocaleString('en-GB')}`,
            };
    }
    const unwitnessed = this.lastId > maxId ? { from: maxId + 1, to: this.lastId } : null;
    return {
      problem,
      matched: this.matched,
      witnessedUpTo: maxId,
      unwitnessed,
      losses: this.anchors.losses,
      adopted: this.anchors.adopted,
    };
  }
}

export interface WitnessResult {
  problem: WitnessProblem | null;
  /** How many entries matched an anchor exactly. */
  matched: number;
  /** The newest entry the witness has seen. */
  witnessedUpTo: number;
  /** Entries after the last anchor: written, but not yet witnessed (a crash before the anchor). */
  unwitnessed: { from: number; to: number } | null;
  losses: RestoreAnchor[];
  adopted: AdoptAnchor | null;
}

/** Parses the log's text; a line that is not a valid anchor is listed, never guessed at. */
export function parseAnchorLog(text: string, file: string): AnchorLog {
  const lines: AnchorLine[] = [];
  const unreadable: number[] = [];
  text.split('\n').forEach((raw, index) => {
    if (!raw.trim()) return;
    const line = parseAnchorLine(raw);
    if (line) lines.push(line);
    else unreadable.push(index + 1);
  });
  return { lines, unreadable, file };
}

const HASH = /^[0-9a-f]{64}$/;

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function parseAnchorLine(raw: string): AnchorLine | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.at !== 'string') return null;
  if ((v.kind === 'head' || v.kind === 'adopted') && isId(v.id) && typeof v.hash === 'string' && HASH.test(v.hash))
    return { kind: v.kind, id: v.id, hash: v.hash, at: v.at };
  if (v.kind === 'restored' && isId(v.keptUpTo) && typeof v.backup === 'string' && typeof v.by === 'string') {
    const lost = v.lost as { from?: unknown; to?: unknown } | null;
    if (lost !== null && !(lost && isId(lost.from) && isId(lost.to))) return null;
    return {
      kind: 'restored',
      keptUpTo: v.keptUpTo,
      lost: lost ? { from: lost.from as number, to: lost.to as number } : null,
      backup: v.backup,
      by: v.by,
      at: v.at,
    };
  }
  return null;
}
