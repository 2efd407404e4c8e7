import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { QUICK } from '../../support/quick';
import { takeIn } from '../../../renderer/src/sync/folder';
import { account, edit, MemoryFolder, teamDesk, type TestDesk } from './team-harness';

/**
 * Convergence (issue 17): random edits, deletions and conflict resolutions on three desks, with
 * batches delivered late, out of order and more than once, always end with the same records and
 * the same conflicts on every desk once everything has been delivered.
 */
const KEYS = ['a', 'b', 'c'];
type Op =
  | { kind: 'put'; desk: number; key: string; name: string }
  | { kind: 'delete'; desk: number; key: string }
  | { kind: 'resolve'; desk: number; pick: number }
  | { kind: 'cycle'; desk: number }
  | { kind: 'deliver'; reader: number; writer: number; seq: number }
  | { kind: 'replay'; reader: number; writer: number; seq: number };

const desk = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), desk, key: fc.constantFrom(...KEYS), name: fc.constantFrom('Ann', 'Bo', 'Cy', 'Di') }),
  fc.record({ kind: fc.constant('delete' as const), desk, key: fc.constantFrom(...KEYS) }),
  fc.record({ kind: fc.constant('resolve' as const), desk, pick: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('cycle' as const), desk }),
  fc.record({ kind: fc.constant('deliver' as const), reader: desk, writer: desk, seq: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('replay' as const), reader: desk, writer: desk, seq: fc.integer({ min: 1, max: 12 }) }),
);

let open: TestDesk[] = [];
afterEach(async () => {
  for (const d of open) await d.close();
  open = [];
});

async function snapshotOf(d: TestDesk) {
  const records = (await d.db.accounts.toArray()).sort((x, y) => x.id.localeCompare(y.id));
  const conflicts = (await d.db.syncConflicts.toArray())
    .map((c) => ({ id: c.id, revs: [...c.revs].sort() }))
    .sort((x, y) => x.id.localeCompare(y.id));
  return { records, conflicts };
}

describe('team sync converges', () => {
  it('on three desks, whatever the order, lateness and repetition of delivery', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30 }), async (ops) => {
        for (const d of open) await d.close();
        open = [];
        const folder = new MemoryFolder();
        const delivered = new Set<string>();
        folder.visible = (reader, writer, seq) => delivered.has(`${reader} ${writer} ${seq}`);
        const desks = [await teamDesk(folder, 'A'), await teamDesk(folder, 'B'), await teamDesk(folder, 'C')];
        open.push(...desks);
        for (const o of ops) {
          if (o.kind === 'put') await edit(desks[o.desk]!, (db) => db.accounts.put(account(o.key, { fullName: o.name })));
          else if (o.kind === 'delete') await edit(desks[o.desk]!, (db) => db.accounts.delete(o.key));
          else if (o.kind === 'cycle') await desks[o.desk]!.engine.cycle();
          else if (o.kind === 'resolve') {
            const d = desks[o.desk]!;
            const row = (await d.db.syncConflicts.toArray())[0];
            const detail = row && (await d.engine.loadConflict(row.id));
            if (detail) {
              const version = detail.list[o.pick % detail.list.length]!;
              await d.engine.resolve({ db: d.db, operatorId: d.operatorId }, row.id, { keep: version.rev });
            }
          } else if (o.kind === 'deliver') {
            delivered.add(`${desks[o.reader]!.id} ${desks[o.writer]!.id} ${o.seq}`);
          } else {
            // The same batch taken in again, straight into PouchDB, as a duplicated file would be.
            const batch = folder.desks.get(desks[o.writer]!.id)!.batches.get(o.seq);
            if (batch && o.reader !== o.writer)
              await takeIn({ db: desks[o.reader]!.db, pouch: desks[o.reader]!.pouch, deskId: desks[o.reader]!.id }, batch.docs);
          }
        }
        // Everything delivered; each desk runs until nothing new arrives.
        folder.visible = null;
        for (let round = 0; round < 3; round++) for (const d of desks) await d.engine.cycle();
        const [first, ...rest] = await Promise.all(desks.map(snapshotOf));
        for (const other of rest) expect(other).toEqual(first);
      }),
      { numRuns: QUICK ? 8 : 40, seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined },
    );
  });
});
