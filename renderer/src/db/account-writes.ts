import type { Account, AccountFields } from '@shared/models/account';
import type { Operator } from '@shared/models/operator';
import { recordAudit } from './audit';
import type { DosDeskDb } from './database';
import { InputError, managedRegions, ScopeError } from './guards';

/**
 * Writes shared by the features that create DoS accounts (adding one by hand, approving a
 * request). Call inside a `rw` transaction over accounts, services, audit and operators.
 */

/** Refuses adding or removing a region where the operator does not hold approveUser. */
export function assertRegionChangesInScope(operator: Operator, before: readonly string[], after: readonly string[]): void {
  const scope = managedRegions(operator);
  const changed = [...after.filter((r) => !before.includes(r)), ...before.filter((r) => !after.includes(r))];
  const outside = changed.filter((r) => !scope.has(r));
  if (outside.length) {
    throw new ScopeError(
      `You do not hold approveUser in ${outside.join(', ')}, so you cannot add or remove that region. Ask that region's DoS team.`,
    );
  }
}

export async function assertServicesExist(db: DosDeskDb, serviceIds: readonly string[]): Promise<void> {
  const found = await db.services.bulkGet([...serviceIds]);
  const missing = serviceIds.filter((_, i) => !found[i]);
  if (missing.length) {
    throw new InputError(
      `${missing.length === 1 ? 'A chosen service no longer exists' : `${missing.length} chosen services no longer exist`}. Choose the services again.`,
      'serviceIds',
    );
  }
}

export async function assertEmailFree(db: DosDeskDb, email: string, id: string | null): Promise<void> {
  const clash = (await db.accounts.where('email').equals(email).toArray()).find((a) => a.status === 'active' && a.id !== id);
  if (clash) throw new InputError(`${clash.fullName} already has a DoS account with this email address.`, 'email');
}

/** Checks and adds a new account with its audit entry. */
export async function insertAccount(
  db: DosDeskDb,
  operator: Operator,
  fields: AccountFields,
  at: string,
  action = 'account.create',
): Promise<Account> {
  assertRegionChangesInScope(operator, [], fields.regions);
  await assertServicesExist(db, fields.serviceIds);
  await assertEmailFree(db, fields.email, null);
  const account: Account = {
    id: crypto.randomUUID(),
    ...fields,
    status: 'active',
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    deleteReason: null,
  };
  await db.accounts.add(account);
  await recordAudit(db, { at, operatorId: operator.id, entity: 'account', entityId: account.id, action, before: null, after: account });
  return account;
}
