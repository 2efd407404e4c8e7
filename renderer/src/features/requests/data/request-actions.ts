import { londonDate } from '@shared/domain/london-time';
import { AccountInput, type Account } from '@shared/models/account';
import type { EmailFormat, OutboxSummary } from '@shared/models/email';
import type { UserRequest } from '@shared/models/request';
import { emailAddress } from '@shared/models/text';
import { insertAccount } from '../../../entities/accounts/account-writes';
import type { DosDeskDb } from '../../../db/database';
import { InputError, inputErrorFrom } from '../../../db/guards';
import { change, type Desk } from '../../../entities/desk/change';
import { changeThenEmail, savedWithEmail } from '../../../entities/email/change-then-email';
import {
  assertInScope,
  assertNotDuplicate,
  assertOutstanding,
  loadInScope,
  newRequest,
  parseRequest,
  requestSubject,
} from './request-rules';
import { activationDraft, approvalDraft, keepOutboxId, moveNoteDraft, rejectionDraft } from './request-emails';

/**
 * What an operator does to a request. Every action is one `change()` (the request, its audit entry
 * and the change log in one transaction); an action that emails writes first and queues the email
 * after (entities/email), keeping the outbox id on the request.
 */

const deskOf = (db: DosDeskDb, operatorId: string | null) => ({ db, operatorId });

/** Enters a request by hand. The region must be one where the operator holds approveUser. */
export async function createRequest(db: DosDeskDb, operatorId: string | null, input: unknown, now = new Date()): Promise<UserRequest> {
  const fields = parseRequest(input);
  return change(
    deskOf(db, operatorId),
    [db.requests, db.accounts],
    async (ctx) => {
      assertInScope(ctx.operator, fields.region);
      await assertNotDuplicate(db, fields.email, null);
      const request = newRequest(fields, ctx.at);
      await db.requests.add(request);
      await ctx.audit({
        entity: 'request',
        entityId: request.id,
        subject: requestSubject(request),
        action: 'request.create',
        before: null,
        after: request,
      });
      return request;
    },
    now,
  );
}

/** Records the date the user validated their email. */
export async function markValidated(
  db: DosDeskDb,
  operatorId: string | null,
  id: string,
  date: string,
  now = new Date(),
): Promise<UserRequest> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
    throw new InputError('Enter the date they validated their email, like 2026-11-21', 'validatedOn');
  return change(
    deskOf(db, operatorId),
    [db.requests],
    async (ctx) => {
      const before = await loadInScope(db, ctx.operator, id);
      assertOutstanding(before);
      if (date < londonDate(new Date(before.registeredAt)))
        throw new InputError('The email cannot have been validated before the date they registered.', 'validatedOn');
      if (date > londonDate(now)) throw new InputError('The validation date cannot be in the future.', 'validatedOn');
      const after: UserRequest = { ...before, emailValidatedOn: date, updatedAt: ctx.at };
      await db.requests.put(after);
      await ctx.audit({
        entity: 'request',
        entityId: id,
        subject: requestSubject(before),
        action: 'request.email-validated',
        before: null,
        after: date,
      });
      return after;
    },
    now,
  );
}

/**
 * Resends the activation email as plain or rich text through the outbox, and records when and how
 * often. Only for outstanding requests whose email is not validated.
 */
export async function resendActivation(s: Desk, id: string, format: EmailFormat, now = new Date()): Promise<OutboxSummary> {
  const at = now.toISOString();
  const outcome = await changeThenEmail(
    s,
    [s.db.requests],
    async (ctx) => {
      const request = await loadInScope(s.db, ctx.operator, id);
      assertOutstanding(request);
      if (request.emailValidatedOn) throw new InputError('This user has already validated their email address.', 'format');
      const after: UserRequest = {
        ...request,
        activationResends: [...request.activationResends, { at, format, outboxId: null }],
        updatedAt: at,
      };
      await s.db.requests.put(after);
      await ctx.audit({
        entity: 'request',
        entityId: id,
        subject: requestSubject(request),
        action: 'request.resend-activation',
        before: request.activationResends.length,
        after: { resends: after.activationResends.length, format },
      });
      return { result: after, email: activationDraft(after, ctx.operator, format) };
    },
    keepOutboxId(id, (r, outboxId) => ({
      ...r,
      activationResends: r.activationResends.map((x) => (x.at === at && x.outboxId === null ? { ...x, outboxId } : x)),
    })),
    now,
  );
  savedWithEmail(outcome, 'The resend was recorded');
  return outcome.email!;
}

/**
 * Rejects a request with a reason, which is emailed to the requester through the outbox. The
 * request leaves the queue as rejected; the email is queued only once that is saved.
 */
export async function rejectRequest(s: Desk, id: string, reason: string, now = new Date()): Promise<UserRequest> {
  const text = reason.trim();
  if (!text) throw new InputError('Enter the reason for rejecting the request. It is emailed to the requester.', 'reason');
  if (text.length > 5000) throw new InputError('The reason must be 5,000 characters or fewer', 'reason');
  const outcome = await changeThenEmail(
    s,
    [s.db.requests],
    async (ctx) => {
      const before = await loadInScope(s.db, ctx.operator, id);
      assertOutstanding(before);
      const after: UserRequest = {
        ...before,
        status: 'rejected',
        rejection: { at: ctx.at, reason: text, outboxId: null },
        closedAt: ctx.at,
        updatedAt: ctx.at,
      };
      await s.db.requests.put(after);
      await ctx.audit({
        entity: 'request',
        entityId: id,
        subject: requestSubject(before),
        action: 'request.reject',
        before: { status: before.status },
        after: { status: 'rejected', reason: text },
      });
      return { result: after, email: rejectionDraft(after, ctx.operator, text) };
    },
    keepOutboxId(id, (r, outboxId) => ({ ...r, rejection: r.rejection && { ...r.rejection, outboxId } })),
    now,
  );
  return savedWithEmail(outcome, 'The request was rejected');
}

/**
 * Moves a request to another region's queue without rejecting it, with a note; optionally emails
 * the note to that region's DoS team.
 */
export async function changeRegion(
  s: Desk,
  id: string,
  move: { region: string; note: string; notifyTeam: string | null },
  deskRegions: readonly string[],
  now = new Date(),
): Promise<UserRequest> {
  const note = move.note.trim();
  if (!deskRegions.includes(move.region)) throw new InputError('Choose one of this desk’s regions.', 'region');
  if (note.length > 2000) throw new InputError('The note must be 2,000 characters or fewer', 'note');
  if (move.notifyTeam !== null && !emailAddress().safeParse(move.notifyTeam).success) {
    throw new InputError(
      `"${move.notifyTeam.slice(0, 60)}" is not a valid email address for the DoS team. Nothing was changed.`,
      'notifyTeam',
    );
  }
  const at = now.toISOString();
  const outcome = await changeThenEmail(
    s,
    [s.db.requests],
    async (ctx) => {
      const before = await loadInScope(s.db, ctx.operator, id);
      assertOutstanding(before);
      if (before.region === move.region) throw new InputError(`The request is already for ${move.region}.`, 'region');
      const entry = {
        at,
        from: before.region,
        to: move.region,
        note,
        operatorId: ctx.operator.id,
        notified: move.notifyTeam,
        outboxId: null,
      };
      const after: UserRequest = { ...before, region: move.region, regionHistory: [...before.regionHistory, entry], updatedAt: at };
      await s.db.requests.put(after);
      await ctx.audit({
        entity: 'request',
        entityId: id,
        subject: requestSubject(before),
        action: 'request.region-change',
        before: before.region,
        after: { region: move.region, note },
      });
      return { result: after, email: move.notifyTeam ? moveNoteDraft(after, entry, ctx.operator) : null };
    },
    keepOutboxId(id, (r, outboxId) => ({
      ...r,
      regionHistory: r.regionHistory.map((h) => (h.at === at && !h.outboxId ? { ...h, outboxId } : h)),
    })),
    now,
  );
  return savedWithEmail(outcome, `The request was moved to ${move.region}`);
}

/**
 * Approves a validated request: creates the DoS account with the chosen roles and relationships
 * and closes the request, in one change (nothing half-approved), then queues the approval email
 * to the user and keeps its outbox id on the request.
 */
export async function approveRequest(
  s: Desk,
  id: string,
  accountInput: unknown,
  now = new Date(),
): Promise<{ account: Account; email: OutboxSummary | null; emailProblem: string | null }> {
  const parsed = AccountInput.safeParse(accountInput);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'roles');
  const fields = parsed.data;
  let account: Account | null = null;
  const outcome = await changeThenEmail(
    s,
    [s.db.requests, s.db.accounts, s.db.services],
    async (ctx) => {
      const request = await loadInScope(s.db, ctx.operator, id);
      assertOutstanding(request);
      if (!request.emailValidatedOn)
        throw new InputError('Unvalidated email. Email address must be validated by the user before this account can be approved', 'roles');
      account = await insertAccount(ctx, fields, 'account.create-from-request');
      const after: UserRequest = {
        ...request,
        status: 'approved',
        approvedAccountId: account.id,
        approvalOutboxId: null,
        closedAt: ctx.at,
        updatedAt: ctx.at,
      };
      await s.db.requests.put(after);
      await ctx.audit({
        entity: 'request',
        entityId: id,
        subject: requestSubject(request),
        action: 'request.approve',
        before: { status: 'outstanding' },
        after: { status: 'approved', accountId: account.id, roles: account.roles },
      });
      return { result: after, email: approvalDraft(after, account, ctx.operator) };
    },
    keepOutboxId(id, (r, outboxId) => ({ ...r, approvalOutboxId: outboxId })),
    now,
  );
  return { account: account!, email: outcome.email, emailProblem: outcome.emailProblem };
}
