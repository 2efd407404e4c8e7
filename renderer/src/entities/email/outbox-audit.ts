import type { QueueEmailArgs } from '@shared/ipc/contract';
import type { OutboxSummary } from '@shared/models/email';
import type { DosDeskApi } from '@shared/ipc/api';
import type { DosDeskDb } from '../../db/database';
import { requireOperator } from '../../db/guards';
import { change, type Desk } from '../desk/change';
import { emailAuditNote, queueThroughMain } from './change-then-email';

/**
 * Changes to the outbox that no record of this desk causes: an email composed on its own (a note
 * to a DoS team) and what a person does to a message in the outbox (retry, cancel, mark copied,
 * mark sent, send again). Main owns the outbox, so main acts first and the audit entry follows,
 * through `change()` (the operator is checked before main is asked, and again in the change).
 * An email that a record causes goes through `changeThenEmail` instead (change-then-email.ts).
 */

/** Audits an outbox change (`email.<action>`), as one change by the desk's operator. */
export async function auditEmail(
  desk: Pick<Desk, 'db' | 'operatorId'>,
  action: string,
  entry: OutboxSummary,
  now: Date = new Date(),
): Promise<void> {
  await change(desk, [], (ctx) => ctx.audit(emailAuditNote(action, entry)), now);
}

/**
 * Queues an email that no record causes through main as the operator, then audits it
 * (`email.queue`). Throws main's refusal (an InputError naming the field when main names one) when main refuses: nothing is
 * audited then. The IPC call is made outside any transaction (GUIDE §3).
 */
export async function queueEmailAudited(
  db: DosDeskDb,
  api: DosDeskApi,
  operatorId: string | null,
  args: Omit<QueueEmailArgs, 'operatorId'>,
): Promise<OutboxSummary> {
  const operator = await requireOperator(db, operatorId);
  const { delivery, ...draft } = args;
  const desk: Desk = { db, api, operatorId: operator.id, delivery };
  const entry = await queueThroughMain(desk, operator.id, draft);
  await auditEmail(desk, 'email.queue', entry);
  return entry;
}
