import { useLiveQuery } from 'dexie-react-hooks';
import { AccountInput, DeleteReason, type Account, type AccountFields } from '@shared/models/account';
import type { Operator } from '@shared/models/operator';
import type { DosDeskDb } from '../../../db/database';
import { useDb } from '../../../db/db-context';
import {
  accountSubject,
  accountsInRegions,
  assertCanManage,
  assertEmailFree,
  assertRegionChangesInScope,
  assertServicesExist,
  insertAccount,
  markAccountDeleted,
} from '../../../entities/accounts/account-writes';
import { change } from '../../../entities/desk/change';
import { InputError, inputErrorFrom, managedRegions, requireOperator } from '../../../db/guards';
import { plainErrorMessage } from '../../../platform/plain-error';

function parse(input: unknown): AccountFields {
  const parsed = AccountInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'fullName');
  return parsed.data;
}

export { assertCanManage };

/**
 * Adds an existing DoS account by hand (for teams bringing their records in). Every region must be
 * one where the operator holds approveUser.
 */
export async function createAccount(db: DosDeskDb, operatorId: string | null, input: unknown, now = new Date()): Promise<Account> {
  const fields = parse(input);
  return change({ db, operatorId }, [db.accounts, db.services], (ctx) => insertAccount(ctx, fields), now);
}

/**
 * Amends an account and saves it. Details, roles and regions are audited as separate entries (old
 * and new values) in the same transaction as the write.
 */
export async function amendAccount(
  db: DosDeskDb,
  operatorId: string | null,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<Account> {
  const fields = parse(input);
  return change(
    { db, operatorId },
    [db.accounts, db.services],
    async (ctx) => {
      const { operator, at } = ctx;
      const before = await db.accounts.get(id);
      if (!before || before.status !== 'active') throw new InputError('This account no longer exists or has been deleted.', 'fullName');
      assertCanManage(operator, before);
      assertRegionChangesInScope(operator, before.regions, fields.regions);
      await assertServicesExist(db, fields.serviceIds);
      await assertEmailFree(db, fields.email, id);
      const after: Account = { ...before, ...fields, updatedAt: at };
      await db.accounts.put(after);
      const base = { entity: 'account', entityId: id, subject: accountSubject(after) };
      const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
      if (!same(before.roles, after.roles))
        await ctx.audit({ ...base, action: 'account.roles-change', before: before.roles, after: after.roles });
      if (!same(before.regions, after.regions))
        await ctx.audit({ ...base, action: 'account.region-change', before: before.regions, after: after.regions });
      const detailKeys = ['fullName', 'email', 'phone', 'organisation', 'jobTitle', 'userType', 'serviceIds'] as const;
      if (detailKeys.some((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))) {
        const pick = (a: Account) => Object.fromEntries(detailKeys.map((k) => [k, a[k]]));
        await ctx.audit({ ...base, action: 'account.amend', before: pick(before), after: pick(after) });
      }
      return after;
    },
    now,
  );
}

/** Deletes an account (kept as a record with the reason), audited. */
export async function deleteAccount(
  db: DosDeskDb,
  operatorId: string | null,
  id: string,
  reason: unknown,
  now = new Date(),
): Promise<Account> {
  const why = DeleteReason.safeParse(reason);
  if (!why.success) throw inputErrorFrom(why.error, 'reason');
  return change(
    { db, operatorId },
    [db.accounts],
    async (ctx) => {
      const before = await db.accounts.get(id);
      if (!before || before.status !== 'active') throw new InputError('This account has already been deleted.', 'reason');
      return markAccountDeleted(ctx, before, why.data);
    },
    now,
  );
}

/** Accounts the operator can see: any region in common with where they hold approveUser. */
export async function accountsInScope(db: DosDeskDb, operator: Operator): Promise<Account[]> {
  return accountsInRegions(db, managedRegions(operator));
}

/** Reads one account, refusing one outside the operator's scope. */
export async function getAccountInScope(db: DosDeskDb, operatorId: string | null, id: string): Promise<Account | null> {
  const operator = await requireOperator(db, operatorId);
  const account = await db.accounts.get(id);
  if (!account) return null;
  assertCanManage(operator, account);
  return account;
}

export function useAccountsInScope(operator: Operator): Account[] | undefined {
  const db = useDb();
  return useLiveQuery(() => accountsInScope(db, operator), [db, operator]);
}

export function useAccount(operatorId: string, id: string): { account: Account | null | undefined; error: string | null } {
  const db = useDb();
  const result = useLiveQuery(async () => {
    try {
      return { account: await getAccountInScope(db, operatorId, id), error: null };
    } catch (e) {
      return { account: null, error: plainErrorMessage(e) };
    }
  }, [db, operatorId, id]);
  return result ?? { account: undefined, error: null };
}
export { useServicesDirectory } from '../../../entities/services/use-services-directory';
