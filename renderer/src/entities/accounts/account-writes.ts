import type { Account, AccountFields } from '@shared/models/account';
import type { Operator } from '@shared/models/operator';
import type { DosDeskDb } from '../../db/database';
import { InputError, managedRegions } from '../../db/guards';
import type { ChangeContext } from '../desk/change';

/**
 * Writes shared by the features that create or delete DoS accounts (adding one by hand, approving
 * a request, the registers). Call inside a `change()` over accounts and services.
 */

/** An account in words, for the audit trail. */
export function accountSubject(account: Pick<Account, 'fullName'>): string {
  return `${account.fullName}'s account`;
}

/** Refuses adding or removing a region where the operator does not hold approveUser. */
export function assertRegionChangesInScope(operator: Operator, before: readonly string[], after: readonly string[]): void {
  const scope = managedRegions(operator);
  const changed = [...after.filter((r) => !before.includes(r)), ...before.filter((r) => !after.includes(r))];
  const outside = changed.filter((r) => !scope.has(r));
  if (outside.length) {
    throw new InputError(
      `You do not hold approveUser in ${outside.join(', ')}, so you cannot add or remove that region. Ask that region's DoS team.`,
      'regions',
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
export async function insertAccount(ctx: ChangeContext, fields: AccountFields, action = 'account.create'): Promise<Account> {
  const { db, operator, at } = ctx;
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
    lastLoginOn: null,
  };
  await db.accounts.add(account);
  await ctx.audit({ entity: 'account', entityId: account.id, subject: accountSubject(account), action, before: null, after: account });
  return account;
}

/** Refuses unless the operator holds approveUser in at least one of the account's regions. */
export function assertCanManage(operator: Operator, account: Pick<Account, 'regions' | 'fullName'>): void {
  const scope = managedRegions(operator);
  if (!account.regions.some((r) => scope.has(r))) {
    throw new InputError(
      `You cannot manage ${account.fullName}'s account: it is in ${account.regions.join(', ')}, and you hold approveUser only in ${[...scope].join(', ') || 'no region'}.`,
      'regions',
    );
  }
}

/** Marks an account deleted with its reason, audited. Call inside a `change()` over accounts. */
export async function markAccountDeleted(
  ctx: ChangeContext,
  account: Account,
  reason: string,
  action = 'account.delete',
): Promise<Account> {
  const { db, operator, at } = ctx;
  assertCanManage(operator, account);
  if (account.status !== 'active') throw new InputError('This account has already been deleted.', 'reason');
  const after: Account = { ...account, status: 'deleted', deletedAt: at, deleteReason: reason, updatedAt: at };
  await db.accounts.put(after);
  await ctx.audit({ entity: 'account', entityId: account.id, subject: accountSubject(account), action, before: account, after });
  return after;
}

/** Accounts holding any of these regions, each once (the multi-entry regions index). */
export async function accountsInRegions(db: DosDeskDb, regions: Iterable<string>): Promise<Account[]> {
  const list = [...regions];
  return list.length ? db.accounts.where('regions').anyOf(list).distinct().toArray() : [];
}
