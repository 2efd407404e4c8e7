import type { AuditEntry } from '@shared/models/audit';
import type { DosDeskDb } from './database';

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
  await db.audit.add({ ...entry, at: entry.at ?? new Date().toISOString() });
}
