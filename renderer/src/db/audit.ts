import type { AuditEntry } from '@shared/models/audit';
import { effectiveAnchors, WitnessCheck, type AnchorLog, type WitnessResult } from '@shared/domain/audit-witness';
import type { DosDeskDb } from './database';
import { checkLink, hashEntry, type ChainProblem } from '@shared/domain/audit-chain';

/** Raised when something tries to write without a known operator. */
export class NoOperatorError extends Error {
  constructor() {
    super('Choose who you are before making changes: nothing is saved without an operator.');
    this.name = 'NoOperatorError';
  }
}

/**
 * Appends to the hash chain. Changes go through `change()` (entities/desk/change.ts), which checks
 * the operator first; this is called directly only for entries DoS Desk writes itself (a restore
 * from the recovery screen, where nobody is signed in yet). The id and previous hash are
 * read in this same transaction, so two writers cannot both link to the same entry.
 */
export async function appendAudit(db: DosDeskDb, entry: Omit<AuditEntry, 'id' | 'at'> & { at?: string }): Promise<AuditEntry> {
  const last = await db.audit.orderBy(':id').last();
  const full: AuditEntry = { ...entry, id: (last?.id ?? 0) + 1, at: entry.at ?? new Date().toISOString() };
  const prevHash = last?.hash ?? '';
  const written = { ...full, prevHash, hash: hashEntry(full, prevHash) };
  await db.audit.add(written);
  return written;
}

export interface ChainReport {
  checked: number;
  /** The first entry whose link or hash is broken, judged by the trail alone. */
  problem: ChainProblem;
  /** The trail against main's witness; null when no witness was given (a test, or main unreachable). */
  witness: (WitnessResult & { file: string; unreadableLines: number[] }) | null;
}

/**
 * Checks entries in id order, one at a time: every link and hash (which catches a careless edit or
 * a removed entry) and, against each witness log given, every witnessed head (which catches what a
 * careful re-hash, a cut or a clear would hide). Each entry is hashed once, whatever the witnesses.
 */
class TrailCheck {
  private previous: AuditEntry | null = null;
  checked = 0;
  problem: ChainProblem = null;
  readonly witnesses: WitnessCheck[];

  constructor(anchors: readonly AnchorLog[]) {
    this.witnesses = anchors.map((log) => new WitnessCheck(effectiveAnchors(log.lines)));
  }

  see(entry: AuditEntry): void {
    this.problem ??= checkLink(entry, this.previous);
    for (const witness of this.witnesses) witness.see(entry);
    this.previous = entry;
    this.checked++;
  }
}

/** Walks the whole audit trail on this desk, against main's witness log when given. Reports the first problem of each kind. */
export async function verifyAuditChain(db: DosDeskDb, anchors?: AnchorLog | null): Promise<ChainReport> {
  const check = new TrailCheck(anchors ? [anchors] : []);
  await db.audit.orderBy(':id').each((entry) => check.see(entry));
  const witness = check.witnesses[0];
  return {
    checked: check.checked,
    problem: check.problem,
    witness: witness && anchors ? { ...witness.finish(), file: anchors.file, unreadableLines: anchors.unreadable } : null,
  };
}

/**
 * Checks a backup's trail the same way, in one pass, against each witness log given. Only entries
 * the backup holds are compared: a backup is older than later anchors by nature, so a witness that
 * runs past its end is not a problem. Returns the first chain problem, and per witness its first
 * problem (null where it agrees).
 */
export function verifyEntries(
  entries: readonly AuditEntry[],
  anchors: readonly AnchorLog[],
): { problem: ChainProblem; witnessProblems: WitnessResult['problem'][] } {
  const check = new TrailCheck(anchors);
  for (const entry of [...entries].sort((a, b) => (a.id ?? 0) - (b.id ?? 0))) check.see(entry);
  return { problem: check.problem, witnessProblems: check.witnesses.map((w) => (w.failed ? w.finish().problem : null)) };
}
