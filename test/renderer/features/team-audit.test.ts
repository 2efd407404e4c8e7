import { afterEach, describe, expect, it } from 'vitest';
import { auditCsv, auditPage } from '../../../renderer/src/features/audit/data/audit';
import { verifyTeamTrails } from '../../../renderer/src/features/audit/data/team-audit';
import { account, edit, MemoryFolder, settle, teamDesk, type TestDesk } from '../sync/team-harness';

let desks: TestDesk[] = [];
afterEach(async () => {
  for (const d of desks) await d.close();
  desks = [];
});

const ANY = { entity: '', action: '', operatorId: '', from: '', to: '' };

describe("other desks' audit trails", () => {
  it('are shown and exported as that desk wrote them, apart from this desk’s own, and each verifies on its own', async () => {
    const folder = new MemoryFolder();
    const a = await teamDesk(folder, 'A');
    const b = await teamDesk(folder, 'B');
    desks.push(a, b);
    await edit(a, (db) => db.accounts.put(account('p1')));
    await edit(a, (db) => db.accounts.put(account('p2')));
    await edit(b, (db) => db.accounts.put(account('p3')));
    await settle(a, b);
    const own = await auditCsv(b.db, ANY);
    const copy = await auditCsv(b.db, ANY, a.id);
    expect(own.trim().split(/\r?\n/).length - 1).toBe(await b.db.audit.count());
    expect(copy.trim().split(/\r?\n/).length - 1).toBe(await a.db.audit.count());
    expect(copy).toContain('A operator');
    expect(copy).not.toContain('B operator');
    expect((await auditPage(b.db, ANY, 0, a.id)).entries.map((e) => e.id)).toEqual(
      (await a.db.audit.orderBy(':id').reverse().primaryKeys()).slice(0, 50),
    );
    const [trail] = await verifyTeamTrails(b.db);
    expect(trail).toMatchObject({ desk: a.id, checked: await a.db.audit.count(), problem: null, tampered: [], notYetHere: [] });
  });
});
