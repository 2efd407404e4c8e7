import { checkAllocation } from '@shared/domain/connecting-care';
import { CcRequestInput, type CcLicence, type CcRequest, type CcRequestFields, type Organisation } from '@shared/models/connecting-care';
import type { OutboxSummary } from '@shared/models/email';
import type { Operator } from '@shared/models/operator';
import type { Settings } from '@shared/models/settings';
import type { DosDeskDb } from '../../../db/database';
import { InputError, inputErrorFrom, requireOperator } from '../../../db/guards';
import type { ChangeContext, Desk } from '../../../entities/desk/change';
import { changeThenEmail, emailAfterChange, EmailNotQueuedError } from '../../../entities/email/change-then-email';
import { ccDraft, rowsFor, sentCopy } from './cc-email';
import { assertNoLicenceYet, currentLicence, licenceOnFiling, licencesInUse } from './licences';
import { assertAuthoriser } from './organisations';

/**
 * Filing a Connecting Care request, which emails the organisation's local service desk: the
 * request is written first (with its effect on licences and its audit entry, in one change), then
 * the email is queued through main and its outbox id kept on the request. A request whose email
 * main could not queue stands as `not-queued` and says so; "Queue the email again" sends it.
 */

/** A request in words, for the audit trail. */
export function ccRequestSubject(request: Pick<CcRequest, 'subjectName' | 'organisationName'>): string {
  return `Connecting Care request for ${request.subjectName} (${request.organisationName})`;
}

/** True when the request's email to the service desk is not in the outbox (main could not queue it). */
export function ccEmailNotQueued(request: Pick<CcRequest, 'status' | 'sent'>): boolean {
  return request.status === 'not-queued' || request.sent.outboxId === null;
}

/**
 * Keeps the email's outbox id on the request, which is then sent. Queued again later, `sentAt`
 * becomes when that was.
 */
function keepOutboxId(requeued: boolean) {
  return async (ctx: ChangeContext, request: CcRequest, email: OutboxSummary): Promise<CcRequest> => {
    const current = await ctx.db.ccRequests.get(request.id);
    if (!current) throw new InputError('This request no longer exists.', 'id');
    const after: CcRequest = {
      ...current,
      status: current.status === 'not-queued' ? 'sent' : current.status,
      sentAt: requeued ? ctx.at : current.sentAt,
      sent: { ...current.sent, subject: email.subject, outboxId: email.id },
      updatedAt: ctx.at,
    };
    await ctx.db.ccRequests.put(after);
    return after;
  };
}

/** The checks on a request against the organisation and its licences; the licence it is about, if any. */
async function checkRequest(
  db: DosDeskDb,
  operator: Operator,
  f: CcRequestFields,
  settings: Pick<Settings, 'connectingCare'>,
): Promise<{ org: Organisation; licence: CcLicence | null }> {
  const org = await db.ccOrganisations.get(f.organisationId);
  if (!org) throw new InputError('Choose an organisation that is set up on this desk.', 'organisationId');
  if (!org.serviceDeskEmail)
    throw new InputError(`${org.name} has no local service desk email. Add it to the organisation first.`, 'organisationId');
  assertAuthoriser(operator, org);
  if (f.type !== 'new-user') {
    const licence = await currentLicence(db, org, f);
    if (f.type === 'amendment' && f.changeKind === 'role-change' && !org.roles.includes(f.newRole))
      throw new InputError(`"${f.newRole}" is not one of ${org.name}'s Connecting Care roles.`, 'newRole');
    return { org, licence };
  }
  if (!org.roles.includes(f.role)) throw new InputError(`"${f.role}" is not one of ${org.name}'s Connecting Care roles.`, 'role');
  await assertNoLicenceYet(db, org, f.workEmail);
  const check = checkAllocation(await licencesInUse(db, org.id), org.allocationPerYear, settings.connectingCare.warnPercent);
  if (check.over && !f.overAllocationConfirmed) {
    throw new InputError(
      `${org.name} has ${check.used} of its ${check.allocation} licences in use. This request would go over the allocation: confirm that you want to go over it.`,
      'overAllocationConfirmed',
    );
  }
  return { org, licence: null };
}

/**
 * Files a Connecting Care request: checks it, records it (with a copy of the email) and its effect
 * on licences, then emails it to the organisation's local service desk through the outbox with the
 * authoriser copied in. Nothing is written or sent when a check fails. When main cannot queue the
 * email, the request is still returned, saved as `not-queued` (see `ccEmailNotQueued`), so the
 * screen can show it and offer "Queue the email again" (`queueCcEmailAgain`).
 */
export async function fileCcRequest(
  s: Desk,
  input: unknown,
  settings: Pick<Settings, 'connectingCare'>,
  now = new Date(),
): Promise<CcRequest> {
  const parsed = CcRequestInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'type');
  const f = parsed.data;
  const outcome = await changeThenEmail(
    s,
    [s.db.ccRequests, s.db.ccLicences, s.db.ccOrganisations],
    async (ctx) => {
      const { org, licence } = await checkRequest(s.db, ctx.operator, f, settings);
      const id = crypto.randomUUID();
      const authoriser = org.authorisers.find((a) => a.email.toLowerCase() === ctx.operator.email.toLowerCase())!;
      const filed = {
        id,
        type: f.type,
        subjectName: f.type === 'new-user' ? f.fullName.trim() : licence!.holderName,
        organisationName: org.name,
        authoriser,
        serviceDeskEmail: org.serviceDeskEmail,
        rows: rowsFor(f.type, f, org, licence),
      };
      const sent = sentCopy(filed);
      const licenceId = await licenceOnFiling(s.db, id, org, f, licence, ctx.at);
      const request: CcRequest = {
        id,
        type: f.type,
        organisationId: org.id,
        organisationName: org.name,
        authoriser,
        fields: f,
        subjectName: filed.subjectName,
        licenceId,
        status: 'not-queued',
        sentAt: ctx.at,
        receivedOn: null,
        actionedOn: null,
        resolutionNote: '',
        sent,
        createdAt: ctx.at,
        updatedAt: ctx.at,
      };
      await s.db.ccRequests.add(request);
      await ctx.audit({
        entity: 'cc-request',
        entityId: id,
        subject: ccRequestSubject(request),
        action: `cc.request-${f.type}`,
        before: null,
        after: request,
      });
      return { result: request, email: ccDraft(filed, ctx.operator) };
    },
    keepOutboxId(false),
    now,
  );
  return outcome.result;
}

/**
 * Queues again the email of a request whose email main could not queue, keeping its outbox id on
 * the request, which becomes sent. Only one of the organisation's authorisers may send it. Throws
 * with the reason when it still cannot be queued (the request is as it was).
 */
export async function queueCcEmailAgain(s: Desk, id: string): Promise<CcRequest> {
  const operator = await requireOperator(s.db, s.operatorId);
  const request = await s.db.ccRequests.get(id);
  if (!request) throw new InputError('This request no longer exists.', 'id');
  if (!ccEmailNotQueued(request)) return request;
  const org = await s.db.ccOrganisations.get(request.organisationId);
  if (org) assertAuthoriser(operator, org);
  else if (request.authoriser.email.toLowerCase() !== operator.email.toLowerCase())
    throw new InputError(`Only ${request.authoriser.name}, who authorised this request, can send it.`, 'id');
  if (!request.sent.rows) throw new InputError('This request was filed before emails could be queued again: open it in the outbox.', 'id');
  const draft = ccDraft({ ...request, serviceDeskEmail: request.sent.to, rows: request.sent.rows }, operator);
  const outcome = await emailAfterChange(s, [s.db.ccRequests], request, draft, keepOutboxId(true));
  if (outcome.emailProblem) throw new EmailNotQueuedError('The request is as it was', outcome.emailProblem);
  return outcome.result;
}
