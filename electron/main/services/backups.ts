import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, statfs, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  backupsToKeep,
  splitBackupTrailer,
  type BackupChecksum,
  type BackupFileHeader,
  type BackupManifest,
  type BackupReason,
} from '../../../shared/domain/backups';
import { writeFileAtomic } from './atomic-file';
import { plainReason, UserFacingError } from './user-error';

export interface BackupBegin {
  reason: BackupReason;
  schemaVersion: number;
  counts: Record<string, number>;
  /** Size the renderer expects to send, for the free-space check. */
  expectedBytes: number;
}

export interface BackupService {
  readonly dir: string;
  begin(args: BackupBegin): Promise<{ token: string }>;
  /** `base64`: the next part of the file, base64-encoded bytes. */
  writeChunk(token: string, index: number, base64: string): Promise<void>;
  commit(token: string): Promise<BackupManifest>;
  abort(token: string): Promise<void>;
  list(): Promise<BackupManifest[]>;
  /** Part of a backup file as base64, and the file's total size. */
  readChunk(fileName: string, offset: number, length: number): Promise<{ base64: string; total: number }>;
  verify(fileName: string): Promise<{ ok: true } | { ok: false; problem: string }>;
  /** Abandons every backup still in progress (when the app or host stops). */
  abortAll(): Promise<void>;
}

export interface BackupOptions {
  dir: string;
  appVersion: string;
  now?: () => Date;
  /** Free bytes on the disk holding `dir`; replaceable in tests to simulate a full disk. */
  freeBytes?: (dir: string) => Promise<number>;
  /** Test seam: called before each chunk is written, to simulate a failure part-way. */
  beforeWrite?: (index: number) => void;
  /** What main adds to every backup: the outbox's messages and the audit witness log. */
  sections?: () => Promise<{ outbox: unknown[]; anchors: string }>;
  /** A backup that receives nothing for this long is abandoned and its file released (default 10 minutes). */
  staleMs?: number;
}

const MARGIN_BYTES = 50 * 1024 * 1024;
const DEFAULT_STALE_MS = 10 * 60_000;
const FILE_PATTERN = /^dos-desk-backup-[0-9TZ-]+-[a-z-]+-[0-9a-f]{8}\.json$/;

/** What a backup says of itself at its end: a plain Dexie export (no checksum), its checksum line, or nothing readable. */
type InnerChecksum = { kind: 'plain-export' } | { kind: 'missing' } | { kind: 'present'; coveredBytes: number; checksum: BackupChecksum };

/**
 * Reads a backup's own checksum line (its last line, which covers every byte before it). Files made
 * before backups carried one (plain Dexie exports) pass on their manifest alone.
 */
async function readInnerChecksum(file: string): Promise<InnerChecksum> {
  const size = (await stat(file)).size;
  const handle = await open(file, 'r');
  const start = Buffer.alloc(Math.min(size, 40));
  const tail = Buffer.alloc(Math.min(size, 1024));
  try {
    await handle.read(start, 0, start.length, 0);
    await handle.read(tail, 0, tail.length, size - tail.length);
  } finally {
    await handle.close();
  }
  if (start.toString('utf8').startsWith('{"formatName":"dexie"')) return { kind: 'plain-export' };
  const trailer = splitBackupTrailer(tail.toString('utf8'));
  if (!trailer) return { kind: 'missing' };
  return { kind: 'present', coveredBytes: size - Buffer.byteLength(trailer.line, 'utf8'), checksum: trailer.checksum };
}

async function realFreeBytes(dir: string): Promise<number> {
  const s = await statfs(dir);
  return Number(s.bavail) * Number(s.bsize);
}

interface Pending {
  handle: FileHandle;
  temp: string;
  /** Over everything written so far: the file's own checksum line covers all that comes before it. */
  hash: ReturnType<typeof createHash>;
  bytes: number;
  next: number;
  args: BackupBegin;
  createdAt: Date;
  /** The time limit; restarted by every part received. */
  stale: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Backups written by main: streamed in from the renderer chunk by chunk into a temp file, fsynced
 * and renamed only when complete, with a manifest (versions, counts, SHA-256) written atomically
 * beside it. A failed or interrupted backup leaves only its temp file, which is removed; earlier
 * backups are never touched except by rotation after a successful one.
 */
export function createBackupService(options: BackupOptions): BackupService {
  const now = options.now ?? (() => new Date());
  const freeBytes = options.freeBytes ?? realFreeBytes;
  const pending = new Map<string, Pending>();

  function safeName(fileName: string): string {
    if (basename(fileName) !== fileName || !FILE_PATTERN.test(fileName))
      throw new UserFacingError('That is not one of DoS Desk’s backup files.');
    return join(options.dir, fileName);
  }

  async function put(p: Pending, data: string | Buffer): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    await p.handle.write(bytes);
    p.hash.update(bytes);
    p.bytes += bytes.length;
  }

  /** Restarts a backup's time limit: one that receives nothing for `staleMs` is abandoned. */
  function touch(token: string): void {
    const p = pending.get(token);
    if (!p) return;
    clearTimeout(p.stale);
    p.stale = setTimeout(() => void discard(token), options.staleMs ?? DEFAULT_STALE_MS);
    p.stale.unref?.();
  }

  async function discard(token: string): Promise<void> {
    const p = pending.get(token);
    if (!p) return;
    pending.delete(token);
    clearTimeout(p.stale);
    await p.handle.close().catch(() => undefined);
    await rm(p.temp, { force: true });
  }

  async function readManifest(file: string): Promise<BackupManifest | null> {
    try {
      const m = JSON.parse(await readFile(file, 'utf8')) as BackupManifest;
      return m.format === 'dos-desk-backup' && FILE_PATTERN.test(m.fileName) ? m : null;
    } catch {
      return null;
    }
  }

  async function list(): Promise<BackupManifest[]> {
    await mkdir(options.dir, { recursive: true });
    const names = await readdir(options.dir);
    const manifests: BackupManifest[] = [];
    for (const name of names.filter((n) => n.endsWith('.manifest.json'))) {
      const m = await readManifest(join(options.dir, name));
      if (m && names.includes(m.fileName)) manifests.push(m);
    }
    return manifests.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async function rotate(): Promise<void> {
    const all = await list();
    const keep = backupsToKeep(all);
    for (const m of all) {
      if (keep.has(m.fileName)) continue;
      await rm(join(options.dir, m.fileName), { force: true });
      await rm(join(options.dir, `${m.fileName}.manifest.json`), { force: true });
    }
  }

  return {
    dir: options.dir,
    async begin(args) {
      await mkdir(options.dir, { recursive: true });
      // Temp files left by a crash are not backups; clear them before checking space. A backup in
      // progress (another window, or the daily backup beside "Back up now") keeps its file.
      const inProgress = new Set([...pending.values()].map((p) => basename(p.temp)));
      for (const name of await readdir(options.dir))
        if (name.startsWith('.backup-') && name.endsWith('.tmp') && !inProgress.has(name))
          await rm(join(options.dir, name), { force: true });
      const free = await freeBytes(options.dir);
      if (free < args.expectedBytes + MARGIN_BYTES) {
        const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;
        throw new UserFacingError(
          `There is not enough free disk space for a backup: it needs about ${mb(args.expectedBytes + MARGIN_BYTES)} and ${mb(free)} is free. Free some space, then try again. Earlier backups are unchanged.`,
        );
      }
      const token = randomBytes(12).toString('hex');
      const temp = join(options.dir, `.backup-${token}.tmp`);
      const handle = await open(temp, 'wx', 0o600);
      const createdAt = now();
      const entry: Pending = { handle, temp, hash: createHash('sha256'), bytes: 0, next: 0, args, createdAt, stale: undefined };
      pending.set(token, entry);
      touch(token);
      try {
        const header: BackupFileHeader = {
          format: 'dos-desk-backup',
          formatVersion: 2,
          createdAt: createdAt.toISOString(),
          reason: args.reason,
          appVersion: options.appVersion,
          schemaVersion: args.schemaVersion,
          counts: args.counts,
        };
        await put(entry, `${JSON.stringify(header)}\n`);
      } catch (error) {
        await discard(token);
        throw new UserFacingError(`The backup could not be started. ${plainReason(error)} Earlier backups are unchanged.`, {
          cause: error,
        });
      }
      return { token };
    },
    async writeChunk(token, index, base64) {
      const p = pending.get(token);
      if (!p) throw new UserFacingError('This backup is no longer in progress. Start it again.');
      if (index !== p.next) {
        await discard(token);
        throw new UserFacingError(
          `The backup arrived out of order (part ${index} instead of ${p.next}), so it was abandoned. Earlier backups are unchanged.`,
        );
      }
      touch(token);
      try {
        options.beforeWrite?.(index);
        await put(p, Buffer.from(base64, 'base64'));
        p.next++;
      } catch (error) {
        await discard(token);
        throw new UserFacingError(
          `The backup could not be written, so it was abandoned. ${plainReason(error)} Earlier backups are unchanged.`,
          { cause: error },
        );
      }
    },
    async commit(token) {
      const p = pending.get(token);
      if (!p) throw new UserFacingError('This backup is no longer in progress. Start it again.');
      clearTimeout(p.stale);
      try {
        const extra = (await options.sections?.()) ?? { outbox: [], anchors: '' };
        await put(p, `\n${JSON.stringify({ section: 'outbox', entries: extra.outbox })}\n`);
        await put(p, `${JSON.stringify({ section: 'anchors', text: extra.anchors })}\n`);
        const checksum: BackupChecksum = { section: 'checksum', sha256: p.hash.copy().digest('hex'), bytes: p.bytes };
        await put(p, `${JSON.stringify(checksum)}\n`);
        await p.handle.sync();
        await p.handle.close();
        const created = p.createdAt;
        const stamp = created.toISOString().replace(/[:.]/g, '-');
        const fileName = `dos-desk-backup-${stamp}-${p.args.reason}-${token.slice(0, 8)}.json`;
        const manifest: BackupManifest = {
          format: 'dos-desk-backup',
          formatVersion: 1,
          fileName,
          appVersion: options.appVersion,
          schemaVersion: p.args.schemaVersion,
          createdAt: created.toISOString(),
          reason: p.args.reason,
          counts: p.args.counts,
          bytes: p.bytes,
          sha256: p.hash.digest('hex'),
        };
        await rename(p.temp, join(options.dir, fileName));
        await writeFileAtomic(join(options.dir, `${fileName}.manifest.json`), `${JSON.stringify(manifest, null, 2)}\n`);
        pending.delete(token);
        await rotate();
        return manifest;
      } catch (error) {
        await discard(token);
        throw new UserFacingError(`The backup could not be finished. ${plainReason(error)} Earlier backups are unchanged.`, {
          cause: error,
        });
      }
    },
    abort: discard,
    async abortAll() {
      for (const token of [...pending.keys()]) await discard(token);
    },
    list,
    async readChunk(fileName, offset, length) {
      const file = safeName(fileName);
      const total = (await stat(file)).size;
      const handle = await open(file, 'r');
      try {
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, total - offset)));
        await handle.read(buffer, 0, buffer.length, offset);
        return { base64: buffer.toString('base64'), total };
      } finally {
        await handle.close();
      }
    },
    async verify(fileName) {
      const file = safeName(fileName);
      const manifest = await readManifest(`${file}.manifest.json`);
      if (!manifest) return { ok: false, problem: 'Its manifest is missing or unreadable.' };
      // One read of the file checks both the manifest's checksum (the whole file) and the file's own
      // (every byte before its last line).
      const whole = createHash('sha256');
      const inner = createHash('sha256');
      let bytes = 0;
      let own: InnerChecksum;
      try {
        own = await readInnerChecksum(file);
        const covered = own.kind === 'present' ? own.coveredBytes : 0;
        for await (const chunk of createReadStream(file)) {
          const data = chunk as Buffer;
          whole.update(data);
          if (bytes < covered) inner.update(data.subarray(0, covered - bytes));
          bytes += data.length;
        }
      } catch {
        return { ok: false, problem: 'The backup file is missing or cannot be read.' };
      }
      if (bytes !== manifest.bytes)
        return { ok: false, problem: `The file is ${bytes} bytes but should be ${manifest.bytes}: it is truncated or has been changed.` };
      if (whole.digest('hex') !== manifest.sha256)
        return { ok: false, problem: 'The file does not match its SHA-256 checksum: it has been damaged or changed.' };
      if (own.kind === 'plain-export') return { ok: true };
      if (own.kind === 'missing') return { ok: false, problem: 'The file has no checksum at its end: it has been cut short or changed.' };
      if (own.coveredBytes !== own.checksum.bytes)
        return { ok: false, problem: 'The file is not the length its own checksum records: it has been cut short or changed.' };
      if (inner.digest('hex') !== own.checksum.sha256)
        return { ok: false, problem: 'The file does not match the SHA-256 checksum it carries: it has been damaged or changed.' };
      return { ok: true };
    },
  };
}
