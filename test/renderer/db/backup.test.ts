import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import type { DosDeskApi } from '@shared/ipc/api';
import {
  backupNow,
  BackupError,
  exportDatabase,
  parseBackup,
  readBackup,
  restoreInto,
  tableCounts,
  tableHashes,
} from '../../../renderer/src/db/backup';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { verifyAuditChain } from '../../../renderer/src/db/audit';
import { hashEntry } from '@shared/domain/audit-chain';
import { SCHEMA_VERSIONS } from '../../../renderer/src/db/schema';
import { createAccount } from '../../../renderer/src/features/accounts/data/accounts';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import { QUICK } from '../../support/quick';
import { freshDb, PRIYA, realApi } from '../helpers';

let db: DosDeskDb;
let api: DosDeskApi;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  api = realApi().api;
  const lead = await createOperator(db, PRIYA, DEFAULT_SETTINGS.regions);
  await createAccount(db, lead.id, {
    fullName: 'Zoë Jones 🙂',
    email: 'zoe.jones@nhs.net',
    phone: '',
    organisation: 'Riverside',
    jobTitle: 'Lead',
    userType: 'local-dos-lead',
    regions: ['London'],
    roles: ['viewClinical'],
    serviceIds: [],
  });
});

describe('backup and restore', () => {
  it('round-trips through main: what is restored is identical, table by table', async () => {
    const before = await tableHashes(db);
    const manifest = await backupNow(db, api, 'manual');
    expect(manifest.counts).toMatchObject({ operators: 1, accounts: 1 });
    await db.accounts.clear();
    const bytes = await readBackup(api, manifest);
    const { counts } = await restoreInto(db, await parseBackup(bytes), { api, label: 'the test backup', operatorId: null });
    expect(counts).toMatchObject({ operators: 1, accounts: 1 });
    const { audit: auditBefore, settingsCache: _s1, ...recordsBefore } = before;
    const { audit: auditAfter, settingsCache: _s2, ...recordsAfter } = await tableHashes(db);
    expect(recordsAfter).toEqual(recordsBefore);
    // History is never erased: the trail grew by the restore's own entry.
    expect(auditAfter).not.toEqual(auditBefore);
    expect((await db.audit.orderBy(':id').last())?.action).toBe('backup.restore');
    expect((await verifyAuditChain(db)).problem).toBeNull();
  });

  it.each([
    ['a truncated file', (t: string) => t.slice(0, t.length - 40), /not valid JSON, or it has been cut short/],
    ['a file that is not a backup', () => '{"hello":"world"}', /not a DoS Desk backup/],
    [
      'a backup from a newer version',
      (t: string) => t.replace(/"databaseVersion":\d+/, '"databaseVersion":99'),
      /made by a newer version of DoS Desk/,
    ],
    ['a backup whose counts do not match', (t: string) => t.replace(/"rowCount":1\b/, '"rowCount":7'), /incomplete: it should hold 7/],
    ['a backup with an unknown table', (t: string) => t.replace('"name":"accounts"', '"name":"secrets"'), /table DoS Desk does not know/],
  ])('refuses %s, changing nothing', async (_label, damage, message) => {
    const text = await (await exportDatabase(db)).text();
    const before = await tableHashes(db);
    await expect(parseBackup(damage(text))).rejects.toThrow(BackupError);
    await expect(parseBackup(damage(text))).rejects.toThrow(message);
    expect(await tableHashes(db)).toEqual(before);
  });

  it('refuses a backup whose file was changed after it was written', async () => {
    const manifest = await backupNow(db, api, 'manual');
    const { dataDir } = realApi();
    expect(dataDir).toBeTruthy();
    await expect(
      readBackup(api, { ...manifest, fileName: manifest.fileName.replace(/[0-9a-f]{8}\.json$/, '00000000.json') }),
    ).rejects.toThrow(/cannot be used|not one of|missing/);
  });

  it('migrates a backup from version 1 on restore', async () => {
    const name = `v1-backup-${Date.now()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    await v1.open();
    await v1.table('operators').add({
      id: 'op-x',
      fullName: 'Old Operator',
      email: 'old@nhs.net',
      jobRole: 'Lead',
      regions: ['London'],
      approveUserRegions: [],
      createdAt: 'x',
      updatedAt: 'x',
    });
    await v1.table('audit').add({
      at: '2025-01-01T00:00:00.000Z',
      operatorId: 'op-x',
      entity: 'operator',
      entityId: 'op-x',
      action: 'operator.create',
      before: null,
      after: {},
    });
    const text = await (await exportDatabase(v1)).text();
    v1.close();
    const parsed = await parseBackup(text);
    expect(parsed.schemaVersion).toBe(1);
    await restoreInto(db, parsed, { api: null, label: 'the v1 backup', operatorId: null });
    expect((await db.operators.toArray()).map((o) => o.fullName)).toEqual(['Old Operator']);
    expect(await db.accounts.count()).toBe(0);
    expect((await db.audit.toArray())[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyAuditChain(db)).problem).toBeNull();
  });
});

// A soak test (over a minute): `npm test` runs it, `npm run test:quick` does not.
describe.skipIf(QUICK)('at scale', () => {
  it('round-trips 50,000 accounts and 200,000 audit entries exactly', async () => {
    const accounts = Array.from({ length: 50_000 }, (_, i) => ({
      id: `acc-${i}`,
      fullName: `User ${i}`,
      email: `user${i}@nhs.net`,
      phone: '',
      organisation: `Org ${i % 300}`,
      jobTitle: 'Nurse',
      userType: 'clinical-lead',
      regions: ['London'],
      roles: ['compareService', 'viewClinical'],
      serviceIds: [],
      status: 'active',
      createdAt: 'x',
      updatedAt: 'x',
      deletedAt: null,
      deleteReason: null,
      lastLoginOn: null,
    }));
    await db.accounts.bulkPut(accounts as never);
    const last = (await db.audit.orderBy(':id').last())!;
    let prevHash = last.hash!;
    const trail = Array.from({ length: 200_000 }, (_, i) => {
      const entry = {
        id: last.id! + 1 + i,
        at: new Date(1e12 + i).toISOString(),
        operatorId: 'op',
        entity: 'account',
        entityId: `acc-${i % 50_000}`,
        action: 'account.amend',
        before: null,
        after: { i },
      };
      const hash = hashEntry(entry, prevHash);
      const linked = { ...entry, prevHash, hash };
      prevHash = hash;
      return linked;
    });
    await db.audit.bulkAdd(trail);
    const before = await tableHashes(db);
    const counts = await tableCounts(db);
    const text = await (await exportDatabase(db)).text();
    await db.accounts.clear();
    await restoreInto(db, await parseBackup(text), { api: null, label: 'the big backup', operatorId: null });
    expect(await tableCounts(db)).toEqual({ ...counts, audit: counts.audit! + 1 });
    const { audit: _a, ...after } = await tableHashes(db);
    const { audit: _b, ...expected } = before;
    expect(after).toEqual(expected);
  }, 300_000);
});
