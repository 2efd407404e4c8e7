import type { AuditEntry } from '@shared/models/audit';
import { effectiveAnchors, WitnessCheck, type AnchorLog, type WitnessResult } from '@shared/domain/audit-witness';
import type { DosDeskDb } from './database';
import { checkLink, hashEntry, type ChainProblem } from './audit-chain';

/** Raised when something tries to write without a known operator. */
export class NoOperatorError extends Error {
  constructor() {
    super('Choose who you are before making changes: nothing is saved without an operator.');
    this.name = 'NoOperatorError';
  }
}

/**
 * Adds an audit entry. Call it inside the same `rw` transaction as the change, with `operators`
 * and `audit` in scope, so that the change and its record stand or fall together. Refuses (and so
 * aborts the transaction) when the operator does not exist.
 */
export async function recordAudit(db: DosDeskDb, entry: Omit<AuditEntry, 'id' | 'at'> & { at?: string }): Promise<void> {
  if (!entry.operatorId || !(await db.operators.get(entry.operatorId))) throw new NoOperatorError();
  await appendAudit(db, entry);
}

/**
 * Appends to the hash chain without the operator check: for entries DoS Desk writes itself (a
 * restore from the recovery screen, where nobody is signed in yet). The id and previous hash are
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
 * Walks the whole audit trail: every link and hash (which catches a careless edit or a removed
 * entry) and, given main's witness log, every witnessed head (which catches what a careful
 * re-hash, a cut or a clear would hide). Reports the first problem of each kind.
 */
export async function verifyAuditChain(db: DosDeskDb, anchors?: AnchorLog | null): Promise<ChainReport> {
  let previous: AuditEntry | null = null;
  let checked = 0;
  let problem: ChainProblem = null;
  const witness = anchors ? new WitnessCheck(effectiveAnchors(anchors.lines)) : null;
  await db.audit.orderBy(':id').each((entry) => {
    if (!problem) problem = checkLink(entry, previous);
    witness?.see(entry);
    previous = entry;
    checked++;
  });
  return {
    checked,
    problem,
    witness: witness && anchors ? { ...witness.finish(), file: anchors.file, unreadableLines: anchors.unreadable } : null,
  };
}

/** Checks a list of entries (a backup's trail) the same way, without a database. */
export function verifyEntries(
  entries: readonly AuditEntry[],
  anchors: AnchorLog | null,
): { problem: ChainProblem; witnessProblem: WitnessResult['problem'] } {
  let previous: AuditEntry | null = null;
  let problem: ChainProblem = null;
  const witness = anchors ? new WitnessCheck(effectiveAnchors(anchors.lines)) : null;
  for (const entry of [...entries].sort((a, b) => (a.id ?? 0) - (b.id ?? 0))) {
    problem ??= checkLink(entry, previous);
    witness?.see(entry);
    previous = entry;
  }
  // Only entries the backup holds are compared: a backup is older than later anchors by nature.
  return { problem, witnessProblem: witness?.failed ? witness.finish().problem : null };
}
