import { afterEach, describe, expect, it } from 'vitest';
import type { Service } from '@shared/models/service';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { freshDb } from '../helpers';

function service(id: string, name = `Service ${id}`): Service {
  return {
    id,
    name,
    region: 'London',
    parentId: null,
    odsCode: null,
    type: 'GP',
    address: '',
    phone: '',
    status: 'active',
    suspension: null,
    closure: null,
    capacity: null,
    reducedHours: '',
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
  } as unknown as Service;
}

let db: DosDeskDb;
afterEach(() => db?.close());

const log = async () => (await db.changes.orderBy('seq').toArray()).map(({ table, op, keys, values }) => ({ table, op, keys, values }));

describe('the change log', () => {
  it('notes every kind of write to a shared table, in order, with the new values or a deletion', async () => {
    db = freshDb();
    await db.services.add(service('a'));
    await db.services.bulkPut([service('b'), service('c')]);
    await db.services.update('a', { name: 'Renamed' });
    await db.services.where('id').equals('b').modify({ name: 'Modified' });
    await db.services.delete('c');
    await db.services.clear();
    const rows = await log();
    expect(rows.map((r) => [r.op, r.keys])).toEqual([
      ['put', ['a']],
      ['put', ['b', 'c']],
      ['put', ['a']],
      ['put', ['b']],
      ['delete', ['c']],
      ['delete', ['a', 'b']],
    ]);
    expect((rows[2]!.values![0] as Service).name).toBe('Renamed');
    expect((rows[3]!.values![0] as Service).name).toBe('Modified');
    expect(rows[4]!.values).toBeNull();
    const seqs = (await db.changes.toArray()).map((r) => r.seq!);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
  });

  it('writes nothing when the transaction is rolled back: the record and its change stand or fall together', async () => {
    db = freshDb();
    await expect(
      db.transaction('rw', db.services, async () => {
        await db.services.add(service('x'));
        throw new Error('a later check failed');
      }),
    ).rejects.toThrow('a later check failed');
    expect(await db.services.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
  });

  it('adds itself to a transaction that did not name it, and leaves local tables out', async () => {
    db = freshDb();
    await db.transaction('rw', [db.services, db.settingsCache], async () => {
      await db.services.add(service('s'));
      await db.settingsCache.put({ key: 'currentOperatorId', value: 'op-1' });
    });
    expect((await log()).map((r) => r.table)).toEqual(['services']);
  });

  it('notes only the records that were written when a bulk write is caught part-way', async () => {
    db = freshDb();
    await db.services.add(service('dup'));
    await db.transaction('rw', db.services, async () => {
      await db.services.bulkAdd([service('new-1'), service('dup'), service('new-2')]).catch(() => undefined);
    });
    expect(await db.services.count()).toBe(3);
    const last = (await log()).at(-1)!;
    expect(last.keys).toEqual(['new-1', 'new-2']);
  });
});
