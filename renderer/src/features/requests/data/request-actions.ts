import { londonDate } from '@shared/domain/london-time';
import { AccountInput, type Account } from '@shared/models/account';
import type { EmailFormat, OutboxSummary } from '@shared/models/email';
import type { Operator } from '@shared/models/operator';
import type { UserRequest } from '@shared/models/request';
import { emailAddress } from '@shared/models/text';
import { insertAccount } from '../../../entities/accounts/account-writes';
import type { DosDeskDb } from '../../../db/database';
import { InputError, inputErrorFrom } from '../../../db/guards';
import { change, type ChangeContext, type Desk } from '../../../entities/desk/change';
import {
  changeThenEmail,
  emailAfterChange,
  EmailNotQueuedError,
  type EmailDraft,
  savedWithEmail,
} from '../../../entities/email/change-then-email';
import {
  assertInScope,
  assertNotDuplicate,
  assertOutstanding,
  loadInScope,
  newRequest,
  parseRequest,
  requestSubject,
} from './request-rules';

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

const from = (operator: Operator) => ({ name: operator.fullName, address: operator.email });
const signed = (operator: Operator) => ({ senderName: operator.fullName, senderRole: operator.jobRole });

function activationDraft(request: UserRequest, operator: Operator, format: EmailFormat): EmailDraft {
  return {
    template: 'activation',
    data: {
      recipientName: request.fullName,
      region: request.region,
      registeredOn: londonDate(new Date(request.registeredAt)),
      ...signed(operator),
    },
    from: from(operator),
    to: [{ name: request.fullName, address: request.email }],
    cc: [],
    format,
    relatedTo: request.id,
  };
}

function rejectionDraft(request: UserRequest, operator: Operator, reason: string): EmailDraft {
  return {
    template: 'request-rejected',
    data: { recipientName: request.fullName, region: request.region, reason, ...signed(operator) },
    from: from(operator),
    to: [{ name: request.fullName, address: request.email }],
    cc: [],
    format: 'plain',
    relatedTo: request.id,
  };
}

function moveNoteDraft(request: UserRequest, move: UserRequest['regionHistory'][number], operator: Operator): EmailDraft {
  return {
    template: 'dos-team-note',
    data: {
      subject: `DoS access request moved to ${move.to}: ${request.fullName}`,
      body: `A request for DoS access from ${request.fullName} (${request.email}, ${request.organisation}) was made for ${move.from} and has been moved to ${move.to}.${move.note ? `\n\nNote: ${move.note}` : ''}`,
      ...signed(operator),
    },
    from: from(operator),
    to: [{ address: move.notified! }],
    cc: [],
    format: 'plain',
    relatedTo: request.id,
  };
}

function approvalDraft(request: UserRequest, account: Account, operator: Operator): EmailDraft {
  return {
    template: 'request-approved',
    data: { recipientName: account.fullName, region: request.region, roles: account.roles, ...signed(operator) },
    from: from(operator),
    to: [{ name: account.fullName, address: account.email }],
    cc: [],
    format: 'plain',
    relatedTo: request.id,
  };
}

/** Keeps an email's outbox id on the request, in the change that audits the email. */
function keepOutboxId(id: string, place: (request: UserRequest, outboxId: string) => UserRequest) {
  return async (ctx: ChangeContext, _result: UserRequest, email: OutboxSummary): Promise<UserRequest> => {
    const current = await ctx.db.requests.get(id);
    if (!current) throw new InputError('This request no longer exists.', 'id');
    const after = place(current, email.id);
    await ctx.db.requests.put(after);
    return after;
  };
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

/** The emails a request caused that are not in the outbox (written, then main could not queue them). */
export function emailsNotQueued(request: UserRequest): string[] {
  const missing: string[] = [];
  if (request.status === 'rejected' && request.rejection && !request.rejection.outboxId) missing.push('the rejection email');
  if (request.status === 'approved' && request.approvalOutboxId === null) missing.push('the approval email');
  if (request.activationResends.some((r) => r.outboxId === null)) missing.push('an activation email');
  if (request.regionHistory.some((h) => h.notified && !h.outboxId)) missing.push('the note to the DoS team');
  return missing;
}

/**
 * Queues again every email this request caused that main could not queue at the time, keeping
 * each one's outbox id on the request. Returns how many were queued; throws with the reason when
 * one still cannot be.
 */
export async function queueEmailsNotQueued(s: Desk, id: string): Promise<number> {
  const operator = s.operatorId ? await s.db.operators.get(s.operatorId) : undefined;
  const request = await s.db.requests.get(id);
  if (!request || !operator) throw new InputError('This request no longer exists.', 'id');
  assertInScope(operator, request.region);
  const jobs: { draft: EmailDraft; place: (r: UserRequest, outboxId: string) => UserRequest }[] = [];
  if (request.status === 'rejected' && request.rejection && !request.rejection.outboxId)
    jobs.push({
      draft: rejectionDraft(request, operator, request.rejection.reason),
      place: (r, o) => ({ ...r, rejection: r.rejection && { ...r.rejection, outboxId: o } }),
    });
  if (request.status === 'approved' && request.approvalOutboxId === null && request.approvedAccountId) {
    const account = await s.db.accounts.get(request.approvedAccountId);
    if (account) jobs.push({ draft: approvalDraft(request, account, operator), place: (r, o) => ({ ...r, approvalOutboxId: o }) });
  }
  for (const resend of request.activationResends.filter((r) => r.outboxId === null))
    jobs.push({
      draft: activationDraft(request, operator, resend.format),
      place: (r, o) => ({ ...r, activationResends: r.activationResends.map((x) => (x.at === resend.at ? { ...x, outboxId: o } : x)) }),
    });
  for (const move of request.regionHistory.filter((h) => h.notified && !h.outboxId))
    jobs.push({
      draft: moveNoteDraft(request, move, operator),
      place: (r, o) => ({ ...r, regionHistory: r.regionHistory.map((h) => (h.at === move.at ? { ...h, outboxId: o } : h)) }),
    });
  for (const job of jobs) {
    const outcome = await emailAfterChange(s, [s.db.requests], request, job.draft, keepOutboxId(id, job.place));
    if (outcome.emailProblem) throw new EmailNotQueuedError('The request is as it was', outcome.emailProblem);
  }
  return jobs.length;
}
