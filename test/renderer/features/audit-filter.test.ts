import { beforeEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../renderer/src/db/audit';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { auditCsv, auditPage, type AuditFilter } from '../../../renderer/src/features/audit/data/audit';
import { freshDb } from '../helpers';

let db: DosDeskDb;

const ALL: AuditFilter = { entity: '', action: '', operatorId: '', from: '', to: '' };

async function entryAt(at: string, entityId: string) {
  await appendAudit(db, { at, operatorId: 'op-1', entity: 'account', entityId, action: 'update', before: null, after: null });
}

beforeEach(async () => {
  db = freshDb();
  await entryAt('2026-06-01T22:59:00.000Z', 'late-on-1-june'); // 23:59 BST on 1 June
  await entryAt('2026-06-01T23:30:00.000Z', 'early-on-2-june'); // 00:30 BST on 2 June
  await entryAt('2026-06-02T22:30:00.000Z', 'late-on-2-june'); // 23:30 BST on 2 June
  await entryAt('2026-06-02T23:00:00.000Z', 'start-of-3-june'); // 00:00 BST on 3 June
});

const ids = async (filter: Partial<AuditFilter>) =>
  (await auditPage(db, { ...ALL, ...filter }, 0)).entries.map((e) => e.entityId).reverse();

describe('the Audit screen’s date filter', () => {
  it('reads the dates as London days, in summer time too', async () => {
    expect(await ids({ from: '2026-06-02', to: '2026-06-02' })).toEqual(['early-on-2-june', 'late-on-2-june']);
    expect(await ids({ to: '2026-06-01' })).toEqual(['late-on-1-june']);
    expect(await ids({ from: '2026-06-03' })).toEqual(['start-of-3-june']);
  });

  it('downloads the same entries it shows', async () => {
    const csv = await auditCsv(db, { ...ALL, from: '2026-06-02', to: '2026-06-02' });
    expect(
      csv
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[5]),
    ).toEqual(['early-on-2-june', 'late-on-2-june']);
  });
});
