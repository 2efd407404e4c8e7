import { beforeEach, describe, expect, it } from 'vitest';
import type { DosDeskApi } from '@shared/ipc/api';
import type { Account } from '@shared/models/account';
import type { Operator } from '@shared/models/operator';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { verifyAuditChain } from '../../../renderer/src/db/audit';
import { InputError } from '../../../renderer/src/db/guards';
import { createAccount } from '../../../renderer/src/features/accounts/data/accounts';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import {
  emergencyLog,
  logEmergencyChange,
  reviewEmergencyChange,
  sendEmergencyReport,
} from '../../../renderer/src/features/registers/data/emergency';
import {
  importLastLogins,
  inactiveRegister,
  INACTIVE_DELETION_REASON,
  previewLastLogins,
  recordInactiveDeletion,
  setLastLogin,
} from '../../../renderer/src/features/registers/data/inactive';
import {
  addTemporaryEntry,
  deleteTemporaryAccount,
  extendTemporaryEntry,
  remindersFor,
  takeUnnotified,
  temporaryRegister,
} from '../../../renderer/src/features/registers/data/temporary';
import { createService } from '../../../renderer/src/features/services/data/services';
import { freshDb, PRIYA, realApi } from '../helpers';

const REGIONS = DEFAULT_SETTINGS.regions;
let db: DosDeskDb;
let api: DosDeskApi;
let lead: Operator;
let alex: Account;
const NOW = new Date('2026-11-21T12:00:00Z');

beforeEach(async () => {
  db = freshDb();
  await db.open();
  api = realApi().api;
  lead = await createOperator(db, PRIYA, REGIONS);
  alex = await createAccount(db, lead.id, {
    fullName: 'Alex Jones',
    email: 'alex.jones@nhs.net',
    phone: '',
    organisation: 'Riverside',
    jobTitle: 'Director on Call',
    userType: 'emergency-changes',
    regions: ['London'],
    roles: ['editCapacity', 'editDemographic'],
    serviceIds: [],
  });
});

const actions = async (entity: string) => (await db.audit.toArray()).filter((e) => e.entity === entity).map((e) => e.action);

describe('temporary accounts register', () => {
  it('adds, reminds, extends and deletes, with audit entries', async () => {
    const entry = await addTemporaryEntry(
      db,
      lead.id,
      { accountId: alex.id, reason: 'One-off on-call cover', reviewDate: '2026-12-01', keeper: 'local' },
      NOW,
    );
    expect(remindersFor(await temporaryRegister(db, lead), NOW).map((r) => r.stage)).toEqual(['14-days']);
    expect((await takeUnnotified(db, remindersFor(await temporaryRegister(db, lead), NOW))).length).toBe(1);
    expect((await takeUnnotified(db, remindersFor(await temporaryRegister(db, lead), NOW))).length).toBe(0); // not repeated
    // What this desk has shown is its own: the shared record is not changed, so team sync sends nothing.
    expect(await db.changes.where('table').equals('temporaryAccounts').count()).toBe(1);

    await expect(extendTemporaryEntry(db, lead.id, entry.id, { reviewDate: '2026-11-30', reason: 'x' }, NOW)).rejects.toThrow(
      /after the current one/,
    );
    const extended = await extendTemporaryEntry(
      db,
      lead.id,
      entry.id,
      { reviewDate: '2027-01-15', reason: 'Cover extended to January' },
      NOW,
    );
    expect(extended.history.map((h) => h.action)).toEqual(['created', 'extended']);
    expect(remindersFor([extended], NOW)).toEqual([]);

    await deleteTemporaryAccount(db, lead.id, entry.id, NOW);
    expect((await db.accounts.get(alex.id))!).toMatchObject({
      status: 'deleted',
      deleteReason: 'Temporary access no longer required: One-off on-call cover',
    });
    expect(await temporaryRegister(db, lead)).toEqual([]);
    expect(await actions('temporary-account')).toEqual(['temporary.create', 'temporary.extend', 'temporary.close']);
    expect(await actions('account')).toContain('account.delete-temporary');
    expect((await verifyAuditChain(db)).problem).toBeNull();
  });

  it.each([
    ['a missing review date', { reviewDate: '' }, 'reviewDate'],
    ['a missing reason', { reason: ' ' }, 'reason'],
    ['a past date', { reviewDate: '2026-01-01' }, 'reviewDate'],
    ['an unknown account', { accountId: 'ghost' }, 'accountId'],
  ])('refuses %s and writes nothing', async (_label, change, field) => {
    const before = await db.audit.count();
    const error = await addTemporaryEntry(
      db,
      lead.id,
      { accountId: alex.id, reason: 'Cover', reviewDate: '2026-12-01', keeper: 'local', ...change },
      NOW,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(field);
    expect(await db.temporaryAccounts.count()).toBe(0);
    expect(await db.audit.count()).toBe(before);
  });
});

describe('inactive accounts', () => {
  it('lists accounts over 6 months as due for deletion and flags those within 30 days', async () => {
    await setLastLogin(db, lead.id, alex.id, '2026-05-21', NOW);
    expect((await inactiveRegister(db, lead, NOW))[0]!.state).toBe('approaching'); // line is 2026-11-21: not yet more than 6 months
    await setLastLogin(db, lead.id, alex.id, '2026-05-20', NOW);
    expect((await inactiveRegister(db, lead, NOW))[0]!.state).toBe('due-for-deletion');
    await recordInactiveDeletion(db, lead.id, alex.id, NOW);
    expect((await db.accounts.get(alex.id))!).toMatchObject({ status: 'deleted', deleteReason: INACTIVE_DELETION_REASON });
    expect(await inactiveRegister(db, lead, NOW)).toEqual([]);
  });

  it('imports last logins from a user status report, reporting unknown accounts and writing nothing for them', async () => {
    const csv = ['Email,Last Login', 'alex.jones@nhs.net,20/05/2026', 'nobody@nhs.net,01/01/2026', 'alex.jones@nhs.net,31/02/2026'].join(
      '\n',
    );
    const rows = await previewLastLogins(db, lead, csv, NOW);
    expect(rows.map((r) => r.status)).toEqual(['new', 'invalid', 'invalid']);
    expect(rows[1]!.reason).toMatch(/No DoS account with the email "nobody@nhs.net"/);
    expect(rows[2]!.reason).toMatch(/not a date/);
    expect((await db.accounts.get(alex.id))!.lastLoginOn).toBeNull();
    expect(await importLastLogins(db, lead.id, rows, NOW)).toBe(1);
    expect((await db.accounts.get(alex.id))!.lastLoginOn).toBe('2026-05-20');
    await expect(previewLastLogins(db, lead, 'name,when\nx,y', NOW)).rejects.toThrow(/"email" column/);
  });
});

describe('emergency changes', () => {
  async function logOne(madeAt = '2026-11-21T02:10:00Z') {
    const service = await createService(
      db,
      lead.id,
      { name: 'Riverside UTC', serviceType: 'UTC', odsCode: '', region: 'London', parentId: null },
      REGIONS,
    );
    return logEmergencyChange(
      db,
      lead.id,
      { accountId: alex.id, madeAt, serviceId: service.id, kinds: ['capacity'], details: 'Capacity set to red', why: 'Staff sickness' },
      NOW,
    );
  }

  it('reports to the local and regional teams through the outbox, with the change in the email', async () => {
    const change = await logOne();
    await expect(sendEmergencyReport({ db, api, operatorId: lead.id, delivery: 'mail-client' }, change.id, [], NOW)).rejects.toThrow(
      /no DoS team addresses for London/,
    );
    const teams = [{ region: 'London', localEmail: 'london.local.dos@nhs.net', regionalEmail: 'london.regional.dos@nhs.net' }];
    const reported = await sendEmergencyReport({ db, api, operatorId: lead.id, delivery: 'mail-client' }, change.id, teams, NOW);
    expect(reported.reportedAt).toBe(NOW.toISOString());
    const list = await api.listOutbox();
    const entry = list.ok ? list.data[0]! : null;
    expect(entry).toMatchObject({
      subject: 'Emergency DoS change: Riverside UTC (London)',
      to: [{ address: 'london.local.dos@nhs.net' }, { address: 'london.regional.dos@nhs.net' }],
    });
    const full = await api.getOutboxEntry(entry!.id);
    const text = full.ok ? full.data.text : '';
    expect(text).toContain('Made by: Alex Jones (alex.jones@nhs.net)');
    expect(text).toContain('When: Saturday 21 November 2026 at 02:10 (London time)');
    expect(text).toContain('What changed: capacity');
    expect(text).toContain('within 24 hours of the change (by Sunday 22 November 2026 at 02:10 (London time))');
    await expect(sendEmergencyReport({ db, api, operatorId: lead.id, delivery: 'mail-client' }, change.id, teams, NOW)).rejects.toThrow(
      /already been reported/,
    );
  });

  it('records the lead’s review, and refuses a change in the future or without what changed', async () => {
    const change = await logOne();
    const reviewed = await reviewEmergencyChange(db, lead.id, change.id, { outcome: 'permanent-change', note: 'Profile updated' }, NOW);
    expect(reviewed.review).toMatchObject({ outcome: 'permanent-change', note: 'Profile updated' });
    await expect(logOne('2026-11-22T12:00:00Z')).rejects.toThrow(/cannot be in the future/);
    const bad = await logEmergencyChange(
      db,
      lead.id,
      { accountId: alex.id, madeAt: '2026-11-21T01:00:00Z', serviceId: change.serviceId, kinds: [], details: '', why: '' },
      NOW,
    ).catch((e: unknown) => e);
    expect((bad as InputError).field).toBe('kinds');
    expect((await emergencyLog(db, lead)).length).toBe(1);
  });
});
