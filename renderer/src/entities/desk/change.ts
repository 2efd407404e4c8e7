import Dexie, { type Table } from 'dexie';
import type { DosDeskApi } from '@shared/ipc/api';
import type { AuditEntry } from '@shared/models/audit';
import type { DeliveryMethod } from '@shared/models/email';
import type { Operator } from '@shared/models/operator';
import { appendAudit } from '../../db/audit';
import { markTransaction } from '../../db/change-log';
import { requireOperator } from '../../db/guards';
import type { DosDeskDb } from '../../db/database';

/**
 * What every change needs to know about the desk it is made at: the database, main's API, who is
 * at the desk and how emails go. Screens get it from `useDesk()`; tests build one.
 */
export interface Desk {
  db: DosDeskDb;
  api: DosDeskApi;
  operatorId: string | null;
  delivery: DeliveryMethod;
}

/** What an audit entry says about a change; who and when are filled in by `change()`. */
export interface AuditNote {
  entity: string;
  entityId: string;
  /** The record in words: whose account, which request or service ("Sam Jones's account"). */
  subject: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** Inside a change: the operator making it (read once), its instant, and how to record it. */
export interface ChangeContext {
  db: DosDeskDb;
  operator: Operator;
  /** One ISO instant for the whole change: the records and the audit entry agree. */
  at: string;
  /** Appends the audit entry for this change, in its transaction. */
  audit(note: AuditNote): Promise<AuditEntry>;
}

/**
 * The one way a change is made (GUIDE §3). It opens one read-write transaction over the tables
 * named (plus operators and audit), resolves the operator once (nothing is written without one),
 * runs the change, and writes its audit entries in that same transaction; the change log
 * (db/change-log.ts) notes every shared record written, also in that transaction. So a record, its
 * audit entry and its change-log row are all committed or none is. Checks that fail throw before
 * anything is written, and the transaction rolls back.
 *
 * No IPC call may be made inside `body` (a transaction cannot wait for main): emails go through
 * `changeThenEmail`, which queues them after the change has committed.
 */
export async function change<T>(
  desk: Pick<Desk, 'db' | 'operatorId'>,
  tables: readonly Table[],
  body: (ctx: ChangeContext) => Promise<T>,
  now: Date = new Date(),
): Promise<T> {
  const { db, operatorId } = desk;
  return db.transaction('rw', [...tables, db.operators, db.audit], async () => {
    const operator = await requireOperator(db, operatorId);
    // The change log names who made it: team sync shows it beside each version of a record.
    markTransaction(Dexie.currentTransaction, { by: { id: operator.id, name: operator.fullName } });
    const at = now.toISOString();
    return body({
      db,
      operator,
      at,
      audit: (note) => appendAudit(db, { ...note, at, operatorId: operator.id }),
    });
  });
}
