import { reminderStage, type ReminderStage } from '@shared/domain/registers';
import { londonDate } from '@shared/domain/london-time';
import { ExtendInput, TemporaryEntryInput, type TemporaryEntry } from '@shared/models/registers';
import type { Operator } from '@shared/models/operator';
import { assertCanManage, markAccountDeleted } from '../../../entities/accounts/account-writes';
import type { DosDeskDb } from '../../../db/database';
import { InputError, inputErrorFrom, managedRegions } from '../../../db/guards';
import { change } from '../../../entities/desk/change';

/** A register entry in words, for the audit trail. */
const subjectOf = (entry: Pick<TemporaryEntry, 'accountName'>) => `${entry.accountName}'s temporary account`;

/** Adds an account to the temporary accounts register, with the date it is no longer required. */
export async function addTemporaryEntry(
  db: DosDeskDb,
  operatorId: string | null,
  input: unknown,
  now = new Date(),
): Promise<TemporaryEntry> {
  const parsed = TemporaryEntryInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'accountId');
  const fields = parsed.data;
  return change(
    { db, operatorId },
    [db.temporaryAccounts, db.accounts],
    async (ctx) => {
      const { operator, at } = ctx;
      const account = await db.accounts.get(fields.accountId);
      if (!account || account.status !== 'active') throw new InputError('Choose an active DoS account.', 'accountId');
      assertCanManage(operator, account);
      const open = (await db.temporaryAccounts.where('accountId').equals(account.id).toArray()).find((e) => e.status === 'active');
      if (open)
        throw new InputError(`${account.fullName}'s account is already on the register, for review on ${open.reviewDate}.`, 'accountId');
      if (fields.reviewDate < londonDate(now))
        throw new InputError('The date the account is no longer required cannot be in the past.', 'reviewDate');
      const entry: TemporaryEntry = {
        id: crypto.randomUUID(),
        accountId: account.id,
        accountName: account.fullName,
        region: account.regions[0]!,
        reason: fields.reason,
        reviewDate: fields.reviewDate,
        keeper: fields.keeper,
        status: 'active',
        history: [{ at, operatorId: operator.id, action: 'created', reviewDate: fields.reviewDate, reason: fields.reason }],
        notified: [],
        createdAt: at,
        updatedAt: at,
      };
      await db.temporaryAccounts.add(entry);
      await ctx.audit({
        entity: 'temporary-account',
        entityId: entry.id,
        subject: subjectOf(entry),
        action: 'temporary.create',
        before: null,
        after: entry,
      });
      return entry;
    },
    now,
  );
}

async function loadEntry(db: DosDeskDb, operator: Operator, id: string): Promise<TemporaryEntry> {
  const entry = await db.temporaryAccounts.get(id);
  if (!entry || entry.status !== 'active') throw new InputError('This entry is no longer on the register.', 'reviewDate');
  const account = await db.accounts.get(entry.accountId);
  assertCanManage(operator, account ?? { regions: [entry.region], fullName: entry.accountName });
  return entry;
}

/** Re-evaluated and still needed: a new date and the reason. */
export async function extendTemporaryEntry(
  db: DosDeskDb,
  operatorId: string | null,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<TemporaryEntry> {
  const parsed = ExtendInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'reviewDate');
  return change(
    { db, operatorId },
    [db.temporaryAccounts, db.accounts],
    async (ctx) => {
      const { operator, at } = ctx;
      const before = await loadEntry(db, operator, id);
      if (parsed.data.reviewDate <= londonDate(now)) throw new InputError('The new date must be after today.', 'reviewDate');
      if (parsed.data.reviewDate <= before.reviewDate)
        throw new InputError(`The new date must be after the current one (${before.reviewDate}).`, 'reviewDate');
      const after: TemporaryEntry = {
        ...before,
        reviewDate: parsed.data.reviewDate,
        notified: [],
        history: [
          ...before.history,
          { at, operatorId: operator.id, action: 'extended', reviewDate: parsed.data.reviewDate, reason: parsed.data.reason },
        ],
        updatedAt: at,
      };
      await db.temporaryAccounts.put(after);
      await ctx.audit({
        entity: 'temporary-account',
        entityId: id,
        subject: subjectOf(before),
        action: 'temporary.extend',
        before: { reviewDate: before.reviewDate },
        after: { reviewDate: after.reviewDate, reason: parsed.data.reason },
      });
      return after;
    },
    now,
  );
}

/** No longer required: deletes the DoS account and closes the entry, in one transaction. */
export async function deleteTemporaryAccount(
  db: DosDeskDb,
  operatorId: string | null,
  id: string,
  now = new Date(),
): Promise<TemporaryEntry> {
  return change(
    { db, operatorId },
    [db.temporaryAccounts, db.accounts],
    async (ctx) => {
      const { operator, at } = ctx;
      const before = await loadEntry(db, operator, id);
      const account = await db.accounts.get(before.accountId);
      if (account && account.status === 'active') {
        await markAccountDeleted(ctx, account, `Temporary access no longer required: ${before.reason}`, 'account.delete-temporary');
      }
      const after: TemporaryEntry = {
        ...before,
        status: 'closed',
        history: [
          ...before.history,
          { at, operatorId: operator.id, action: 'account-deleted', reviewDate: before.reviewDate, reason: 'No longer required' },
        ],
        updatedAt: at,
      };
      await db.temporaryAccounts.put(after);
      await ctx.audit({
        entity: 'temporary-account',
        entityId: id,
        subject: subjectOf(before),
        action: 'temporary.close',
        before: { status: 'active' },
        after: { status: 'closed' },
      });
      return after;
    },
    now,
  );
}

/** Active entries for the operator's regions, soonest review first. */
export async function temporaryRegister(db: DosDeskDb, operator: Operator): Promise<TemporaryEntry[]> {
  const scope = managedRegions(operator);
  const list = await db.temporaryAccounts.where('status').equals('active').toArray();
  return list.filter((e) => scope.has(e.region)).sort((a, b) => a.reviewDate.localeCompare(b.reviewDate));
}

export interface Reminder {
  entry: TemporaryEntry;
  stage: ReminderStage;
}

/** Entries within 14 days of review, or overdue. */
export function remindersFor(entries: readonly TemporaryEntry[], now: Date): Reminder[] {
  return entries.flatMap((entry) => {
    const stage = reminderStage(entry.reviewDate, now);
    return stage ? [{ entry, stage }] : [];
  });
}

/**
 * Reminders that still need a system notification, marking them as shown so a restart does not
 * repeat them. Not audited: it records what this desk has shown, not a change to a record, so it
 * is kept in this desk's own `deskFlags` and never on the shared record (team sync would otherwise
 * send every desk's "shown" marks as edits). Marks made on the record before team sync still count.
 */
export async function takeUnnotified(db: DosDeskDb, reminders: readonly Reminder[]): Promise<Reminder[]> {
  const flag = (r: Reminder) => `reminder:${r.entry.id}:${r.stage}`;
  const candidates = reminders.filter((r) => !r.entry.notified.includes(r.stage));
  if (!candidates.length) return [];
  return db.transaction('rw', db.deskFlags, async () => {
    const shown = await db.deskFlags.bulkGet(candidates.map(flag));
    const fresh = candidates.filter((_, i) => !shown[i]);
    await db.deskFlags.bulkPut(fresh.map((r) => ({ key: flag(r) })));
    return fresh;
  });
}
