/**
 * One entry in the audit trail: who did what to which record, when, with the record before and
 * after. Written in the same transaction as the change it describes (GUIDE §3).
 */
export interface AuditEntry {
  id?: number;
  /** ISO 8601 instant (UTC). */
  at: string;
  operatorId: string;
  entity: string;
  entityId: string;
  /** The record in words (whose account, which request or service), so the trail reads by name. Entries before issue 16 have none. */
  subject?: string;
  action: string;
  before: unknown;
  after: unknown;
  /** The hash of the entry before this one ("" for the first). */
  prevHash?: string;
  /** SHA-256 over this entry's fields and prevHash: editing any entry breaks the chain after it. */
  hash?: string;
}
