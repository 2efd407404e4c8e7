import type { DosDeskApi } from '@shared/ipc/api';
import type { QueueEmailArgs } from '@shared/ipc/contract';
import type { OutboxSummary } from '@shared/models/email';
import { recordAudit } from './audit';
import type { DosDeskDb } from './database';
import { refusedByMain, requireOperator } from './guards';

/** Audits an outbox change in its own transaction. */
export async function auditEmail(db: DosDeskDb, operatorId: string, action: string, entry: OutboxSummary): Promise<void> {
  await db.transaction('rw', db.audit, db.operators, () =>
    recordAudit(db, {
      operatorId,
      entity: 'email',
      entityId: entry.id,
      action,
      before: null,
      after: { status: entry.status, subject: entry.subject, to: entry.to, delivery: entry.delivery, relatedTo: entry.relatedTo },
    }),
  );
}

/**
 * Queues an email through main as the operator (from their name and address), then audits it.
 * The IPC call is made outside any transaction (GUIDE §3).
 */
export async function queueEmailAudited(
  db: DosDeskDb,
  api: DosDeskApi,
  operatorId: string | null,
  args: Omit<QueueEmailArgs, 'operatorId'>,
): Promise<OutboxSummary> {
  const operator = await requireOperator(db, operatorId);
  const result = await api.queueEmail({ ...args, operatorId: operator.id });
  if (!result.ok) throw refusedByMain(result.error);
  await auditEmail(db, operator.id, 'email.queue', result.data);
  return result.data;
}
