import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DosDeskApi } from '@shared/ipc/api';
import { BATCH_MAX_DOCS } from '@shared/sync/doc';
import type { TeamStatus } from '@shared/sync/team';
import type { DosDeskDb } from '../db/database';
import type { Desk } from '../entities/desk/change';
import { applyIncoming } from './apply';
import { loadConflict, resolveConflict } from './conflicts';
import { fromMain, InputError } from '../db/guards';
import { checkAuthorship, exportOutgoing, importFolder, readMarks, takeIn, writeSnapshot, type TeamTransport } from './folder';
import { openPouch, type SyncPouch } from './pouch';
import { pushLocal, type SyncCore } from './push';
import { readState, writeState } from './state';
import type { ConflictDetail, Resolution, SyncState } from './types';

type Member = Extract<TeamStatus, { state: 'member' }>;

export interface EngineOptions {
  db: DosDeskDb;
  api: TeamTransport & Partial<Pick<DosDeskApi, 'on'>>;
  /** Opens this desk's PouchDB for a team (tests give the memory adapter). */
  open?: (teamId: string, deskId: string) => SyncPouch;
  /** How long after a change on this desk it is written to the team folder. */
  settleMs?: number;
  /** How often a cycle runs without being asked (main also says when the folder changes). */
  everyMs?: number;
  /** A snapshot is written when this many batches in the folder are newer than the newest snapshot. */
  snapshotAfter?: number;
}

export const INITIAL_SYNC_STATE: SyncState = {
  phase: 'off',
  lastSyncedAt: null,
  waiting: 0,
  conflicts: 0,
  message: null,
  team: { state: 'none' },
  read: {},
};

/**
 * Team sync on this desk. One cycle at a time: this desk's changes go from the change log into
 * PouchDB and out to its folder; other desks' batches come into PouchDB; PouchDB's winners and
 * conflicts are applied to Dexie. A cycle runs at start, soon after each change made here, when
 * main says the team folder changed, on "Sync now" and every few minutes.
 */
export class SyncEngine {
  readonly store: StoreApi<SyncState> = createStore<SyncState>(() => INITIAL_SYNC_STATE);
  private core: SyncCore | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timers: ReturnType<typeof setTimeout>[] = [];
  private settle: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: (() => void)[] = [];

  constructor(private readonly options: EngineOptions) {}

  get db(): DosDeskDb {
    return this.options.db;
  }

  /** Starts the cycles; `stop()` then `start()` again is fine (React runs effects twice in development). */
  start(): void {
    this.stopped = false;
    const { api, db } = this.options;
    if (api.on) this.unsubscribe.push(api.on('team:changed', () => void this.cycle()));
    const onChange = () => this.soon();
    db.changes.hook('creating', onChange);
    this.unsubscribe.push(() => db.changes.hook('creating').unsubscribe(onChange));
    const every = this.options.everyMs ?? 120_000;
    const tick = () => {
      void this.cycle();
      this.timers = [setTimeout(tick, every)];
    };
    this.timers = [setTimeout(tick, every)];
    void this.cycle();
  }

  /** Stops the cycles; this desk's PouchDB stays open (`close()` closes it), so a restart can go on with it. */
  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    if (this.settle) clearTimeout(this.settle);
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
  }

  async close(): Promise<void> {
    this.stop();
    await this.running?.catch(() => undefined);
    const core = this.core;
    this.core = null;
    await core?.pouch.close();
  }

  /** A change was made here: write it out once changes have settled. */
  private soon(): void {
    if (this.settle) clearTimeout(this.settle);
    this.settle = setTimeout(() => void this.cycle(), this.options.settleMs ?? 1000);
  }

  /** Runs a cycle, or, while one runs, one more after it; resolves when the work asked for is done. */
  cycle(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.runCycle();
        } while (this.again && !this.stopped);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Runs `work` between cycles, never during one (a conflict resolution, a hand-carried batch). */
  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.running) await this.running.catch(() => undefined);
    let done!: () => void;
    this.running = new Promise<void>((resolve) => (done = resolve));
    try {
      return await work();
    } finally {
      this.running = null;
      done();
      // A cycle asked for meanwhile (a change settled, "Sync now") runs now rather than at the next tick.
      if (this.again) void this.cycle();
    }
  }

  private set(patch: Partial<SyncState>): void {
    this.store.setState(patch);
  }

  /**
   * The engine for this team and desk. A desk that joins another team starts its sync records
   * afresh: its records are shared again from what it holds. A desk that joins the same team again
   * (main gives it a new desk id, so a new PouchDB) keeps which revision each record here reflects,
   * so what it changed meanwhile (a deletion too) still goes out as an edit of that revision; it
   * reads the folder again from the start and publishes its audit trail under its new id.
   */
  private async coreFor(status: Member): Promise<SyncCore> {
    const { db } = this.options;
    const who = `${status.team.id}/${status.desk.id}`;
    const stored = await readState(db, 'team');
    if (this.core && this.core.deskId === status.desk.id && stored === who) return this.core;
    await this.core?.pouch.close();
    this.core = null;
    if (stored !== who) {
      const sameTeam = stored?.split('/')[0] === status.team.id;
      await db.transaction('rw', [db.syncRevs, db.syncConflicts, db.syncState, db.syncOutgoing, db.syncPending, db.teamAudit], async () => {
        if (sameTeam) {
          await Promise.all([writeState(db, 'appliedSeq', 0), writeState(db, 'auditPushedId', 0), writeState(db, 'seeded', false)]);
          // Waiting revisions go out under this desk's new id; its audit entries are published again under it.
          await db.syncOutgoing.toCollection().modify((row) => {
            row.docs = row.docs.filter((d) => d.t !== 'audit').map((d) => ({ ...d, desk: status.desk.id }));
            row.inPouch = false;
          });
        } else {
          await Promise.all([
            db.syncRevs.clear(),
            db.syncConflicts.clear(),
            db.syncState.clear(),
            db.syncOutgoing.clear(),
            db.syncPending.clear(),
            db.teamAudit.clear(),
          ]);
        }
        await writeState(db, 'team', who);
      });
    }
    const open = this.options.open ?? openPouch;
    this.core = { db, pouch: open(status.team.id, status.desk.id), deskId: status.desk.id };
    return this.core;
  }

  private async runCycle(): Promise<void> {
    const { api, db } = this.options;
    this.set({ phase: this.store.getState().phase === 'off' ? 'off' : 'syncing' });
    let status: TeamStatus;
    try {
      status = fromMain(await api.checkTeamFolder());
    } catch (error) {
      this.set({ phase: 'error', message: messageOf(error) });
      return;
    }
    if (status.state === 'none') {
      await this.core?.pouch.close();
      this.core = null;
      this.set({ ...INITIAL_SYNC_STATE, team: status });
      return;
    }
    this.set({ phase: 'syncing', team: status });
    const problems: string[] = [];
    try {
      const core = await this.coreFor(status);
      await pushLocal(core);
      const open = status.reachable && !status.locked;
      if (open && !status.removed) await exportOutgoing(core, api);
      if (open) {
        const report = await importFolder(core, api, status);
        for (const s of report.skipped) problems.push(`Batch ${s.seq} from ${deskName(status, s.deskId)} was not taken in: ${s.message}`);
        if (report.skipped.length) {
          // Main notes each batch it refused among the folder's problems: show them as they are now.
          const now = fromMain(await api.getTeamStatus());
          if (now.state === 'member') status = now;
        }
      }
      await applyIncoming(core);
      if (open && !status.removed && this.snapshotDue(status)) {
        await writeSnapshot(core, api, status);
        const after = fromMain(await api.checkTeamFolder());
        if (after.state === 'member') status = after;
      }
      if (open) await writeState(db, 'lastSyncedAt', new Date().toISOString());
      await this.publish(core, status, problems);
    } catch (error) {
      this.set({ phase: 'error', message: messageOf(error) });
    }
  }

  /**
   * A snapshot is due when this desk has written many batches since its own last snapshot (so a
   * new desk reads few batches). Sequence numbers are compared within this desk's folder only.
   */
  private snapshotDue(status: Member): boolean {
    const after = this.options.snapshotAfter ?? 200;
    const own = status.desks.find((d) => d.you);
    if (!own) return false;
    const newest = Math.max(0, ...own.snapshots);
    return own.batches.filter((s) => s > newest && !own.snapshots.includes(s)).length >= after;
  }

  private async publish(core: SyncCore, status: Member, problems: string[]): Promise<void> {
    const { db } = this.options;
    const [exported, conflicts, lastSyncedAt, held, tampered, marks] = await Promise.all([
      readState(db, 'exportedSeq'),
      db.syncConflicts.count(),
      readState(db, 'lastSyncedAt'),
      readState(db, 'held'),
      readState(db, 'tampered'),
      readMarks(core),
    ]);
    const waiting = await db.changes.where('seq').above(exported).count();
    const read: SyncState['read'] = {};
    for (const desk of status.desks) {
      if (desk.you) continue;
      const have = new Set(marks.desks[desk.id] ?? []);
      const all = new Set([...desk.batches, ...desk.snapshots]);
      read[desk.id] = { imported: [...all].filter((s) => have.has(s)).length, available: all.size };
    }
    for (const [id, why] of Object.entries(held)) problems.push(`A record from another desk (${id}) was not taken in: ${why}`);
    if (tampered.length)
      problems.push(
        `${tampered.length} audit ${tampered.length === 1 ? 'entry' : 'entries'} arrived with a second version: the audit trail of another desk has been tampered with. See the Audit page.`,
      );
    const phase: SyncState['phase'] = status.locked ? 'locked' : !status.reachable ? 'unreachable' : 'idle';
    const message = status.removed
      ? 'Another desk removed this desk from the team: it still receives the team’s records but can no longer add to them.'
      : !status.reachable
        ? (status.unreachableReason ?? 'The team folder cannot be reached.')
        : problems.length
          ? problems.join(' ')
          : null;
    this.set({ phase, team: status, waiting, conflicts, lastSyncedAt, read, message });
  }

  private deskNames(): Record<string, string> {
    const team = this.store.getState().team;
    return team.state === 'member' ? Object.fromEntries(team.desks.map((d) => [d.id, d.you ? `${d.name} (this desk)` : d.name])) : {};
  }

  async loadConflict(docId: string): Promise<ConflictDetail | null> {
    if (!this.core) return null;
    return loadConflict(this.core, docId, this.deskNames());
  }

  async resolve(desk: Pick<Desk, 'db' | 'operatorId'>, docId: string, resolution: Resolution, seen?: readonly string[]): Promise<void> {
    await this.exclusive(async () => {
      if (!this.core) throw new Error('This desk is not in a team.');
      await resolveConflict(this.core, desk, docId, resolution, this.deskNames(), seen);
    });
    await this.cycle();
  }

  /** Everything this desk has made that is not yet in the team folder, sealed by main, one batch per line. */
  async exportBatchFile(): Promise<{ fileName: string; content: string }> {
    return this.exclusive(async () => {
      const status = this.store.getState().team;
      if (status.state !== 'member' || !this.core) throw new Error('Join a team first: a batch file is sealed with the team’s key.');
      await pushLocal(this.core);
      const rows = await this.options.db.syncOutgoing.orderBy('n').toArray();
      const docs = rows.flatMap((r) => r.docs);
      if (!docs.length) throw new Error('Nothing is waiting: every change made on this desk is already in the team folder.');
      const lines: string[] = [];
      let fileName = '';
      for (let i = 0; i < docs.length; i += BATCH_MAX_DOCS) {
        const sealed = fromMain(await this.options.api.sealTeamBatch({ docs: docs.slice(i, i + BATCH_MAX_DOCS) }));
        fileName ||= sealed.fileName;
        lines.push(sealed.content.trim());
      }
      return { fileName, content: `${lines.join('\n')}\n` };
    });
  }

  /** Takes in a batch file carried by hand: checked and opened by main, then the same engine. */
  async importBatchFile(content: string): Promise<{ imported: number }> {
    const imported = await this.exclusive(async () => {
      if (!this.core) throw new Error('Join the team first: a batch file can only be opened with the team’s key.');
      const before = (await this.core.pouch.info()).update_seq;
      const batches = [];
      for (const line of content.split(/\r?\n/).filter((l) => l.trim())) {
        const batch = fromMain(await this.options.api.openTeamBatch(line));
        if (batch.snapshot)
          throw new InputError('That file holds part of a snapshot, which only a team folder carries: nothing was taken in.', 'file');
        checkAuthorship(batch);
        batches.push(batch);
      }
      // Every line is checked before any is taken in: a file with one bad batch changes nothing.
      for (const batch of batches) await takeIn(this.core, batch.docs);
      const feed = await this.core.pouch.changes({ since: before, return_docs: true });
      return feed.results.filter((r) => !r.id.startsWith('_local/')).length;
    });
    await this.cycle();
    return { imported };
  }
}

function deskName(status: Member, id: string): string {
  return status.desks.find((d) => d.id === id)?.name ?? id;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
