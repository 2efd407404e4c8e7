import type { Table } from 'dexie';
import type { IpcResult } from '@shared/ipc/result';
import type { ReadBatch, SnapshotPart, SyncDoc } from '@shared/sync/doc';
import type { TeamStatus } from '@shared/sync/team';
import memory from 'pouchdb-adapter-memory';
import { change } from '../../../renderer/src/entities/desk/change';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { SyncEngine } from '../../../renderer/src/sync/engine';
import type { TeamTransport } from '../../../renderer/src/sync/folder';
import { PouchDB, type SyncPouch } from '../../../renderer/src/sync/pouch';
import { freshDb } from '../helpers';

PouchDB.plugin(memory);

interface StoredBatch {
  docs: SyncDoc[];
  snapshot: SnapshotPart | null;
}

const ok = <T>(data: T): Promise<IpcResult<T>> => Promise.resolve({ ok: true, data });
const refuse = (message: string): Promise<IpcResult<never>> => Promise.resolve({ ok: false, error: { code: 'failed', message } });

/**
 * A team folder in memory, standing in for main's service where the engine alone is under test:
 * batches are deep-copied on write and read (as a file would be), and what each desk can see may be
 * held back (`visible`) to deliver batches late and out of order.
 */
export class MemoryFolder {
  readonly teamId = crypto.randomUUID();
  readonly desks = new Map<string, { name: string; batches: Map<number, StoredBatch> }>();
  reachable = true;
  /** When set, which batches a reader may see: (reader, writer, seq) → visible. */
  visible: ((reader: string, writer: string, seq: number) => boolean) | null = null;

  join(name: string): string {
    const id = crypto.randomUUID();
    this.desks.set(id, { name, batches: new Map() });
    return id;
  }

  status(deskId: string): TeamStatus {
    const me = this.desks.get(deskId)!;
    return {
      state: 'member',
      team: { id: this.teamId, name: 'Test team', folder: '/memory' },
      desk: { id: deskId, name: me.name },
      locked: false,
      removed: false,
      reachable: this.reachable,
      unreachableReason: this.reachable ? null : 'The team folder is not mounted.',
      checkedAt: new Date().toISOString(),
      keysProtected: true,
      problems: [],
      desks: [...this.desks].map(([id, d]) => {
        const seqs = [...d.batches.keys()].filter((seq) => id === deskId || !this.visible || this.visible(deskId, id, seq));
        return {
          id,
          name: d.name,
          you: id === deskId,
          removed: false,
          lastSeenAt: null,
          batches: seqs,
          snapshots: seqs.filter((s) => d.batches.get(s)!.snapshot),
        };
      }),
    };
  }

  transport(deskId: string): TeamTransport {
    const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
    return {
      getTeamStatus: () => ok(this.status(deskId)),
      checkTeamFolder: () => ok(this.status(deskId)),
      writeTeamBatch: ({ docs, snapshot }) => {
        if (!this.reachable) return refuse('The team folder is not reachable.');
        const own = this.desks.get(deskId)!.batches;
        const seq = Math.max(0, ...own.keys()) + 1;
        own.set(seq, copy({ docs: docs as SyncDoc[], snapshot: (snapshot ?? null) as SnapshotPart | null }));
        return ok({ seq });
      },
      readTeamBatch: (from, seq) => {
        const batch = this.reachable ? this.desks.get(from)?.batches.get(seq) : undefined;
        if (!batch) return refuse(`Batch ${seq} is not in the folder.`);
        const read: ReadBatch = { deskId: from, seq, writtenAt: new Date().toISOString(), ...copy(batch) };
        return ok(read);
      },
      sealTeamBatch: ({ docs }) => ok({ fileName: 'batch.dsb', content: JSON.stringify({ deskId, docs }) }),
      openTeamBatch: (content) => {
        const { deskId: from, docs } = JSON.parse(content) as { deskId: string; docs: SyncDoc[] };
        return ok({ deskId: from, seq: 0, writtenAt: '', docs, snapshot: null });
      },
    };
  }
}

export interface TestDesk {
  id: string;
  db: DosDeskDb;
  pouch: SyncPouch;
  engine: SyncEngine;
  operatorId: string;
  close(): Promise<void>;
}

let n = 0;

/** A desk in the team: its own Dexie and PouchDB (memory adapter), an operator, and the engine (cycles run only when a test asks). */
export async function teamDesk(
  folder: MemoryFolder,
  name: string,
  options: { db?: DosDeskDb; operatorId?: string } = {},
): Promise<TestDesk> {
  const id = folder.join(name);
  const db = options.db ?? freshDb();
  let operatorId = options.operatorId;
  if (!operatorId) {
    operatorId = crypto.randomUUID();
    await db.operators.add({
      id: operatorId,
      fullName: `${name} operator`,
      email: `${name.toLowerCase().replace(/\W+/g, '.')}.${operatorId.slice(0, 6)}@nhs.net`,
      jobRole: 'Local DoS Lead',
      regions: ['London'],
      approveUserRegions: ['London'],
      createdAt: new Date().toISOString(),
    } as never);
  }
  // As production opens it (sync/pouch.ts): compaction on, so tests meet non-leaf revisions without bodies.
  const pouch = new PouchDB(`test-pouch-${++n}-${id}`, { adapter: 'memory', auto_compaction: true, revs_limit: 100 }) as SyncPouch;
  const engine = new SyncEngine({ db, api: folder.transport(id), open: () => pouch, snapshotAfter: 1_000_000 });
  return {
    id,
    db,
    pouch,
    engine,
    operatorId,
    async close() {
      await engine.close();
      db.close();
    },
  };
}

export interface Account {
  id: string;
  fullName: string;
  email: string;
  status: string;
  userType: string;
  regions: string[];
  roles: string[];
  note?: string;
}

export function account(id: string, fields: Partial<Account> = {}): Account {
  return {
    id,
    fullName: `Person ${id}`,
    email: `${id}@nhs.net`,
    status: 'active',
    userType: 'nhs',
    regions: ['London'],
    roles: [],
    ...fields,
  };
}

/** An operator's change at `desk`, through the one write path (audited, in the change log). */
export function edit(desk: TestDesk, body: (db: { accounts: Table<Account, string> }) => Promise<unknown>): Promise<unknown> {
  return change({ db: desk.db, operatorId: desk.operatorId }, [desk.db.accounts], async (ctx) => {
    const result = await body({ accounts: desk.db.accounts as unknown as Table<Account, string> });
    await ctx.audit({ entity: 'account', entityId: 'x', subject: 'a test account', action: 'test.edit', before: null, after: null });
    return result;
  });
}

/** Runs cycles on every desk until none brings anything new (every batch delivered and applied). */
export async function settle(...desks: TestDesk[]): Promise<void> {
  for (let round = 0; round < 3; round++) for (const desk of desks) await desk.engine.cycle();
}
