import type { DosDeskApi } from '@shared/ipc/api';
import { BATCH_MAX_DOCS, type ReadBatch, type SnapshotPart, type SyncDoc } from '@shared/sync/doc';
import type { TeamStatus } from '@shared/sync/team';
import { fromMain } from '../db/guards';
import type { SyncCore } from './push';
import { readState, writeState } from './state';

/** What sync asks of main's team folder service (a fake in the property test; the real one everywhere else). */
export type TeamTransport = Pick<
  DosDeskApi,
  'getTeamStatus' | 'checkTeamFolder' | 'writeTeamBatch' | 'readTeamBatch' | 'sealTeamBatch' | 'openTeamBatch'
>;

type Member = Extract<TeamStatus, { state: 'member' }>;

/** Which batches of each desk this desk has taken into PouchDB; kept in PouchDB itself, beside what they brought. */
interface ReadMarks {
  _id: '_local/team-read';
  _rev?: string;
  desks: Record<string, number[]>;
}

export async function readMarks(core: SyncCore): Promise<ReadMarks> {
  try {
    return (await core.pouch.get('_local/team-read')) as unknown as ReadMarks;
  } catch {
    return { _id: '_local/team-read', desks: {} };
  }
}

async function saveMarks(core: SyncCore, marks: ReadMarks): Promise<ReadMarks> {
  const { rev } = await core.pouch.put(marks as never);
  return { ...marks, _rev: rev };
}

/** Notes batches this desk wrote as read here: it holds what they carry. */
async function markOwn(core: SyncCore, seqs: number[]): Promise<void> {
  const marks = await readMarks(core);
  marks.desks[core.deskId] = [...new Set([...(marks.desks[core.deskId] ?? []), ...seqs])].sort((a, b) => a - b);
  await saveMarks(core, marks);
}

/** Documents handed to PouchDB at a time: small enough that the page stays responsive between them. */
const TAKE_IN_SLICE = 100;

/**
 * Imports one batch's documents as replication does: revisions with their history, idempotent, any
 * order. In slices, giving the page a turn between them, so typing stays smooth while a sync runs.
 */
export async function takeIn(core: SyncCore, docs: SyncDoc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += TAKE_IN_SLICE) {
    const results = await core.pouch.bulkDocs(docs.slice(i, i + TAKE_IN_SLICE) as never, { new_edits: false });
    const failed = results.find((r) => 'error' in r && r.error);
    if (failed) throw new Error(`A batch could not be taken in (${String((failed as { message?: string }).message ?? 'unknown error')}).`);
    await yieldToPage();
  }
}

/**
 * Lets the page handle input and paint before the next slice of sync work: a message to itself,
 * queued behind the input and rendering waiting for their turn (`scheduler.yield()` would come back
 * ahead of them), and never a timer, which a hidden or minimised window slows to one a second.
 */
export function yieldToPage(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A batch (not a snapshot) carries only its own desk's revisions; one claiming another desk's is refused. */
export function checkAuthorship(batch: ReadBatch): void {
  if (batch.snapshot) return;
  const stray = batch.docs.find((d) => d.desk !== batch.deskId);
  if (stray)
    throw new Error(
      `Batch ${batch.seq} of desk ${batch.deskId} carries a revision made on another desk (${stray._id}); it was not taken in.`,
    );
}

export interface ImportReport {
  batches: number;
  docs: number;
  /** Batches that could not be read this time (main says why); they are tried again next time. */
  skipped: { deskId: string; seq: number; message: string }[];
}

/**
 * Reads every batch of the other desks that this desk has not taken in. A desk that has taken in
 * nothing yet starts from the newest whole snapshot, then reads only what came after it.
 */
export async function importFolder(core: SyncCore, transport: TeamTransport, status: Member): Promise<ImportReport> {
  let marks = await readMarks(core);
  const report: ImportReport = { batches: 0, docs: 0, skipped: [] };
  const others = status.desks.filter((d) => !d.you);
  // This desk's own batches are read too when it does not hold them (its records were lost and it
  // starts again): each batch it writes is noted as read as it is written.
  const everyone = status.desks;
  const done = (deskId: string) => new Set(marks.desks[deskId] ?? []);
  const mark = async (deskId: string, seqs: number[]) => {
    marks.desks[deskId] = [...new Set([...(marks.desks[deskId] ?? []), ...seqs])].sort((a, b) => a - b);
    marks = await saveMarks(core, marks);
  };

  const fromOthers = () => Object.keys(marks.desks).some((d) => d !== core.deskId && marks.desks[d]!.length);
  if (!fromOthers()) {
    const newest = others.flatMap((d) => d.snapshots.map((seq) => ({ deskId: d.id, seq }))).sort((a, b) => b.seq - a.seq)[0];
    if (newest) {
      try {
        const first = fromMain(await transport.readTeamBatch(newest.deskId, newest.seq));
        const part = first.snapshot!;
        const start = newest.seq - part.part + 1;
        const parts = Array.from({ length: part.parts }, (_, i) => start + i);
        for (const seq of parts) {
          const batch = seq === newest.seq ? first : fromMain(await transport.readTeamBatch(newest.deskId, seq));
          if (batch.snapshot?.id !== part.id) throw new Error(`Snapshot ${part.id} is missing part ${seq - start + 1}.`);
          await takeIn(core, batch.docs);
          report.docs += batch.docs.length;
          report.batches++;
        }
        for (const [deskId, seqs] of Object.entries(part.covers)) marks.desks[deskId] = [...(marks.desks[deskId] ?? []), ...seqs];
        await mark(newest.deskId, parts);
      } catch (error) {
        // A snapshot that cannot be read whole is not used: the batches themselves are read instead.
        report.skipped.push({ deskId: newest.deskId, seq: newest.seq, message: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  for (const desk of everyone) {
    const have = done(desk.id);
    const snapshotSeqs = new Set(desk.snapshots);
    // Snapshots are for a desk starting out; after that, the batches they were made from are read.
    const skippedSnapshots = desk.snapshots.filter((seq) => !have.has(seq));
    if (skippedSnapshots.length && fromOthers()) await mark(desk.id, skippedSnapshots);
    for (const seq of [...new Set(desk.batches)].sort((a, b) => a - b)) {
      if (have.has(seq) || snapshotSeqs.has(seq)) continue;
      try {
        const batch = fromMain(await transport.readTeamBatch(desk.id, seq));
        checkAuthorship(batch);
        await takeIn(core, batch.docs);
        await mark(desk.id, [seq]);
        report.batches++;
        report.docs += batch.docs.length;
      } catch (error) {
        report.skipped.push({ deskId: desk.id, seq, message: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  return report;
}

/** Writes this desk's waiting revisions to its folder in the team folder, oldest first. */
export async function exportOutgoing(core: SyncCore, transport: TeamTransport): Promise<number> {
  const { db } = core;
  let written = 0;
  for (;;) {
    // Waiting revisions go out together, up to a batch's worth, however many pushes made them.
    const rows = [];
    let size = 0;
    for (const row of await db.syncOutgoing.orderBy('n').limit(50).toArray()) {
      if (rows.length && size + row.docs.length > BATCH_MAX_DOCS) break;
      rows.push(row);
      size += row.docs.length;
    }
    if (!rows.length) break;
    const docs = rows.flatMap((r) => r.docs);
    for (let i = 0; i < docs.length; i += BATCH_MAX_DOCS) {
      const { seq } = fromMain(await transport.writeTeamBatch({ docs: docs.slice(i, i + BATCH_MAX_DOCS) }));
      await markOwn(core, [seq]);
    }
    await db.syncOutgoing.bulkDelete(rows.map((r) => r.n!));
    written += docs.length;
  }
  // Everything the change log held up to the last push is now in the folder, and PouchDB holds it:
  // those rows have done their work and go, so the log does not grow without bound.
  await db.transaction('rw', db.syncState, db.changes, async () => {
    const pushed = await readState(db, 'pushedSeq');
    await writeState(db, 'exportedSeq', pushed);
    await db.changes.where('seq').belowOrEqual(pushed).delete();
  });
  return written;
}

/**
 * Writes a snapshot: every leaf revision PouchDB holds (deletions too, so nothing deleted comes
 * back), in parts, with which batches it already holds, so a new desk need not replay them all.
 */
export async function writeSnapshot(core: SyncCore, transport: TeamTransport, status: Member): Promise<number> {
  const marks = await readMarks(core);
  const own = status.desks.find((d) => d.you);
  const covers: Record<string, number[]> = { ...marks.desks };
  if (own) covers[own.id] = own.batches.filter((s) => !own.snapshots.includes(s));
  const leaves: { id: string; rev: string }[] = [];
  const feed = await core.pouch.changes({ since: 0, style: 'all_docs', return_docs: true });
  for (const change of feed.results)
    if (!change.id.startsWith('_local/')) for (const { rev } of change.changes) leaves.push({ id: change.id, rev });
  const parts = Math.max(1, Math.ceil(leaves.length / BATCH_MAX_DOCS));
  const id = crypto.randomUUID();
  for (let part = 1; part <= parts; part++) {
    const refs = leaves.slice((part - 1) * BATCH_MAX_DOCS, part * BATCH_MAX_DOCS);
    const { results } = await core.pouch.bulkGet({ docs: refs, revs: true });
    const docs = results.flatMap((r) => r.docs.flatMap((d) => ('ok' in d ? [d.ok as unknown as SyncDoc] : [])));
    const snapshot: SnapshotPart = { id, part, parts, covers };
    if (docs.length) await markOwn(core, [fromMain(await transport.writeTeamBatch({ docs: docs.map(clean), snapshot })).seq]);
  }
  return leaves.length;
}

/** A document as PouchDB returns it, cut down to what a batch carries. */
function clean(doc: SyncDoc): SyncDoc {
  const { _id, _rev, _revisions, _deleted, t, k, v, desk, by } = doc;
  return { _id, _rev, _revisions, ...(_deleted ? { _deleted } : {}), t, k, ...(v !== undefined && !_deleted ? { v } : {}), desk, by };
}
