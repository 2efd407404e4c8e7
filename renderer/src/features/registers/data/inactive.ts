import Papa from 'papaparse';
import { inactiveLine, inactiveState, type InactiveState } from '@shared/domain/registers';
import { londonDate, parseDate } from '@shared/domain/london-time';
import type { Account } from '@shared/models/account';
import type { Operator } from '@shared/models/operator';
import { accountsInRegions, accountSubject, assertCanManage, markAccountDeleted } from '../../../entities/accounts/account-writes';
import type { DosDeskDb } from '../../../db/database';
import { change, type ChangeContext } from '../../../entities/desk/change';
import { InputError, managedRegions } from '../../../db/guards';

export const INACTIVE_DELETION_REASON = 'No login for more than 6 months: deleted by the Live Services and Operations Team';

/** Writes an account's last login date with its audit entry, inside a change over accounts. */
async function writeLastLogin(ctx: ChangeContext, account: Account, date: string, action: string): Promise<void> {
  assertCanManage(ctx.operator, account);
  await ctx.db.accounts.put({ ...account, lastLoginOn: date, updatedAt: ctx.at });
  await ctx.audit({
    entity: 'account',
    entityId: account.id,
    subject: accountSubject(account),
    action,
    before: account.lastLoginOn ?? null,
    after: date,
  });
}

/** Records an account's last login date. */
export async function setLastLogin(
  db: DosDeskDb,
  operatorId: string | null,
  accountId: string,
  date: string,
  now = new Date(),
): Promise<void> {
  const day = parseDate(date);
  if (!day) throw new InputError('Enter the last login date, like 2026-11-21', 'lastLogin');
  if (day > londonDate(now)) throw new InputError('The last login date cannot be in the future.', 'lastLogin');
  await change(
    { db, operatorId },
    [db.accounts],
    async (ctx) => {
      const account = await db.accounts.get(accountId);
      if (!account || account.status !== 'active') throw new InputError('This account no longer exists or has been deleted.', 'lastLogin');
      await writeLastLogin(ctx, account, day, 'account.last-login');
    },
    now,
  );
}

export interface LastLoginRow {
  line: number;
  status: 'new' | 'duplicate' | 'invalid';
  reason: string | null;
  label: string;
  accountId: string | null;
  date: string | null;
}

const EMAIL_HEADERS = ['email', 'email address', 'user email'];
const LOGIN_HEADERS = ['lastlogin', 'last login', 'last logged in', 'last login date'];

/**
 * Reads last logins from a DoS user status report CSV (an email column and a last-login column).
 * Rows for accounts this desk does not have, or outside the operator's regions, are reported, not written.
 */
export async function previewLastLogins(db: DosDeskDb, operator: Operator, csv: string, now = new Date()): Promise<LastLoginRow[]> {
  const parsed = Papa.parse<Record<string, string>>(csv.trim(), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  const emailCol = fields.find((f) => EMAIL_HEADERS.includes(f));
  const loginCol = fields.find((f) => LOGIN_HEADERS.includes(f));
  if (!emailCol || !loginCol)
    throw new InputError('The file needs an "email" column and a "last login" column, as in the DoS user status report.', 'csv');
  const scope = managedRegions(operator);
  const rows: LastLoginRow[] = [];
  for (const [i, raw] of parsed.data.entries()) {
    const email = (raw[emailCol] ?? '').trim().toLowerCase();
    const base = { line: i + 2, label: email };
    const date = parseDate(raw[loginCol] ?? '');
    const account = email ? (await db.accounts.where('email').equals(email).toArray()).find((a) => a.status === 'active') : undefined;
    if (!account)
      rows.push({
        ...base,
        status: 'invalid',
        reason: `No DoS account with the email "${email.slice(0, 80)}" on this desk`,
        accountId: null,
        date: null,
      });
    else if (!account.regions.some((r) => scope.has(r)))
      rows.push({
        ...base,
        status: 'invalid',
        reason: `${account.fullName} is outside the regions where you hold approveUser`,
        accountId: null,
        date: null,
      });
    else if (!date)
      rows.push({
        ...base,
        status: 'invalid',
        reason: `"${(raw[loginCol] ?? '').slice(0, 40)}" is not a date`,
        accountId: null,
        date: null,
      });
    else if (date > londonDate(now))
      rows.push({ ...base, status: 'invalid', reason: 'The last login date is in the future', accountId: null, date: null });
    else if (account.lastLoginOn === date)
      rows.push({ ...base, status: 'duplicate', reason: 'Already recorded', accountId: account.id, date });
    else rows.push({ ...base, label: `${account.fullName} (${email})`, status: 'new', reason: null, accountId: account.id, date });
  }
  return rows;
}

/** Writes the new last logins, all or nothing. */
export async function importLastLogins(
  db: DosDeskDb,
  operatorId: string | null,
  rows: readonly LastLoginRow[],
  now = new Date(),
): Promise<number> {
  const fresh = rows.filter((r) => r.status === 'new' && r.accountId && r.date);
  return change(
    { db, operatorId },
    [db.accounts],
    async (ctx) => {
      for (const row of fresh) {
        const account = await db.accounts.get(row.accountId!);
        if (!account || account.status !== 'active')
          throw new InputError(`Line ${row.line}: the account no longer exists. Nothing was imported.`, 'csv');
        await writeLastLogin(ctx, account, row.date!, 'account.last-login-import');
      }
      return fresh.length;
    },
    now,
  );
}

export interface InactiveRow {
  account: Account;
  state: InactiveState | 'unknown';
  line: string | null;
}

/** Accounts in scope with their inactivity state, most urgent first. */
export async function inactiveRegister(db: DosDeskDb, operator: Operator, now = new Date()): Promise<InactiveRow[]> {
  const accounts = (await accountsInRegions(db, managedRegions(operator))).filter((a) => a.status === 'active');
  const order = { 'due-for-deletion': 0, approaching: 1, unknown: 2, active: 3 } as const;
  return accounts
    .map((account) => ({
      account,
      state: account.lastLoginOn ? inactiveState(account.lastLoginOn, now) : ('unknown' as const),
      line: account.lastLoginOn ? inactiveLine(account.lastLoginOn) : null,
    }))
    .sort((a, b) => order[a.state] - order[b.state] || (a.line ?? '').localeCompare(b.line ?? ''));
}

/** Records the deletion of an inactive account, which closes it. */
export async function recordInactiveDeletion(
  db: DosDeskDb,
  operatorId: string | null,
  accountId: string,
  now = new Date(),
): Promise<Account> {
  return change(
    { db, operatorId },
    [db.accounts],
    async (ctx) => {
      const account = await db.accounts.get(accountId);
      if (!account) throw new InputError('This account no longer exists.', 'accountId');
      return markAccountDeleted(ctx, account, INACTIVE_DELETION_REASON, 'account.delete-inactive');
    },
    now,
  );
}
