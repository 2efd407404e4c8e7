import { afterEach, describe, expect, it } from 'vitest';
import { account, edit, MemoryFolder, settle, teamDesk, type TestDesk } from './team-harness';

let desks: TestDesk[] = [];
afterEach(async () => {
  for (const d of desks) await d.close();
  desks = [];
});

async function team(...names: string[]): Promise<{ folder: MemoryFolder; desks: TestDesk[] }> {
  const folder = new MemoryFolder();
  const made = [];
  for (const name of names) made.push(await teamDesk(folder, name));
  desks.push(...made);
  return { folder, desks: made };
}

describe('team sync between desks', () => {
  it('a record made on one desk reaches the other, and an edit there comes back', async () => {
    const {
      desks: [oncall, lead],
    } = await team('On call', 'Lead');
    await edit(oncall!, (db) => db.accounts.put(account('a1', { fullName: 'Sam Jones' })));
    await settle(oncall!, lead!);
    expect(await lead!.db.accounts.get('a1')).toMatchObject({ fullName: 'Sam Jones' });
    // What came from the other desk is not this desk's change: it is not noted, so never sent back out.
    expect(await lead!.db.changes.where('table').equals('accounts').count()).toBe(0);
    await edit(lead!, (db) => db.accounts.update('a1', { note: 'reviewed' }));
    await settle(lead!, oncall!);
    expect(await oncall!.db.accounts.get('a1')).toMatchObject({ note: 'reviewed' });
    expect(oncall!.engine.store.getState()).toMatchObject({ phase: 'idle', waiting: 0, conflicts: 0 });
    // Rows of the change log that are in the folder have done their work: the log does not grow without bound.
    expect(await oncall!.db.changes.count()).toBe(0);
  });

  it('two edits made apart are one conflict on both desks, never a silent overwrite; resolving on one resolves on both', async () => {
    const {
      desks: [a, b],
    } = await team('A', 'B');
    await edit(a!, (db) => db.accounts.put(account('x')));
    await settle(a!, b!);
    await edit(a!, (db) => db.accounts.update('x', { fullName: 'From A' }));
    await edit(b!, (db) => db.accounts.update('x', { status: 'suspended' }));
    await settle(a!, b!);
    const [onA, onB] = [await a!.db.accounts.get('x'), await b!.db.accounts.get('x')];
    expect(onA).toEqual(onB); // the same winner on both
    expect(await a!.db.syncConflicts.count()).toBe(1);
    expect(await b!.db.syncConflicts.count()).toBe(1);
    const detail = (await a!.engine.loadConflict('accounts:x'))!;
    expect(detail.list.map((v) => v.value?.fullName).sort()).toEqual(['From A', 'Person x']);
    expect(detail.list.map((v) => v.value?.status).sort()).toEqual(['active', 'suspended']);
    // Each version says who made it and on which desk.
    expect(detail.list.map((v) => `${v.by?.name} on ${v.deskId}`).sort()).toEqual(
      [`A operator on ${a!.id}`, `B operator on ${b!.id}`].sort(),
    );
    // Combine: A's name, B's status.
    const fromA = detail.list.find((v) => v.value?.fullName === 'From A')!.value!;
    await a!.engine.resolve({ db: a!.db, operatorId: a!.operatorId }, 'accounts:x', { value: { ...fromA, status: 'suspended' } });
    await settle(a!, b!);
    expect(await a!.db.syncConflicts.count()).toBe(0);
    expect(await b!.db.syncConflicts.count()).toBe(0);
    expect(await b!.db.accounts.get('x')).toMatchObject({ fullName: 'From A', status: 'suspended' });
    const audit = await a!.db.audit.where('action').equals('sync.resolve-conflict').toArray();
    expect(audit).toHaveLength(1);
    // The resolution is audited on A, and reaches B as A's read-only copy.
    expect(
      await b!.db.teamAudit
        .where('desk')
        .equals(a!.id)
        .filter((e) => e.action === 'sync.resolve-conflict')
        .count(),
    ).toBe(1);
  });

  it('a deletion stays deleted after every later sync, whatever arrives again', async () => {
    const {
      folder,
      desks: [a, b],
    } = await team('A', 'B');
    await edit(a!, (db) => db.accounts.put(account('gone')));
    await settle(a!, b!);
    await edit(b!, (db) => db.accounts.delete('gone'));
    await settle(a!, b!);
    expect(await a!.db.accounts.get('gone')).toBeUndefined();
    // Every batch delivered again, in reverse order, to both desks.
    for (const desk of [a!, b!]) {
      for (const [writer, d] of folder.desks) {
        if (writer === desk.id) continue;
        for (const seq of [...d.batches.keys()].reverse()) {
          const batch = (await folder.transport(desk.id).readTeamBatch(writer, seq)) as unknown as { ok: true; data: { docs: never[] } };
          await desk.pouch.bulkDocs(batch.data.docs, { new_edits: false });
        }
      }
    }
    await settle(a!, b!);
    expect(await a!.db.accounts.get('gone')).toBeUndefined();
    expect(await b!.db.accounts.get('gone')).toBeUndefined();
  });

  it('an edit made here and not yet pushed is never overwritten by what comes in: it becomes a conflict', async () => {
    const {
      folder,
      desks: [a, b],
    } = await team('A', 'B');
    await edit(a!, (db) => db.accounts.put(account('k')));
    await settle(a!, b!);
    await edit(a!, (db) => db.accounts.update('k', { fullName: 'A edit' }));
    await a!.engine.cycle();
    await edit(b!, (db) => db.accounts.update('k', { fullName: 'B edit' }));
    // A's edit reaches B's PouchDB and is applied while B's edit is still only in B's change log.
    const { takeIn } = await import('../../../renderer/src/sync/folder');
    const { applyIncoming } = await import('../../../renderer/src/sync/apply');
    const core = { db: b!.db, pouch: b!.pouch, deskId: b!.id };
    for (const [seq, batch] of folder.desks.get(a!.id)!.batches) if (seq > 0) await takeIn(core, batch.docs);
    await applyIncoming(core);
    expect((await b!.db.accounts.get('k'))!.fullName).toBe('B edit');
    await settle(a!, b!);
    for (const desk of [a!, b!]) {
      const detail = (await desk.engine.loadConflict('accounts:k'))!;
      expect(detail.list.map((v) => v.value?.fullName).sort()).toEqual(['A edit', 'B edit']);
    }
  });

  it('a desk that has data when it joins shares all of it: its records become its first batch', async () => {
    const folder = new MemoryFolder();
    const a = await teamDesk(folder, 'A');
    desks.push(a);
    // Records written before the change log existed (as a desk from before sync has).
    for (let i = 0; i < 30; i++) await a.db.accounts.put(account(`old-${i}`) as never);
    await a.db.changes.clear();
    const b = await teamDesk(folder, 'B');
    desks.push(b);
    await settle(a, b);
    expect(await b.db.accounts.count()).toBe(30);
  });

  it('audit entries arrive as read-only copies of the other desk’s chain; a second version of one is reported as tampering', async () => {
    const {
      folder,
      desks: [a, b],
    } = await team('A', 'B');
    await edit(a!, (db) => db.accounts.put(account('q')));
    await settle(a!, b!);
    const copies = await b!.db.teamAudit.where('desk').equals(a!.id).toArray();
    expect(copies.map((c) => c.action)).toContain('test.edit');
    // Someone writes a second version of A's first audit entry into a batch.
    const original = (await a!.pouch.get(`audit:${a!.id}:1`, { revs: true })) as never as { _revisions: { ids: string[] }; v: object };
    folder.desks.get(a!.id)!.batches.set(99, {
      snapshot: null,
      docs: [
        {
          _id: `audit:${a!.id}:1`,
          _rev: `1-${'f'.repeat(32)}`,
          _revisions: { start: 1, ids: ['f'.repeat(32)] },
          t: 'audit',
          k: 1,
          v: { ...original.v, action: 'forged' },
          desk: a!.id,
          by: null,
        },
      ],
    });
    await settle(b!);
    expect(b!.engine.store.getState().message).toMatch(/tampered/);
  });

  it('a folder that cannot be reached is offline, never empty: changes wait and go when it is back', async () => {
    const {
      folder,
      desks: [a, b],
    } = await team('A', 'B');
    await edit(a!, (db) => db.accounts.put(account('w')));
    await settle(a!, b!);
    folder.reachable = false;
    await edit(a!, (db) => db.accounts.update('w', { note: 'offline edit' }));
    await a!.engine.cycle();
    expect(a!.engine.store.getState()).toMatchObject({ phase: 'unreachable', waiting: 1 });
    expect(await a!.db.accounts.count()).toBe(1);
    folder.reachable = true;
    await settle(a!, b!);
    expect(a!.engine.store.getState()).toMatchObject({ phase: 'idle', waiting: 0 });
    expect(await b!.db.accounts.get('w')).toMatchObject({ note: 'offline edit' });
  });

  it('a new desk starts from a snapshot and reads only what came after it', async () => {
    const {
      folder,
      desks: [a, b],
    } = await team('A', 'B');
    for (let i = 0; i < 5; i++) await edit(a!, (db) => db.accounts.put(account(`s${i}`)));
    await edit(a!, (db) => db.accounts.delete('s0'));
    await settle(a!, b!);
    const { writeSnapshot } = await import('../../../renderer/src/sync/folder');
    const status = folder.status(a!.id) as Extract<ReturnType<MemoryFolder['status']>, { state: 'member' }>;
    await writeSnapshot({ db: a!.db, pouch: a!.pouch, deskId: a!.id }, folder.transport(a!.id), status);
    await edit(a!, (db) => db.accounts.put(account('after')));
    await a!.engine.cycle();
    const reads: number[] = [];
    const c = await teamDesk(folder, 'C');
    desks.push(c);
    const transport = folder.transport(c.id);
    const read = transport.readTeamBatch;
    transport.readTeamBatch = (desk, seq) => {
      if (desk === a!.id) reads.push(seq);
      return read(desk, seq);
    };
    const { SyncEngine } = await import('../../../renderer/src/sync/engine');
    await c.engine.close();
    c.engine = new SyncEngine({ db: c.db, api: transport, open: () => c.pouch, snapshotAfter: 1e6 });
    await c.engine.cycle();
    const snapshotSeq = Math.max(...[...folder.desks.get(a!.id)!.batches].filter(([, v]) => v.snapshot).map(([k]) => k));
    expect(reads).toEqual([snapshotSeq, snapshotSeq + 1]);
    expect((await c.db.accounts.toCollection().primaryKeys()).sort()).toEqual(['after', 's1', 's2', 's3', 's4']);
    await settle(c, b!);
    expect(await b!.db.accounts.get('s0')).toBeUndefined();
  });
});
