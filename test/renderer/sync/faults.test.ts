import { afterEach, describe, expect, it } from 'vitest';
import { change } from '../../../renderer/src/entities/desk/change';
import { takeIn } from '../../../renderer/src/sync/folder';
import { applyIncoming } from '../../../renderer/src/sync/apply';
import { SyncEngine } from '../../../renderer/src/sync/engine';
import { PouchDB, type SyncPouch } from '../../../renderer/src/sync/pouch';
import { account, edit, MemoryFolder, settle, teamDesk, type TestDesk } from './team-harness';

/**
 * The hard cases of team sync, each found by a review of the engine: compaction, a save that
 * changed nothing, a record whose email or ODS code is taken, joining again, an audit entry
 * rewritten, and a crash between the two writes of a push.
 */
let desks: TestDesk[] = [];
afterEach(async () => {
  for (const d of desks) await d.close().catch(() => undefined);
  desks = [];
});

async function two(): Promise<{ folder: MemoryFolder; a: TestDesk; b: TestDesk }> {
  const folder = new MemoryFolder();
  const a = await teamDesk(folder, 'A');
  const b = await teamDesk(folder, 'B');
  desks.push(a, b);
  return { folder, a, b };
}

/** Another desk's batches reach `d`'s PouchDB and are applied, as happens mid-cycle (import, then apply). */
async function importAndApply(folder: MemoryFolder, d: TestDesk, from: TestDesk) {
  const core = { db: d.db, pouch: d.pouch, deskId: d.id };
  for (const [, batch] of folder.desks.get(from.id)!.batches) await takeIn(core, batch.docs);
  await applyIncoming(core);
}

const leaves = async (d: TestDesk, id: string) =>
  ((await d.pouch.get(id, { open_revs: 'all' })) as { ok: { _rev: string; _deleted?: boolean } }[])
    .map((l) => `${l.ok._rev}${l.ok._deleted ? ' deleted' : ''}`)
    .sort();

describe('team sync in the hard cases', () => {
  it('a deletion made on a revision another desk has since changed (its body compacted away) is still sent: both desks agree', async () => {
    const { folder, a, b } = await two();
    await edit(a, (db) => db.accounts.put(account('d')));
    await settle(a, b);
    await edit(a, (db) => db.accounts.update('d', { fullName: 'A edit' }));
    await a.engine.cycle();
    await edit(b, (db) => db.accounts.delete('d'));
    await importAndApply(folder, b, a);
    await settle(a, b);
    expect(await leaves(a, 'accounts:d')).toEqual(await leaves(b, 'accounts:d'));
    expect(await a.db.accounts.get('d')).toEqual(await b.db.accounts.get('d'));
  });

  it('a save that changed nothing, made while another desk edited the record, takes that edit and makes no conflict', async () => {
    const { folder, a, b } = await two();
    await edit(a, (db) => db.accounts.put(account('x')));
    await settle(a, b);
    await edit(a, (db) => db.accounts.update('x', { fullName: 'A edit' }));
    await a.engine.cycle();
    const same = await b.db.accounts.get('x');
    await edit(b, (db) => db.accounts.put(same as never));
    await importAndApply(folder, b, a);
    await settle(a, b);
    expect((await b.db.accounts.get('x'))!.fullName).toBe('A edit');
    expect(await a.db.syncConflicts.count()).toBe(0);
    expect(await b.db.syncConflicts.count()).toBe(0);
  });

  it('a record held back because its ODS code is taken here is taken in once the clash is gone', async () => {
    const { a, b } = await two();
    const profile = (id: string) => ({ id, odsCode: 'FX123', name: `Pharmacy ${id}`, region: 'London', nextCheckDue: '2026-01-01' });
    const put = (d: TestDesk, id: string) =>
      change({ db: d.db, operatorId: d.operatorId }, [d.db.pharmacyProfiles], () => d.db.pharmacyProfiles.put(profile(id) as never));
    await put(a, 'pa');
    await put(b, 'pb');
    await settle(a, b);
    expect(a.engine.store.getState().message).toMatch(/same email or ODS code/);
    await change({ db: a.db, operatorId: a.operatorId }, [a.db.pharmacyProfiles], () => a.db.pharmacyProfiles.delete('pa'));
    await settle(a, b);
    expect(await b.db.pharmacyProfiles.toCollection().primaryKeys()).toEqual(['pb']);
    expect(await a.db.pharmacyProfiles.toCollection().primaryKeys()).toEqual(['pb']);
    expect(a.engine.store.getState().message).toBeNull();
  });

  it('a desk that leaves and joins again (a new desk id, a new PouchDB) shares afresh: nothing is lost', async () => {
    const { folder, a, b } = await two();
    await edit(a, (db) => db.accounts.put(account('r')));
    await edit(a, (db) => db.accounts.put(account('s')));
    await settle(a, b);
    await b.engine.close();
    const again = folder.join('B again');
    const pouch = new PouchDB(`rejoin-${again}`, { adapter: 'memory', auto_compaction: true }) as SyncPouch;
    b.engine = new SyncEngine({ db: b.db, api: folder.transport(again), open: () => pouch, snapshotAfter: 1e6 });
    await edit(b, (db) => db.accounts.delete('r'));
    await settle(a, b);
    expect(await a.db.accounts.get('r')).toBeUndefined();
    expect(await b.db.accounts.get('s')).toBeDefined();
    expect(await a.db.accounts.get('s')).toEqual(await b.db.accounts.get('s'));
  });

  it('an audit entry rewritten in a later revision is reported as tampering, and the copy here keeps what was first written', async () => {
    const { folder, a, b } = await two();
    await edit(a, (db) => db.accounts.put(account('q')));
    await settle(a, b);
    const original = (await a.pouch.get(`audit:${a.id}:1`, { revs: true })) as never as { _revisions: { ids: string[] }; v: object };
    folder.desks.get(a.id)!.batches.set(99, {
      snapshot: null,
      docs: [
        {
          _id: `audit:${a.id}:1`,
          _rev: `2-${'e'.repeat(32)}`,
          _revisions: { start: 2, ids: ['e'.repeat(32), ...original._revisions.ids] },
          t: 'audit',
          k: 1,
          v: { ...original.v, action: 'forged' },
          desk: a.id,
          by: null,
        },
      ],
    });
    await settle(b);
    const copy = (await b.db.teamAudit.get([a.id, 1]))!;
    expect(copy.action).toBe('test.edit');
    expect(copy.tampered).toBe(true);
    expect(b.engine.store.getState().message).toMatch(/tampered/);
  });

  it('a crash after a push was kept in Dexie but before PouchDB took it: the next push puts in the very same revision, no conflict', async () => {
    const { a, b } = await two();
    await edit(a, (db) => db.accounts.put(account('c')));
    await settle(a, b);
    await edit(a, (db) => db.accounts.update('c', { fullName: 'before crash' }));
    const bulkDocs = a.pouch.bulkDocs.bind(a.pouch);
    let crash = true;
    a.pouch.bulkDocs = (docs, options) => {
      if (crash) {
        crash = false;
        return Promise.reject(new Error('power cut'));
      }
      return bulkDocs(docs, options);
    };
    await a.engine.cycle();
    expect(a.engine.store.getState().phase).toBe('error');
    await edit(a, (db) => db.accounts.put(account('other')));
    await settle(a, b);
    expect(await leaves(a, 'accounts:c')).toEqual(await leaves(b, 'accounts:c'));
    expect((await leaves(a, 'accounts:c')).length).toBe(1);
    expect(await b.db.accounts.get('c')).toMatchObject({ fullName: 'before crash' });
    expect(await a.db.syncConflicts.count()).toBe(0);
  });

  it('a crash before a push was kept anywhere: the change is pushed on the next cycle, once', async () => {
    const { a, b } = await two();
    await edit(a, (db) => db.accounts.put(account('c')));
    await settle(a, b);
    await edit(a, (db) => db.accounts.update('c', { fullName: 'after restart' }));
    let fail = true;
    const hook = () => {
      if (fail) {
        fail = false;
        throw new Error('power cut');
      }
    };
    a.db.syncOutgoing.hook('creating', hook);
    await a.engine.cycle();
    a.db.syncOutgoing.hook('creating').unsubscribe(hook);
    await settle(a, b);
    expect(await b.db.accounts.get('c')).toMatchObject({ fullName: 'after restart' });
    expect(await leaves(a, 'accounts:c')).toEqual(await leaves(b, 'accounts:c'));
    expect(await b.db.syncConflicts.count()).toBe(0);
  });
});

describe('a desk that lost its records', () => {
  it('reads its own batches back from the team folder, so what only it had made comes back', async () => {
    const folder = new MemoryFolder();
    const a = await teamDesk(folder, 'A');
    desks.push(a);
    await edit(a, (db) => db.accounts.put(account('mine', { fullName: 'Only on A' })));
    await a.engine.cycle();
    // Its IndexedDB is gone (a new Dexie and PouchDB); main, with its desk id and keys, is not.
    await a.engine.close();
    const { freshDb } = await import('../helpers');
    const db = freshDb();
    const pouch = new PouchDB(`lost-${a.id}`, { adapter: 'memory', auto_compaction: true }) as SyncPouch;
    const engine = new SyncEngine({ db, api: folder.transport(a.id), open: () => pouch, snapshotAfter: 1e6 });
    await engine.cycle();
    expect(await db.accounts.get('mine')).toMatchObject({ fullName: 'Only on A' });
    await engine.close();
    db.close();
  });
});

describe('resolving a conflict', () => {
  it('is refused, changing nothing, when a version arrived that the operator was not shown', async () => {
    const folder = new MemoryFolder();
    const [a, b, c] = [await teamDesk(folder, 'A'), await teamDesk(folder, 'B'), await teamDesk(folder, 'C')];
    desks.push(a, b, c);
    await edit(a, (db) => db.accounts.put(account('z')));
    await settle(a, b, c);
    await edit(a, (db) => db.accounts.update('z', { fullName: 'From A' }));
    await edit(b, (db) => db.accounts.update('z', { fullName: 'From B' }));
    await settle(a, b);
    const shown = (await a.engine.loadConflict('accounts:z'))!.list.map((v) => v.rev);
    // C's version arrives while A's operator is choosing.
    await edit(c, (db) => db.accounts.update('z', { fullName: 'From C' }));
    await settle(c, a);
    const keep = shown[0]!;
    await expect(a.engine.resolve({ db: a.db, operatorId: a.operatorId }, 'accounts:z', { keep }, shown)).rejects.toThrow(/new version/);
    expect((await a.engine.loadConflict('accounts:z'))!.list).toHaveLength(3);
    expect(await a.db.audit.where('action').equals('sync.resolve-conflict').count()).toBe(0);
  });
});

describe('combining the versions of a conflict', () => {
  it('is refused, changing nothing, when the combined record would break the rules of its kind', async () => {
    const folder = new MemoryFolder();
    const [a, b] = [await teamDesk(folder, 'A'), await teamDesk(folder, 'B')];
    desks.push(a, b);
    const id = crypto.randomUUID();
    const lead = {
      id,
      fullName: 'Jo Lead',
      email: 'jo.lead@nhs.net',
      jobRole: 'Local DoS Lead',
      regions: ['London', 'South East'],
      approveUserRegions: ['London'],
      createdAt: '2026-12-01T09:00:00.000Z',
      updatedAt: '2026-12-01T09:00:00.000Z',
    };
    const save = (d: TestDesk, fields: Partial<typeof lead>) =>
      change({ db: d.db, operatorId: d.operatorId }, [d.db.operators], async () =>
        d.db.operators.put({ ...lead, ...(await d.db.operators.get(id)), ...fields }),
      );
    await save(a, {});
    await settle(a, b);
    // A gives up South East; B gives approveUser there.
    await save(a, { regions: ['London'], approveUserRegions: ['London'] });
    await save(b, { approveUserRegions: ['London', 'South East'] });
    await settle(a, b);
    const detail = (await a.engine.loadConflict(`operators:${id}`))!;
    const fromA = detail.list.find((v) => (v.value!.regions as string[]).length === 1)!.value!;
    const fromB = detail.list.find((v) => (v.value!.approveUserRegions as string[]).length === 2)!.value!;
    const combined = { ...fromA, approveUserRegions: fromB.approveUserRegions };
    await expect(a.engine.resolve({ db: a.db, operatorId: a.operatorId }, `operators:${id}`, { value: combined })).rejects.toThrow(
      /not make a valid operator: You can only hold approveUser in regions you cover/,
    );
    const { jobRole: _left, ...withoutJobRole } = fromA;
    await expect(a.engine.resolve({ db: a.db, operatorId: a.operatorId }, `operators:${id}`, { value: withoutJobRole })).rejects.toThrow(
      /leaves out jobRole/,
    );
    expect(await a.db.syncConflicts.count()).toBe(1);
    expect(await a.db.audit.where('action').equals('sync.resolve-conflict').count()).toBe(0);
  });
});
