import { beforeEach, describe, expect, it } from 'vitest';
import { getSuggestedSet } from '@shared/domain/user-types';
import { servicesCovered } from '@shared/domain/service-tree';
import type { Operator } from '@shared/models/operator';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { verifyAuditChain } from '../../../renderer/src/db/audit';
import { InputError } from '../../../renderer/src/db/guards';
import {
  accountsInScope,
  amendAccount,
  createAccount,
  deleteAccount,
  getAccountInScope,
} from '../../../renderer/src/features/accounts/data/accounts';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import { createService, importServices, previewServicesCsv } from '../../../renderer/src/features/services/data/services';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import { freshDb, PRIYA, rawAudit } from '../helpers';

const REGIONS = DEFAULT_SETTINGS.regions;
let db: DosDeskDb;
let lead: Operator; // approveUser in London and South East
let viewer: Operator; // no approveUser

const account = (change: Record<string, unknown> = {}) => ({
  fullName: 'Alex Jones',
  email: 'alex.jones@nhs.net',
  phone: '0300 000 0000',
  organisation: 'Riverside UTC',
  jobTitle: 'Service Manager',
  userType: 'clinical-lead',
  regions: ['London'],
  roles: ['viewClinical', 'compareService'],
  serviceIds: [] as string[],
  ...change,
});

async function snapshot() {
  return { accounts: await db.accounts.count(), audit: await db.audit.count() };
}

beforeEach(async () => {
  db = freshDb();
  await db.open();
  lead = await createOperator(db, { ...PRIYA, approveUserRegions: ['London', 'South East'] }, REGIONS);
  viewer = await createOperator(
    db,
    { ...PRIYA, fullName: 'Sam Okoro', email: 'sam.okoro@nhs.net', regions: ['Midlands'], approveUserRegions: [] },
    REGIONS,
  );
});

describe('DoS accounts', () => {
  it('creates, amends (roles, region, details) and deletes, auditing each write with before and after', async () => {
    const a = await createAccount(db, lead.id, account());
    expect(a.roles).toEqual(['compareService', 'viewClinical']);
    await amendAccount(
      db,
      lead.id,
      a.id,
      account({
        roles: ['viewClinical', 'compareService', 'editCapacity'],
        regions: ['London', 'South East'],
        jobTitle: 'Clinical Director',
      }),
    );
    await deleteAccount(db, lead.id, a.id, 'Left the organisation');
    const entries = await db.audit.where('[entity+entityId]').equals(['account', a.id]).sortBy('id');
    expect(entries.map((e) => e.action)).toEqual([
      'account.create',
      'account.roles-change',
      'account.region-change',
      'account.amend',
      'account.delete',
    ]);
    expect(entries[1]).toMatchObject({
      before: ['compareService', 'viewClinical'],
      after: ['compareService', 'editCapacity', 'viewClinical'],
      operatorId: lead.id,
    });
    expect(entries[2]).toMatchObject({ before: ['London'], after: ['London', 'South East'] });
    expect(entries[3]).toMatchObject({ before: { jobTitle: 'Service Manager' }, after: { jobTitle: 'Clinical Director' } });
    expect(entries[4]!.after).toMatchObject({ status: 'deleted', deleteReason: 'Left the organisation' });
    expect(await verifyAuditChain(db)).toMatchObject({ problem: null });
  });

  it.each([
    ['an unknown role (as from a CSV)', { roles: ['viewClinical', 'superUser'] }, 'roles', /Unknown role: superUser/],
    ['editClinical without viewClinical', { roles: ['editClinical'] }, 'roles', /requires the 'viewClinical' role/],
    ['no region', { regions: [] }, 'regions', /at least one region/],
    ['a relationship to a missing service', { serviceIds: ['no-such-service'] }, 'serviceIds', /no longer exists/],
    ['a header-breaking name', { fullName: 'Alex\r\nJones' }, 'fullName', /line breaks/],
  ])('refuses %s, naming the field, and writes nothing', async (_label, change, field, message) => {
    const before = await snapshot();
    const error = await createAccount(db, lead.id, account(change)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(field);
    expect((error as Error).message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a region outside the operator’s approveUser scope, in the data layer', async () => {
    const before = await snapshot();
    await expect(createAccount(db, lead.id, account({ regions: ['Midlands'] }))).rejects.toThrow(InputError);
    await expect(createAccount(db, viewer.id, account())).rejects.toThrow(/do not hold approveUser in London/);
    expect(await snapshot()).toEqual(before);
  });

  it('an operator cannot see, amend or delete accounts outside their scope', async () => {
    const a = await createAccount(db, lead.id, account());
    expect(await accountsInScope(db, viewer)).toEqual([]);
    expect((await accountsInScope(db, lead)).map((x) => x.id)).toEqual([a.id]);
    await expect(getAccountInScope(db, viewer.id, a.id)).rejects.toThrow(/cannot manage Alex Jones's account.*London.*no region/);
    const before = await snapshot();
    await expect(amendAccount(db, viewer.id, a.id, account({ jobTitle: 'X' }))).rejects.toThrow(InputError);
    await expect(deleteAccount(db, viewer.id, a.id, 'no')).rejects.toThrow(InputError);
    await expect(amendAccount(db, lead.id, a.id, account({ regions: ['London', 'Midlands'] }))).rejects.toThrow(
      /do not hold approveUser in Midlands/,
    );
    expect(await snapshot()).toEqual(before);
    expect((await db.accounts.get(a.id))!.status).toBe('active');
  });

  it('refuses a second active account with the same email, and deleting without a reason', async () => {
    const a = await createAccount(db, lead.id, account());
    await expect(createAccount(db, lead.id, account({ email: 'ALEX.JONES@nhs.net' }))).rejects.toThrow(/already has a DoS account/);
    await expect(deleteAccount(db, lead.id, a.id, '  ')).rejects.toThrow(/Enter the reason/);
  });

  it('applies a suggested set as given', async () => {
    const roles = [...getSuggestedSet('emergency-changes').roles!];
    const a = await createAccount(db, lead.id, account({ userType: 'emergency-changes', roles }));
    expect(a.roles).toEqual(['editCapacity', 'editDemographic']);
  });
});

describe('services', () => {
  it('relationship roles reach each chosen service and every child down a 3-level tree', async () => {
    const region = await createService(
      db,
      lead.id,
      { name: 'London IUC', serviceType: 'IUC', odsCode: 'LIUC1', region: 'London', parentId: null },
      REGIONS,
    );
    const hub = await createService(
      db,
      lead.id,
      { name: 'North Hub', serviceType: 'UTC', odsCode: '', region: 'London', parentId: region.id },
      REGIONS,
    );
    const site = await createService(
      db,
      lead.id,
      { name: 'Riverside', serviceType: 'UTC', odsCode: '', region: 'London', parentId: hub.id },
      REGIONS,
    );
    const other = await createService(
      db,
      lead.id,
      { name: 'Elsewhere', serviceType: 'GP', odsCode: '', region: 'London', parentId: null },
      REGIONS,
    );
    const all = await db.services.toArray();
    expect(servicesCovered([region.id], all)).toEqual(new Set([region.id, hub.id, site.id]));
    expect(servicesCovered([hub.id], all)).toEqual(new Set([hub.id, site.id]));
    expect(servicesCovered([site.id, other.id], all)).toEqual(new Set([site.id, other.id]));
    expect(servicesCovered(['missing'], all).size).toBe(0);
  });

  it('refuses a service under itself or a missing parent', async () => {
    await expect(
      createService(db, lead.id, { name: 'X', serviceType: 'GP', odsCode: '', region: 'London', parentId: 'nope' }, REGIONS),
    ).rejects.toThrow(/parent service no longer exists/);
    await expect(
      createService(db, lead.id, { name: 'X', serviceType: 'GP', odsCode: 'bad code!', region: 'London', parentId: null }, REGIONS),
    ).rejects.toThrow(/letters and numbers/);
  });

  it('previews a CSV as new, duplicate and invalid rows with reasons, then imports only the new ones', async () => {
    await createService(db, lead.id, { name: 'Existing', serviceType: 'GP', odsCode: 'EX001', region: 'London', parentId: null }, REGIONS);
    const csv = [
      'name,serviceType,odsCode,region,parentOdsCode',
      'Parent Hub,UTC,PH001,London,',
      'Child Site,UTC,CS001,London,PH001',
      'Again,GP,EX001,London,',
      'Bad Region,GP,BR001,Atlantis,',
      ',GP,NN001,London,',
      'Orphan,GP,OR001,London,ZZ999',
    ].join('\n');
    const rows = await previewServicesCsv(db, csv, REGIONS);
    expect(rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'new'],
      [3, 'new'],
      [4, 'duplicate'],
      [5, 'invalid'],
      [6, 'invalid'],
      [7, 'invalid'],
    ]);
    expect(rows[3]!.reason).toMatch(/Atlantis/);
    expect(rows[5]!.reason).toMatch(/ZZ999/);
    expect(await db.services.count()).toBe(1);
    expect(await importServices(db, lead.id, rows)).toBe(2);
    const child = await db.services.where('odsCode').equals('CS001').first();
    const parent = await db.services.where('odsCode').equals('PH001').first();
    expect(child!.parentId).toBe(parent!.id);
  });

  it('refuses a CSV without the needed columns', async () => {
    await expect(previewServicesCsv(db, 'title,type\nA,B', REGIONS)).rejects.toThrow(/Missing: name, serviceType, odsCode, region/);
  });
});

describe('audit chain', () => {
  it('catches an edited entry and names it', async () => {
    const a = await createAccount(db, lead.id, account());
    await amendAccount(db, lead.id, a.id, account({ jobTitle: 'Changed' }));
    const ok = await verifyAuditChain(db);
    expect(ok.problem).toBeNull();
    expect(ok.checked).toBe(await db.audit.count());
    const target = (await db.audit.where('action').equals('account.create').first())!;
    await rawAudit(db.name, (store) => store.put({ ...target, after: { ...(target.after as object), roles: ['approveUser'] } }));
    const broken = await verifyAuditChain(db);
    expect(broken.problem).toEqual({ id: target.id, reason: expect.stringMatching(/has been changed since it was written/) });
  });

  it('catches a removed entry', async () => {
    const a = await createAccount(db, lead.id, account());
    await amendAccount(db, lead.id, a.id, account({ jobTitle: 'Changed' }));
    const create = (await db.audit.where('action').equals('account.create').first())!;
    await rawAudit(db.name, (store) => store.delete(create.id!));
    expect((await verifyAuditChain(db)).problem?.reason).toMatch(/is missing/);
  });
});
