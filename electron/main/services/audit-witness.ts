import { mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { effectiveAnchors, parseAnchorLog, type AnchorLine, type AnchorLog } from '../../../shared/domain/audit-witness';
import { readTextIfExists } from './atomic-file';
import { createSerial } from './serial';
import { UserFacingError } from './user-error';

export interface ChainHead {
  id: number;
  hash: string;
}

export interface AuditWitness {
  readonly file: string;
  read(): Promise<AnchorLog>;
  /** The log as it is on disk, for backups. */
  text(): Promise<string>;
  /** Witnesses a new head of the chain. Refuses a head that does not move the trail forward. */
  anchor(head: ChainHead): Promise<{ witnessedUpTo: number }>;
  /** First use on a trail written before the witness existed: adopts its head. Only on an empty log. */
  adopt(head: ChainHead): Promise<{ witnessedUpTo: number }>;
  /**
   * The records were lost and the trail came back from a backup ending at `keptUpTo`: records what
   * was lost (entries this desk witnessed after that) and witnesses the new head.
   */
  recordRestore(args: {
    keptUpTo: number;
    head: ChainHead;
    backup: string;
    by: string;
  }): Promise<{ lost: { from: number; to: number } | null }>;
}

/**
 * The audit trail's witness outside IndexedDB (shared/domain/audit-witness.ts says why): an
 * append-only log in the data folder, each append fsync'd before the call returns. Appends are
 * serialised; nothing ever rewrites or truncates the file.
 */
export function createAuditWitness(dataDir: string, now: () => Date = () => new Date()): AuditWitness {
  const file = join(dataDir, 'audit-anchors.log');
  const serial = createSerial();
  // The newest witnessed head, read once and kept up to date, so an anchor does not reread the log.
  let head: { maxId: number; hash: string | undefined; lines: number; torn: boolean } | null = null;

  async function current(): Promise<{ maxId: number; hash: string | undefined; lines: number; torn: boolean }> {
    if (!head) {
      const raw = await text();
      const parsed = parseAnchorLog(raw, file).lines;
      const anchors = effectiveAnchors(parsed);
      const lines = parsed.length;
      head = { maxId: anchors.maxId, hash: anchors.byId.get(anchors.maxId), lines, torn: raw.length > 0 && !raw.endsWith('\n') };
    }
    return head;
  }

  async function text(): Promise<string> {
    return (await readTextIfExists(file)) ?? '';
  }

  async function read(): Promise<AnchorLog> {
    return parseAnchorLog(await text(), file);
  }

  async function append(lines: AnchorLine[]): Promise<void> {
    await mkdir(dirname(file), { recursive: true });
    const state = await current();
    // A torn last line (a crash mid-write) stays on its own line, listed as unreadable.
    const prefix = state.torn ? '\n' : '';
    const handle = await open(file, 'a', 0o600);
    try {
      await handle.write(prefix + lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
      await handle.sync();
    } finally {
      await handle.close();
    }
    state.torn = false;
    for (const line of lines) {
      state.lines++;
      if (line.kind === 'restored') {
        state.maxId = line.keptUpTo;
        state.hash = undefined;
      } else if (line.id >= state.maxId) {
        state.maxId = line.id;
        state.hash = line.hash;
      }
    }
  }

  return {
    file,
    read,
    text,
    anchor: (next) =>
      serial(async () => {
        const state = await current();
        if (next.id < state.maxId || (next.id === state.maxId && state.hash !== next.hash)) {
          throw new UserFacingError(
            `The audit trail no longer follows on from entry ${state.maxId}, the newest one this desk witnessed, so the new entry was not witnessed. Open the Audit trail screen and verify it.`,
          );
        }
        if (next.id > state.maxId) await append([{ kind: 'head', id: next.id, hash: next.hash, at: now().toISOString() }]);
        return { witnessedUpTo: next.id };
      }),
    adopt: (next) =>
      serial(async () => {
        const state = await current();
        if (state.lines > 0) return { witnessedUpTo: state.maxId };
        await append([{ kind: 'adopted', id: next.id, hash: next.hash, at: now().toISOString() }]);
        return { witnessedUpTo: next.id };
      }),
    recordRestore: (args) =>
      serial(async () => {
        const state = await current();
        const lost = state.maxId > args.keptUpTo ? { from: args.keptUpTo + 1, to: state.maxId } : null;
        const at = now().toISOString();
        await append([
          { kind: 'restored', keptUpTo: args.keptUpTo, lost, backup: args.backup, by: args.by, at },
          { kind: 'head', id: args.head.id, hash: args.head.hash, at },
        ]);
        return { lost };
      }),
  };
}
