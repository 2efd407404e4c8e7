import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DosDeskDb } from '../../../renderer/src/db/database';
import { LATEST_VERSION, SCHEMA_VERSIONS } from '../../../renderer/src/db/schema';
import { verifyAuditChain } from '../../../renderer/src/db/audit';

/**
 * Fixture data as each version stored it. Every new schema version adds its fixtures here, and
 * this harness opens every earlier version's data with the current code.
 */
const FIXTURES: Record<number, Record<string, unknown[]>> = {
  1: {
    operators: [
      {
        id: 'op-1',
        fullName: 'Priya Shah',
        email: 'priya.shah@nhs.net',
        jobRole: 'Local DoS Lead',
        regions: ['London'],
        approveUserRegions: ['London'],
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
    ],
    settingsCache: [{ key: 'currentOperatorId', value: 'op-1' }],
    audit: [
      {
        at: '2026-01-01T00:00:00.000Z',
        operatorId: 'op-1',
        entity: 'operator',
        entityId: 'op-1',
        action: 'operator.create',
        before: null,
        after: {},
      },
      {
        at: '2026-01-02T00:00:00.000Z',
        operatorId: 'op-1',
        entity: 'session',
        entityId: 'current-operator',
        action: 'operator.switch',
        before: null,
        after: 'op-1',
      },
    ],
  },
  5: {
    ccOrganisations: [
      {
        id: 'org-1',
        name: 'Riverside Trust',
        serviceDeskEmail: 'servicedesk@riverside.nhs.uk',
        allocationPerYear: 10,
        authorisers: [{ name: 'Priya Shah', email: 'priya.shah@nhs.net' }],
        roles: ['Clinician'],
        createdAt: 'x',
        updatedAt: 'x',
      },
    ],
    ccRequests: [],
    ccLicences: [],
  },
  4: {
    temporaryAccounts: [
      {
        id: 'tmp-1',
        accountId: 'acc-1',
        accountName: 'Alex Jones',
        region: 'London',
        reason: 'On-call cover',
        reviewDate: '2026-12-01',
        keeper: 'local',
        status: 'active',
        history: [],
        notified: [],
        createdAt: 'x',
        updatedAt: 'x',
      },
    ],
    emergencyChanges: [],
  },
  3: {
    requests: [
      {
        id: 'req-1',
        fullName: 'Jo Bloggs',
        email: 'jo.bloggs@nhs.net',
        phone: '',
        organisation: 'Riverside',
        jobTitle: 'Nurse',
        region: 'London',
        userType: 'clinical-lead',
        reason: 'Clinical lead',
        servicesNeeded: '',
        emailValidatedOn: null,
        registeredAt: '2026-11-01T09:00:00.000Z',
        status: 'outstanding',
        activationResends: [],
        regionHistory: [],
        rejection: null,
        approvedAccountId: null,
        createdAt: 'x',
        updatedAt: 'x',
        closedAt: null,
      },
    ],
  },
  9: {
    syncRevs: [{ id: 'services:svc-1', rev: '1-0123456789abcdef0123456789abcdef' }],
    syncConflicts: [],
    syncState: [{ key: 'pushedSeq', value: 1 }],
    syncOutgoing: [],
    syncPending: [],
    teamAudit: [
      {
        desk: '7b1e0a52-6f5b-4b8e-9a51-2f0a3c4d5e6f',
        id: 1,
        at: '2026-12-02T10:00:00.000Z',
        operatorId: 'op-x',
        entity: 'operator',
        entityId: 'op-x',
        action: 'operator.create',
        before: null,
        after: {},
      },
    ],
    deskFlags: [{ key: 'reminder:tmp-1:14-days' }],
  },
  8: {
    changes: [{ at: '2026-12-02T10:00:00.000Z', table: 'services', op: 'delete', keys: ['svc-gone'], values: null }],
  },
  7: {
    capacityReports: [
      {
        id: 'cap-1',
        serviceId: 'svc-1',
        serviceName: 'Riverside UTC',
        region: 'London',
        date: '2026-11-20',
        rag: 'amber',
        note: '',
        setBy: 'Priya Shah',
        setById: 'op-1',
        at: 'x',
        updatedAt: 'x',
      },
    ],
    pharmacyProfiles: [
      {
        id: 'ph-1',
        odsCode: 'FA123',
        profileStatus: 'active',
        name: 'Rowlands Pharmacy',
        address: '61 Arundel Avenue, Stockport',
        postcode: 'SK7 5LD',
        website: '',
        phone: '0161 496 0000',
        region: 'North West',
        standardTimes: { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] },
        specifiedTimes: [],
        lastCheckedOn: null,
        nextCheckDue: '2026-11-20',
        createdAt: 'x',
        updatedAt: 'x',
      },
    ],
    pharmacyChanges: [],
  },
  6: {
    // v6 only added an index; requests are stored as before.
    requests: [
      {
        id: 'req-6',
        fullName: 'Sam Patel',
        email: 'sam.patel@nhs.net',
        phone: '',
        organisation: 'Riverside',
        jobTitle: 'Pharmacist',
        region: 'Midlands',
        userType: 'service-provider',
        reason: 'Service provider',
        servicesNeeded: '',
        emailValidatedOn: '2026-11-02',
        registeredAt: '2026-11-02T09:00:00.000Z',
        status: 'outstanding',
        activationResends: [],
        regionHistory: [],
        rejection: null,
        approvedAccountId: null,
        createdAt: 'x',
        updatedAt: 'x',
        closedAt: null,
      },
    ],
  },
  2: {
    services: [
      {
        id: 'svc-1',
        name: 'Riverside UTC',
        serviceType: 'UTC',
        odsCode: 'RV001',
        region: 'London',
        parentId: null,
        createdAt: 'x',
        updatedAt: 'x',
      },
    ],
    accounts: [
      {
        id: 'acc-1',
        fullName: 'Alex Jones',
        email: 'alex.jones@nhs.net',
        phone: '',
        organisation: 'Riverside',
        jobTitle: 'Manager',
        userType: 'clinical-lead',
        regions: ['London'],
        roles: ['viewClinical'],
        serviceIds: ['svc-1'],
        status: 'active',
        createdAt: 'x',
        updatedAt: 'x',
        deletedAt: null,
        deleteReason: null,
      },
    ],
  },
};

describe('schema migrations', () => {
  it('has fixtures for every version', () => {
    for (const { version } of SCHEMA_VERSIONS) expect(FIXTURES[version], `fixtures for v${version}`).toBeDefined();
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))(
    'opens data written by version %i with the current code, losing nothing',
    async (version) => {
      const name = `migration-from-v${version}-${Date.now()}`;
      const old = new Dexie(name);
      for (const step of SCHEMA_VERSIONS.filter((v) => v.version <= version)) old.version(step.version).stores(step.stores);
      await old.open();
      for (const [table, rows] of Object.entries(FIXTURES[version]!)) await old.table(table).bulkAdd(rows);
      old.close();

      const db = new DosDeskDb(name);
      await db.open();
      expect(db.verno).toBe(LATEST_VERSION);
      for (const [table, rows] of Object.entries(FIXTURES[version]!)) expect(await db.table(table).count(), table).toBe(rows.length);
      if (version === 1) expect((await db.operators.get('op-1'))?.email).toBe('priya.shah@nhs.net');
      if (version === 2) {
        expect(await db.accounts.where('regions').equals('London').count()).toBe(1);
        // v7 gives services from before it a status, no capacity yet and no reduced hours.
        expect(await db.services.get('svc-1')).toMatchObject({
          status: 'active',
          suspension: null,
          closure: null,
          capacity: null,
          reducedHours: '',
        });
      }
      if (version === 7)
        expect(await db.pharmacyProfiles.where('[region+nextCheckDue]').below(['North West', '2026-11-21']).count()).toBe(1);
      if (version === 5) expect((await db.ccOrganisations.get('org-1'))!.name).toBe('Riverside Trust');
      if (version === 4) expect(await db.temporaryAccounts.where('status').equals('active').count()).toBe(1);
      if (version === 3) {
        expect(await db.requests.where('[status+region]').equals(['outstanding', 'London']).count()).toBe(1);
        // Requests from before v6 are found by the queue's date-ordered index too.
        const ordered = db.requests
          .where('[status+region+registeredAt]')
          .between(['outstanding', 'London', Dexie.minKey], ['outstanding', 'London', Dexie.maxKey]);
        expect((await ordered.toArray()).map((r) => r.id)).toEqual(['req-1']);
      }
      // Whatever version the data came from, the audit trail is a valid hash chain afterwards.
      expect((await verifyAuditChain(db)).problem).toBeNull();
      db.close();
    },
  );

  it('only moves forward: versions are strictly increasing', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });
});

describe('v2 migration', () => {
  it('links v1 audit entries into a hash chain, in id order', async () => {
    const name = `v2-chain-${Date.now()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    await old.open();
    await old.table('audit').bulkAdd(FIXTURES[1]!.audit!);
    old.close();
    const db = new DosDeskDb(name);
    await db.open();
    const entries = await db.audit.orderBy(':id').toArray();
    expect(entries[0]!.prevHash).toBe('');
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(entries[1]!.hash).toMatch(/^[0-9a-f]{64}$/);
    db.close();
  });
});

describe('v4 migration', () => {
  it('gives accounts from earlier versions an unknown last login', async () => {
    const name = `v4-accounts-${Date.now()}`;
    const old = new Dexie(name);
    for (const step of SCHEMA_VERSIONS.filter((v) => v.version <= 3)) old.version(step.version).stores(step.stores);
    await old.open();
    await old.table('accounts').bulkAdd(FIXTURES[2]!.accounts!);
    old.close();
    const db = new DosDeskDb(name);
    await db.open();
    expect((await db.accounts.get('acc-1'))!.lastLoginOn).toBeNull();
    db.close();
  });
});
