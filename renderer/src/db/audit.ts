import type { AuditEntry } from '@shared/models/audit';
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
  // Append to the hash chain: the id and previous hash are read in this same transaction, so two
  // writers cannot both link to the same entry.
  const last = await db.audit.orderBy(':id').last();
  const full: AuditEntry = { ...entry, id: (last?.id ?? 0) + 1, at: entry.at ?? new Date().toISOString() };
  const prevHash = last?.hash ?? '';
  await db.audit.add({ ...full, prevHash, hash: hashEntry(full, prevHash) });
}

export interface ChainReport {
  checked: number;
  problem: ChainProblem;
}

/** Walks the whole audit trail and reports the first broken link, if any. */
export async function verifyAuditChain(db: DosDeskDb): Promise<ChainReport> {
  let previous: AuditEntry | null = null;
  let checked = 0;
  let problem: ChainProblem = null;
  await db.audit
    .orderBy(':id')
    .until(() => problem !== null)
    .each((entry) => {
      problem = checkLink(entry, previous);
      previous = entry;
      checked++;
    });
  return { checked, problem };
}
