import { beforeEach, describe, expect, it } from 'vitest';
import type { Operator } from '@shared/models/operator';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { createAccount } from '../../../renderer/src/features/accounts/data/accounts';
import { importAccountsCsv, previewAccountsCsv } from '../../../renderer/src/features/backups/data/accounts-csv';
import { userStatusReport } from '../../../renderer/src/features/backups/data/reports';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import { freshDb, PRIYA, realApi } from '../helpers';
import { dailyBackupIfDue } from '../../../renderer/src/features/backups/data/use-backups';

let db: DosDeskDb;
let lead: Operator;
const account = (change: Record<string, unknown> = {}) => ({
  fullName: 'Alex Jones',
  email: 'alex.jones@nhs.net',
  phone: '',
  organisation: 'Riverside',
  jobTitle: 'Lead',
  userType: 'clinical-lead',
  regions: ['London'],
  roles: ['viewClinical'],
  serviceIds: [],
  ...change,
});

beforeEach(async () => {
  db = freshDb();
  await db.open();
  lead = await createOperator(db, PRIYA, DEFAULT_SETTINGS.regions);
});

describe('accounts CSV import', () => {
  it('reports new, changed, duplicate and invalid rows with reasons, then writes only new and changed', async () => {
    await createAccount(db, lead.id, account());
    await createAccount(db, lead.id, account({ fullName: 'Same Person', email: 'same@nhs.net' }));
    const csv = [
      'fullName,email,phone,organisation,jobTitle,userType,regions,roles,lastLoginOn',
      'New Person,new@nhs.net,,Trust,Nurse,clinical-lead,London,viewClinical;compareService,20/05/2026',
      'Alex Jones,alex.jones@nhs.net,,Riverside,Clinical Director,clinical-lead,London,viewClinical,',
      'Same Person,same@nhs.net,,Riverside,Lead,clinical-lead,London,viewClinical,',
      'Bad Role,bad@nhs.net,,Trust,Nurse,clinical-lead,London,viewClinical;superUser,',
      'Far Away,far@nhs.net,,Trust,Nurse,clinical-lead,Midlands,viewClinical,',
      'Bad Date,date@nhs.net,,Trust,Nurse,clinical-lead,London,viewClinical,31/02/2026',
      '"Broken, ""quote",x',
    ].join('\n');
    const rows = await previewAccountsCsv(db, lead, csv);
    expect(rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'new'],
      [3, 'changed'],
      [4, 'duplicate'],
      [5, 'invalid'],
      [6, 'invalid'],
      [7, 'invalid'],
      [8, 'invalid'],
    ]);
    expect(rows[1]!.reason).toBe('changes jobTitle');
    expect(rows[3]!.reason).toMatch(/Unknown role: superUser/);
    expect(rows[4]!.reason).toMatch(/do not hold approveUser in Midlands/);
    const before = await db.accounts.count();
    expect(await importAccountsCsv(db, lead.id, rows)).toBe(2);
    expect(await db.accounts.count()).toBe(before + 1);
    expect((await db.accounts.where('email').equals('new@nhs.net').first())!.lastLoginOn).toBe('2026-05-20');
    expect((await db.accounts.where('email').equals('alex.jones@nhs.net').first())!.jobTitle).toBe('Clinical Director');
  });
});

describe('importing as one change', () => {
  it('names imported and changed accounts in words', async () => {
    await createAccount(db, lead.id, account());
    const csv = [
      'fullName,email,phone,organisation,jobTitle,userType,regions,roles,lastLoginOn',
      'New Person,new@nhs.net,,Trust,Nurse,clinical-lead,London,viewClinical,',
      'Alex Jones,alex.jones@nhs.net,,Riverside,Clinical Director,clinical-lead,London,viewClinical,',
    ].join('\n');
    expect(await importAccountsCsv(db, lead.id, await previewAccountsCsv(db, lead, csv))).toBe(2);
    const entries = (await db.audit.toArray()).filter((e) => e.action.startsWith('account.import'));
    expect(entries.map((e) => [e.action, e.subject])).toEqual([
      ['account.import', '1 account from a CSV file (New Person)'],
      ['account.import-update', "Alex Jones's account"],
    ]);
  });
});

describe('reports', () => {
  it('user status report for a region lists roles, last login and flags, safe for spreadsheets', async () => {
    await createAccount(db, lead.id, account({ fullName: '=HYPERLINK("x")' }));
    const csv = await userStatusReport(db, 'London', new Date('2026-11-21T12:00:00Z'));
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toBe(
      'name,email,organisation,job title,user type,regions,roles,status,last login,inactivity,six months from last login,temporary,review date',
    );
    expect(row).toMatch(
      /^"'=HYPERLINK\(""x""\)",alex\.jones@nhs\.net,Riverside,Lead,Clinical Lead,London,viewClinical,active,,last login not known,,no,$/,
    );
  });
});

describe('automatic daily backup', () => {
  it('backs up once a day: not again the same day', async () => {
    const { api } = realApi();
    expect((await dailyBackupIfDue(db, api))?.reason).toBe('daily');
    expect(await dailyBackupIfDue(db, api)).toBeNull();
    const list = await api.listBackups();
    expect(list.ok && list.data.map((b) => b.reason)).toEqual(['daily']);
  });
});
