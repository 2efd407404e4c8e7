import Papa from 'papaparse';
import { AccountInput, type Account } from '@shared/models/account';
import type { Operator } from '@shared/models/operator';
import { accountSubject, assertCanManage } from '../../../entities/accounts/account-writes';
import { change } from '../../../entities/desk/change';
import type { DosDeskDb } from '../../../db/database';
import { InputError, managedRegions } from '../../../db/guards';
import { parseDate } from '@shared/domain/london-time';

export const ACCOUNT_CSV_COLUMNS = [
  'fullName',
  'email',
  'phone',
  'organisation',
  'jobTitle',
  'userType',
  'regions',
  'roles',
  'lastLoginOn',
] as const;

export interface AccountImportRow {
  line: number;
  status: 'new' | 'changed' | 'duplicate' | 'invalid';
  reason: string | null;
  label: string;
  fields: ReturnType<typeof AccountInput.parse> | null;
  lastLoginOn: string | null;
  existingId: string | null;
}

const list = (text: string | undefined) =>
  (text ?? '')
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * A dry run of an accounts CSV (roles and regions separated by semicolons): each row is new,
 * changed (an account with that email exists and differs), duplicate (identical) or invalid, with
 * the reason. Unknown roles, regions outside the operator's scope and bad dates are invalid.
 */
export async function previewAccountsCsv(db: DosDeskDb, operator: Operator, csv: string): Promise<AccountImportRow[]> {
  const parsed = Papa.parse<Record<string, string>>(csv.trim(), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const required = ['fullName', 'email', 'organisation', 'jobTitle', 'userType', 'regions', 'roles'];
  const missing = required.filter((c) => !(parsed.meta.fields ?? []).includes(c));
  if (missing.length)
    throw new InputError(`The file needs the columns ${ACCOUNT_CSV_COLUMNS.join(', ')}. Missing: ${missing.join(', ')}.`, 'csv');
  const scope = managedRegions(operator);
  const seen = new Set<string>();
  const rows: AccountImportRow[] = [];
  // One query for every email in the file, not one per row.
  const emails = parsed.data.map((r) => (r.email ?? '').trim().toLowerCase()).filter(Boolean);
  const existingByEmail = new Map(
    (await db.accounts.where('email').anyOf(emails).toArray()).filter((a) => a.status === 'active').map((a) => [a.email, a]),
  );
  for (const [i, raw] of parsed.data.entries()) {
    const line = i + 2;
    const base = { line, label: (raw.fullName ?? '').trim(), fields: null, lastLoginOn: null, existingId: null };
    const checked = AccountInput.safeParse({
      fullName: raw.fullName ?? '',
      email: raw.email ?? '',
      phone: raw.phone ?? '',
      organisation: raw.organisation ?? '',
      jobTitle: raw.jobTitle ?? '',
      userType: (raw.userType ?? '').trim(),
      regions: list(raw.regions),
      roles: list(raw.roles),
      serviceIds: [],
    });
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      rows.push({ ...base, status: 'invalid', reason: `${issue.path.join('.')}: ${issue.message}` });
      continue;
    }
    const f = checked.data;
    const outside = f.regions.filter((r) => !scope.has(r));
    if (outside.length) {
      rows.push({ ...base, status: 'invalid', reason: `regions: you do not hold approveUser in ${outside.join(', ')}` });
      continue;
    }
    const login = (raw.lastLoginOn ?? '').trim();
    const lastLoginOn = login ? parseDate(login) : null;
    if (login && !lastLoginOn) {
      rows.push({ ...base, status: 'invalid', reason: `lastLoginOn: "${login.slice(0, 30)}" is not a date` });
      continue;
    }
    if (seen.has(f.email)) {
      rows.push({ ...base, status: 'duplicate', reason: 'appears earlier in this file' });
      continue;
    }
    seen.add(f.email);
    const existing = existingByEmail.get(f.email);
    if (!existing) {
      rows.push({ ...base, status: 'new', reason: null, fields: f, lastLoginOn });
      continue;
    }
    const differs = (Object.keys(f) as (keyof typeof f)[]).filter(
      (k) => k !== 'serviceIds' && JSON.stringify(existing[k]) !== JSON.stringify(f[k]),
    );
    if (lastLoginOn && lastLoginOn !== existing.lastLoginOn) differs.push('lastLoginOn' as never);
    rows.push({
      ...base,
      status: differs.length ? 'changed' : 'duplicate',
      reason: differs.length ? `changes ${differs.join(', ')}` : 'already the same on this desk',
      fields: f,
      lastLoginOn,
      existingId: existing.id,
    });
  }
  return rows;
}

/**
 * Writes new and changed rows, all or nothing. New accounts are added in bulk and audited as one
 * import entry listing them (the records themselves are the "after"); each changed account gets
 * its own entry with before and after.
 */
export async function importAccountsCsv(
  db: DosDeskDb,
  operatorId: string | null,
  rows: readonly AccountImportRow[],
  now = new Date(),
): Promise<number> {
  const fresh = rows.filter((r) => r.status === 'new' && r.fields);
  const changed = rows.filter((r) => r.status === 'changed' && r.fields);
  return change(
    { db, operatorId },
    [db.accounts, db.services],
    async (ctx) => {
      const { operator, at } = ctx;
      const scope = managedRegions(operator);
      const clash = await db.accounts
        .where('email')
        .anyOf(fresh.map((r) => r.fields!.email))
        .filter((a) => a.status === 'active')
        .first();
      if (clash) throw new InputError(`${clash.fullName} already has an account with ${clash.email}. Check the file again.`, 'csv');
      const accounts: Account[] = fresh.map((r) => {
        const outside = r.fields!.regions.filter((g) => !scope.has(g));
        if (outside.length) throw new InputError(`Line ${r.line}: you do not hold approveUser in ${outside.join(', ')}.`, 'csv');
        return {
          id: crypto.randomUUID(),
          ...r.fields!,
          status: 'active',
          createdAt: at,
          updatedAt: at,
          deletedAt: null,
          deleteReason: null,
          lastLoginOn: r.lastLoginOn,
        };
      });
      if (accounts.length) {
        await db.accounts.bulkAdd(accounts);
        await ctx.audit({
          entity: 'account',
          entityId: 'csv-import',
          subject: `${accounts.length} ${accounts.length === 1 ? 'account' : 'accounts'} from a CSV file (${accounts
            .slice(0, 5)
            .map((a) => a.fullName)
            .join(', ')}${accounts.length > 5 ? ', …' : ''})`,
          action: 'account.import',
          before: null,
          after: { count: accounts.length, ids: accounts.map((a) => a.id) },
        });
      }
      for (const row of changed) {
        const before = (await db.accounts.get(row.existingId!)) as Account;
        assertCanManage(operator, before);
        const after: Account = {
          ...before,
          ...row.fields!,
          serviceIds: before.serviceIds,
          lastLoginOn: row.lastLoginOn ?? before.lastLoginOn ?? null,
          updatedAt: at,
        };
        await db.accounts.put(after);
        await ctx.audit({
          entity: 'account',
          entityId: before.id,
          subject: accountSubject(before),
          action: 'account.import-update',
          before,
          after,
        });
      }
      return accounts.length + changed.length;
    },
    now,
  );
}
