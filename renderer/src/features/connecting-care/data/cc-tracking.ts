import { actionDueDate, isActionOverdue } from '@shared/domain/connecting-care';
import { londonDate } from '@shared/domain/london-time';
import type { CcRequest } from '@shared/models/connecting-care';
import type { DosDeskDb } from '../../../db/database';
import { InputError } from '../../../db/guards';
import { change } from '../../../entities/desk/change';
import { ccRequestSubject } from './cc-requests';
import { licenceOnActioned } from './licences';

/** Tracking: the back office received it (the 5-day target starts), then actioned it. One change each. */
export async function trackCcRequest(
  db: DosDeskDb,
  operatorId: string | null,
  id: string,
  step: { receivedOn: string } | { actionedOn: string; resolutionNote: string },
  now = new Date(),
): Promise<CcRequest> {
  const date = 'receivedOn' in step ? step.receivedOn : step.actionedOn;
  const field = 'receivedOn' in step ? 'receivedOn' : 'actionedOn';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new InputError('Enter the date, like 2026-11-21', field);
  if (date > londonDate(now)) throw new InputError('The date cannot be in the future.', field);
  return change(
    { db, operatorId },
    [db.ccRequests, db.ccLicences],
    async (ctx) => {
      const before = await db.ccRequests.get(id);
      if (!before) throw new InputError('This request no longer exists.', field);
      if (before.status === 'not-queued') {
        throw new InputError(
          'The email to the service desk is not in the outbox yet, so the back office cannot have it. Queue the email again first.',
          field,
        );
      }
      let after: CcRequest;
      if ('receivedOn' in step) {
        if (before.status !== 'sent') throw new InputError('The receipt by the back office is already recorded.', field);
        if (date < londonDate(new Date(before.sentAt)))
          throw new InputError('The back office cannot have received it before it was sent.', field);
        after = { ...before, status: 'received', receivedOn: date, updatedAt: ctx.at };
      } else {
        if (before.status !== 'received') throw new InputError('Record when the back office received the request first.', field);
        if (date < before.receivedOn!) throw new InputError('It cannot have been actioned before it was received.', field);
        after = {
          ...before,
          status: 'actioned',
          actionedOn: date,
          resolutionNote: step.resolutionNote.trim().slice(0, 2000),
          updatedAt: ctx.at,
        };
        await licenceOnActioned(db, before, ctx.at);
      }
      await db.ccRequests.put(after);
      await ctx.audit({
        entity: 'cc-request',
        entityId: id,
        subject: ccRequestSubject(before),
        action: `cc.${after.status}`,
        before: { status: before.status },
        after: { status: after.status, date, note: after.resolutionNote },
      });
      return after;
    },
    now,
  );
}

/** The date the back office should action a received request by, and whether it is overdue. */
export function targetFor(
  request: CcRequest,
  unit: 'working-days' | 'calendar-days',
  holidays: ReadonlySet<string>,
  today: string,
): { due: string | null; overdue: boolean } {
  if (!request.receivedOn) return { due: null, overdue: false };
  const due = actionDueDate(request.receivedOn, unit, holidays);
  return { due, overdue: isActionOverdue(due, request.actionedOn, today) };
}
