import { fromLondonParts } from '@shared/domain/london-time';
import { isValidationOverdue } from '@shared/domain/requests';
import type { Operator } from '@shared/models/operator';
import { RequestInput, type RequestFields, type UserRequest } from '@shared/models/request';
import type { DosDeskDb } from '../../../db/database';
import { InputError, inputErrorFrom, managedRegions } from '../../../db/guards';

/** The rules every request action shares: what a request is, whose it is, and when it may change. */

/** Registration dates are entered as days; they are stored as 09:00 London time on that day. */
export function registeredInstant(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return fromLondonParts({ year: y!, month: m!, day: d!, hour: 9, minute: 0, second: 0, millisecond: 0 }).toISOString();
}

export function parseRequest(input: unknown): RequestFields {
  const parsed = RequestInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'fullName');
  return parsed.data;
}

export function assertInScope(operator: Operator, region: string, what = 'requests'): void {
  if (!managedRegions(operator).has(region)) {
    throw new InputError(`You do not hold approveUser in ${region}, so you cannot manage ${what} for that region.`, 'region');
  }
}

export async function assertNotDuplicate(db: DosDeskDb, email: string, id: string | null): Promise<void> {
  const open = (await db.requests.where('email').equals(email).toArray()).find((r) => r.status === 'outstanding' && r.id !== id);
  if (open) throw new InputError(`There is already an outstanding request for ${email} (${open.fullName}, ${open.region}).`, 'email');
  const account = (await db.accounts.where('email').equals(email).toArray()).find((a) => a.status === 'active');
  if (account) throw new InputError(`${account.fullName} already has a DoS account with this email address.`, 'email');
}

export function newRequest(fields: RequestFields, at: string): UserRequest {
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
    approvalOutboxId: null,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
  };
}

/** Loads a request the operator may act on, refusing one outside their regions. */
export async function loadInScope(db: DosDeskDb, operator: Operator, id: string): Promise<UserRequest> {
  const request = await db.requests.get(id);
  if (!request) throw new InputError('This request no longer exists.', 'id');
  assertInScope(operator, request.region);
  return request;
}

export function assertOutstanding(request: UserRequest): void {
  if (request.status !== 'outstanding') throw new InputError(`This request has already been ${request.status}.`, 'id');
}

/** A request in words, for the audit trail. */
export function requestSubject(request: Pick<UserRequest, 'fullName' | 'region'>): string {
  return `request from ${request.fullName} (${request.region})`;
}

/** Whether a request should stand out as unvalidated for 28 days or more. */
export function standsOut(request: UserRequest, now: Date): boolean {
  return !request.emailValidatedOn && isValidationOverdue(new Date(request.registeredAt), now);
}
