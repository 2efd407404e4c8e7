import { londonDate } from '@shared/domain/london-time';
import type { Account } from '@shared/models/account';
import type { EmailFormat, OutboxSummary } from '@shared/models/email';
import type { Operator } from '@shared/models/operator';
import type { UserRequest } from '@shared/models/request';
import { InputError, requireOperator } from '../../../db/guards';
import type { ChangeContext, Desk } from '../../../entities/desk/change';
import { queueEmailsAgain, type EmailDraft } from '../../../entities/email/change-then-email';
import { assertInScope } from './request-rules';

/**
 * The emails a request causes (activation, rejection, the note to a DoS team, approval), how their
 * outbox ids are kept on the request, and queueing again those main could not queue at the time.
 */

const from = (operator: Operator) => ({ name: operator.fullName, address: operator.email });
const signed = (operator: Operator) => ({ senderName: operator.fullName, senderRole: operator.jobRole });

export function activationDraft(request: UserRequest, operator: Operator, format: EmailFormat): EmailDraft {
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

export function rejectionDraft(request: UserRequest, operator: Operator, reason: string): EmailDraft {
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

export function moveNoteDraft(request: UserRequest, move: UserRequest['regionHistory'][number], operator: Operator): EmailDraft {
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

export function approvalDraft(request: UserRequest, account: Account, operator: Operator): EmailDraft {
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
export function keepOutboxId(id: string, place: (request: UserRequest, outboxId: string) => UserRequest) {
  return async (ctx: ChangeContext, _result: UserRequest, email: OutboxSummary): Promise<UserRequest> => {
    const current = await ctx.db.requests.get(id);
    if (!current) throw new InputError('This request no longer exists.', 'id');
    const after = { ...place(current, email.id), updatedAt: ctx.at };
    await ctx.db.requests.put(after);
    return after;
  };
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
  const operator = await requireOperator(s.db, s.operatorId);
  const request = await s.db.requests.get(id);
  if (!request) throw new InputError('This request no longer exists.', 'id');
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
  const emails = jobs.map((job) => ({ draft: job.draft, attach: keepOutboxId(id, job.place) }));
  return queueEmailsAgain(s, [s.db.requests], request, emails, 'The request is as it was');
}
