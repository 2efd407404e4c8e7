import Dexie from 'dexie';
import Papa from 'papaparse';
import type { DosDeskApi } from '@shared/ipc/api';
import { fromLondonParts, londonDate } from '@shared/domain/london-time';
import { isValidationOverdue } from '@shared/domain/requests';
import { AccountInput, type Account } from '@shared/models/account';
import type { EmailFormat, DeliveryMethod, OutboxSummary } from '@shared/models/email';
import type { Operator } from '@shared/models/operator';
import { RequestInput, type RequestFields, type UserRequest } from '@shared/models/request';
import { emailAddress } from '@shared/models/text';
import { insertAccount } from '../../../db/account-writes';
import { recordAudit } from '../../../db/audit';
import type { DosDeskDb } from '../../../db/database';
import { InputError, inputErrorFrom, managedRegions, requireOperator } from '../../../db/guards';
import { queueEmailAudited } from '../../../db/outbox-writes';
import { plainErrorMessage } from '../../../platform/plain-error';

/** Registration dates are entered as days; they are stored as 09:00 London time on that day. */
export function registeredInstant(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return fromLondonParts({ year: y!, month: m!, day: d!, hour: 9, minute: 0, second: 0, millisecond: 0 }).toISOString();
}

function parse(input: unknown): RequestFields {
  const parsed = RequestInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'fullName');
  return parsed.data;
}

function assertInScope(operator: Operator, region: string, what = 'requests'): void {
  if (!managedRegions(operator).has(region)) {
    throw new InputError(`You do not hold approveUser in ${region}, so you cannot manage ${what} for that region.`, 'region');
  }
}

async function assertNotDuplicate(db: DosDeskDb, email: string, id: string | null): Promise<void> {
  const open = (await db.requests.where('email').equals(email).toArray()).find((r) => r.status === 'outstanding' && r.id !== id);
  if (open) throw new InputError(`There is already an outstanding request for ${email} (${open.fullName}, ${open.region}).`, 'email');
  const account = (await db.accounts.where('email').equals(email).toArray()).find((a) => a.status === 'active');
  if (account) throw new InputError(`${account.fullName} already has a DoS account with this email address.`, 'email');
}

function newRequest(fields: RequestFields, at: string): UserRequest {
  const { registeredOn, ...rest } = fields;
  return {
    id: crypto.randomUUID(),
    ...rest,
    registeredAt: registeredInstant(registeredOn),
    status: 'outstanding',
    activationResends: [],
    regionHistory: [],
    rejection: null,
    approvedAccountId: null,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
  };
}

/** Enters a request by hand. The region must be one where the operator holds approveUser. */
export async function createRequest(db: DosDeskDb, operatorId: string | null, input: unknown, now = new Date()): Promise<UserRequest> {
  const fields = parse(input);
  return db.transaction('rw', [db.requests, db.accounts, db.audit, db.operators], async () => {
    const operator = await requireOperator(db, operatorId);
    assertInScope(operator, fields.region);
    await assertNotDuplicate(db, fields.email, null);
    const request = newRequest(fields, now.toISOString());
    await db.requests.add(request);
    await recordAudit(db, {
      at: request.createdAt,
      operatorId: operator.id,
      entity: 'request',
      entityId: request.id,
      action: 'request.create',
      before: null,
      after: request,
    });
    return request;
  });
}

/** Loads a request the operator may act on, refusing one outside their regions. */
async function loadInScope(db: DosDeskDb, operator: Operator, id: string): Promise<UserRequest> {
  const request = await db.requests.get(id);
  if (!request) throw new InputError('This request no longer exists.', 'id');
  assertInScope(operator, request.region);
  return request;
}

function assertOutstanding(request: UserRequest): void {
  if (request.status !== 'outstanding') throw new InputError(`This request has already been ${request.status}.`, 'id');
}

export interface QueueCounts {
  /** Outstanding requests in each region the operator manages. */
  perRegion: { region: string; count: number }[];
  total: number;
}

export const QUEUE_PAGE_SIZE = 50;

/** Outstanding requests per region the operator manages, counted from the `[status+region]` index. */
export async function queueCounts(db: DosDeskDb, operator: Operator): Promise<QueueCounts> {
  const perRegion = await Promise.all(
    [...managedRegions(operator)].map(async (region) => ({
      region,
      count: await db.requests.where('[status+region]').equals(['outstanding', region]).count(),
    })),
  );
  return { perRegion, total: perRegion.reduce((sum, r) => sum + r.count, 0) };
}

/**
 * The rows of one page of outstanding requests for the regions where the operator holds
 * approveUser, oldest first unless asked otherwise: only the rows up to the page's end are read,
 * straight from the `[status+region+registeredAt]` index, so the cost follows the page shown. A
 * page past the end is empty. Needs no count, so the queue can show before its counts.
 */
export async function queueRows(
  db: DosDeskDb,
  operator: Operator,
  { page = 0, oldestFirst = true, pageSize = QUEUE_PAGE_SIZE }: { page?: number; oldestFirst?: boolean; pageSize?: number } = {},
): Promise<UserRequest[]> {
  const current = Math.max(0, Math.floor(page));
  const end = (current + 1) * pageSize;
  const lists = await Promise.all(
    [...managedRegions(operator)].map((region) => {
      const range = db.requests
        .where('[status+region+registeredAt]')
        .between(['outstanding', region, Dexie.minKey], ['outstanding', region, Dexie.maxKey], true, true);
      return (oldestFirst ? range : range.reverse()).limit(end).toArray();
    }),
  );
  const order = oldestFirst ? 1 : -1;
  return lists
    .flat()
    .sort((a, b) => order * (a.registeredAt.localeCompare(b.registeredAt) || a.id.localeCompare(b.id)))
    .slice(current * pageSize, end);
}

/** The last page there is for `total` requests (0 when there are none). */
export function lastQueuePage(total: number, pageSize = QUEUE_PAGE_SIZE): number {
  return Math.max(0, Math.ceil(total / pageSize) - 1);
}

export async function getRequestInScope(db: DosDeskDb, operatorId: string | null, id: string): Promise<UserRequest | null> {
  const operator = await requireOperator(db, operatorId);
  const request = await db.requests.get(id);
  if (!request) return null;
  assertInScope(operator, request.region, 'this request');
  return request;
}

interface Sender {
  db: DosDeskDb;
  api: DosDeskApi;
  operatorId: string | null;
  delivery: DeliveryMethod;
}

function from(operator: Operator) {
  return { name: operator.fullName, address: operator.email };
}

/**
 * Resends the activation email as plain or rich text through the outbox, and records when and how
 * often. Only for outstanding requests whose email is not validated.
 */
export async function resendActivation(s: Sender, id: string, format: EmailFormat, now = new Date()): Promise<OutboxSummary> {
  const operator = await requireOperator(s.db, s.operatorId);
  const request = await loadInScope(s.db, operator, id);
  assertOutstanding(request);
  if (request.emailValidatedOn) throw new InputError('This user has already validated their email address.', 'format');
  const entry = await queueEmailAudited(s.db, s.api, operator.id, {
    template: 'activation',
    data: {
      recipientName: request.fullName,
      region: request.region,
      registeredOn: londonDate(new Date(request.registeredAt)),
      senderName: operator.fullName,
      senderRole: operator.jobRole,
    },
    from: from(operator),
    to: [{ name: request.fullName, address: request.email }],
    cc: [],
    format,
    delivery: s.delivery,
    relatedTo: request.id,
  });
  await s.db.transaction('rw', [s.db.requests, s.db.audit, s.db.operators], async () => {
    const current = (await s.db.requests.get(id))!;
    const after: UserRequest = {
      ...current,
      activationResends: [...current.activationResends, { at: now.toISOString(), format, outboxId: entry.id }],
      updatedAt: now.toISOString(),
    };
    await s.db.requests.put(after);
    await recordAudit(s.db, {
      at: after.updatedAt,
      operatorId: operator.id,
      entity: 'request',
      entityId: id,
      action: 'request.resend-activation',
      before: current.activationResends.length,
      after: { resends: after.activationResends.length, format },
    });
  });
  return entry;
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
  return db.transaction('rw', [db.requests, db.audit, db.operators], async () => {
    const operator = await requireOperator(db, operatorId);
    const before = await loadInScope(db, operator, id);
    assertOutstanding(before);
    if (date < londonDate(new Date(before.registeredAt)))
      throw new InputError('The email cannot have been validated before the date they registered.', 'validatedOn');
    if (date > londonDate(now)) throw new InputError('The validation date cannot be in the future.', 'validatedOn');
    const after: UserRequest = { ...before, emailValidatedOn: date, updatedAt: now.toISOString() };
    await db.requests.put(after);
    await recordAudit(db, {
      at: after.updatedAt,
      operatorId: operator.id,
      entity: 'request',
      entityId: id,
      action: 'request.email-validated',
      before: null,
      after: date,
    });
    return after;
  });
}

/**
 * Rejects a request with a reason, which is emailed to the requester through the outbox. The
 * request leaves the queue as rejected.
 */
export async function rejectRequest(s: Sender, id: string, reason: string, now = new Date()): Promise<UserRequest> {
  const text = reason.trim();
  if (!text) throw new InputError('Enter the reason for rejecting the request. It is emailed to the requester.', 'reason');
  if (text.length > 5000) throw new InputError('The reason must be 5,000 characters or fewer', 'reason');
  const operator = await requireOperator(s.db, s.operatorId);
  const request = await loadInScope(s.db, operator, id);
  assertOutstanding(request);
  const entry = await queueEmailAudited(s.db, s.api, operator.id, {
    template: 'request-rejected',
    data: {
      recipientName: request.fullName,
      region: request.region,
      reason: text,
      senderName: operator.fullName,
      senderRole: operator.jobRole,
    },
    from: from(operator),
    to: [{ name: request.fullName, address: request.email }],
    cc: [],
    format: 'plain',
    delivery: s.delivery,
    relatedTo: request.id,
  });
  return s.db.transaction('rw', [s.db.requests, s.db.audit, s.db.operators], async () => {
    const before = (await s.db.requests.get(id))!;
    assertOutstanding(before);
    const at = now.toISOString();
    const after: UserRequest = {
      ...before,
      status: 'rejected',
      rejection: { at, reason: text, outboxId: entry.id },
      closedAt: at,
      updatedAt: at,
    };
    await s.db.requests.put(after);
    await recordAudit(s.db, {
      at,
      operatorId: operator.id,
      entity: 'request',
      entityId: id,
      action: 'request.reject',
      before: { status: before.status },
      after: { status: 'rejected', reason: text },
    });
    return after;
  });
}

/**
 * Moves a request to another region's queue without rejecting it, with a note; optionally emails
 * the note to that region's DoS team.
 */
export async function changeRegion(
  s: Sender,
  id: string,
  change: { region: string; note: string; notifyTeam: string | null },
  deskRegions: readonly string[],
  now = new Date(),
): Promise<UserRequest> {
  const note = change.note.trim();
  if (!deskRegions.includes(change.region)) throw new InputError('Choose one of this desk’s regions.', 'region');
  if (note.length > 2000) throw new InputError('The note must be 2,000 characters or fewer', 'note');
  if (change.notifyTeam !== null && !emailAddress().safeParse(change.notifyTeam).success) {
    throw new InputError(
      `"${change.notifyTeam.slice(0, 60)}" is not a valid email address for the DoS team. Nothing was changed.`,
      'notifyTeam',
    );
  }
  const operator = await requireOperator(s.db, s.operatorId);
  const request = await loadInScope(s.db, operator, id);
  assertOutstanding(request);
  if (request.region === change.region) throw new InputError(`The request is already for ${change.region}.`, 'region');
  const moved = await s.db.transaction('rw', [s.db.requests, s.db.audit, s.db.operators], async () => {
    const before = (await s.db.requests.get(id))!;
    const at = now.toISOString();
    const after: UserRequest = {
      ...before,
      region: change.region,
      regionHistory: [...before.regionHistory, { at, from: before.region, to: change.region, note, operatorId: operator.id }],
      updatedAt: at,
    };
    await s.db.requests.put(after);
    await recordAudit(s.db, {
      at,
      operatorId: operator.id,
      entity: 'request',
      entityId: id,
      action: 'request.region-change',
      before: before.region,
      after: { region: change.region, note },
    });
    return after;
  });
  if (change.notifyTeam) {
    await queueEmailAudited(s.db, s.api, operator.id, {
      template: 'dos-team-note',
      data: {
        subject: `DoS access request moved to ${change.region}: ${request.fullName}`,
        body: `A request for DoS access from ${request.fullName} (${request.email}, ${request.organisation}) was made for ${request.region} and has been moved to ${change.region}.${note ? `\n\nNote: ${note}` : ''}`,
        senderName: operator.fullName,
        senderRole: operator.jobRole,
      },
      from: from(operator),
      to: [{ address: change.notifyTeam }],
      cc: [],
      format: 'plain',
      delivery: s.delivery,
      relatedTo: id,
    });
  }
  return moved;
}

/**
 * Approves a validated request: creates the DoS account with the chosen roles and relationships
 * and closes the request, in one transaction (nothing half-approved), then queues the approval
 * email to the user.
 */
export async function approveRequest(
  s: Sender,
  id: string,
  accountInput: unknown,
  now = new Date(),
): Promise<{ account: Account; email: OutboxSummary | null; emailProblem: string | null }> {
  const parsed = AccountInput.safeParse(accountInput);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'roles');
  const fields = parsed.data;
  const { account, operator, request } = await s.db.transaction(
    'rw',
    [s.db.requests, s.db.accounts, s.db.services, s.db.audit, s.db.operators],
    async () => {
      const operator = await requireOperator(s.db, s.operatorId);
      const request = await loadInScope(s.db, operator, id);
      assertOutstanding(request);
      if (!request.emailValidatedOn)
        throw new InputError('Unvalidated email. Email address must be validated by the user before this account can be approved', 'roles');
      const at = now.toISOString();
      const account = await insertAccount(s.db, operator, fields, at, 'account.create-from-request');
      const after: UserRequest = { ...request, status: 'approved', approvedAccountId: account.id, closedAt: at, updatedAt: at };
      await s.db.requests.put(after);
      await recordAudit(s.db, {
        at,
        operatorId: operator.id,
        entity: 'request',
        entityId: id,
        action: 'request.approve',
        before: { status: 'outstanding' },
        after: { status: 'approved', accountId: account.id, roles: account.roles },
      });
      return { account, operator, request: after };
    },
  );
  try {
    const email = await queueEmailAudited(s.db, s.api, operator.id, {
      template: 'request-approved',
      data: {
        recipientName: account.fullName,
        region: request.region,
        roles: account.roles,
        senderName: operator.fullName,
        senderRole: operator.jobRole,
      },
      from: from(operator),
      to: [{ name: account.fullName, address: account.email }],
      cc: [],
      format: 'plain',
      delivery: s.delivery,
      relatedTo: id,
    });
    return { account, email, emailProblem: null };
  } catch (error) {
    return { account, email: null, emailProblem: plainErrorMessage(error) };
  }
}

export interface RequestImportRow {
  line: number;
  status: 'new' | 'duplicate' | 'invalid';
  reason: string | null;
  fields: RequestFields | null;
  raw: Record<string, string>;
}

export const REQUEST_CSV_COLUMNS = [
  'fullName',
  'email',
  'phone',
  'organisation',
  'jobTitle',
  'region',
  'userType',
  'reason',
  'servicesNeeded',
  'registeredOn',
  'emailValidatedOn',
] as const;

/** Sorts CSV rows into new, duplicate and invalid (with the reason), writing nothing. */
export async function previewRequestsCsv(db: DosDeskDb, operator: Operator, csv: string): Promise<RequestImportRow[]> {
  const parsed = Papa.parse<Record<string, string>>(csv.trim(), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const required = REQUEST_CSV_COLUMNS.filter((c) => !['phone', 'servicesNeeded', 'emailValidatedOn'].includes(c));
  const missing = required.filter((c) => !(parsed.meta.fields ?? []).includes(c));
  if (missing.length)
    throw new InputError(`The file needs the columns ${REQUEST_CSV_COLUMNS.join(', ')}. Missing: ${missing.join(', ')}.`, 'csv');
  const scope = managedRegions(operator);
  const seen = new Set<string>();
  const rows: RequestImportRow[] = [];
  for (const [i, raw] of parsed.data.entries()) {
    const line = i + 2;
    const candidate = {
      ...Object.fromEntries(REQUEST_CSV_COLUMNS.map((c) => [c, (raw[c] ?? '').trim()])),
      emailValidatedOn: (raw.emailValidatedOn ?? '').trim() || null,
    };
    const checked = RequestInput.safeParse(candidate);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      rows.push({ line, status: 'invalid', reason: `${issue.path.join('.')}: ${issue.message}`, fields: null, raw });
      continue;
    }
    const f = checked.data;
    if (!scope.has(f.region)) {
      rows.push({ line, status: 'invalid', reason: `region: you do not hold approveUser in ${f.region}`, fields: null, raw });
      continue;
    }
    try {
      if (seen.has(f.email)) throw new InputError('appears earlier in this file', 'email');
      await assertNotDuplicate(db, f.email, null);
      seen.add(f.email);
      rows.push({ line, status: 'new', reason: null, fields: f, raw });
    } catch (e) {
      rows.push({ line, status: 'duplicate', reason: plainErrorMessage(e), fields: f, raw });
    }
  }
  return rows;
}

/** Writes the new rows of a preview, all or nothing, each audited. */
export async function importRequests(
  db: DosDeskDb,
  operatorId: string | null,
  rows: readonly RequestImportRow[],
  now = new Date(),
): Promise<number> {
  const fresh = rows.filter((r) => r.status === 'new' && r.fields);
  return db.transaction('rw', [db.requests, db.accounts, db.audit, db.operators], async () => {
    const operator = await requireOperator(db, operatorId);
    const at = now.toISOString();
    for (const row of fresh) {
      assertInScope(operator, row.fields!.region);
      await assertNotDuplicate(db, row.fields!.email, null);
      const request = newRequest(row.fields!, at);
      await db.requests.add(request);
      await recordAudit(db, {
        at,
        operatorId: operator.id,
        entity: 'request',
        entityId: request.id,
        action: 'request.import',
        before: null,
        after: request,
      });
    }
    return fresh.length;
  });
}

/** Whether a request should stand out as unvalidated for 28 days or more. */
export function standsOut(request: UserRequest, now: Date): boolean {
  return !request.emailValidatedOn && isValidationOverdue(new Date(request.registeredAt), now);
}
