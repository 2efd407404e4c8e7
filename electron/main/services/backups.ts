import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, statfs, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { backupsToKeep, type BackupManifest, type BackupReason } from '../../../shared/domain/backups';
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
}

const MARGIN_BYTES = 50 * 1024 * 1024;
const FILE_PATTERN = /^dos-desk-backup-[0-9TZ-]+-[a-z-]+-[0-9a-f]{8}\.json$/;

async function realFreeBytes(dir: string): Promise<number> {
  const s = await statfs(dir);
  return Number(s.bavail) * Number(s.bsize);
}

interface Pending {
  handle: FileHandle;
  temp: string;
  hash: ReturnType<typeof createHash>;
  bytes: number;
  next: number;
  args: BackupBegin;
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

  async function discard(token: string): Promise<void> {
    const p = pending.get(token);
    if (!p) return;
    pending.delete(token);
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
      // Stale temp files from a crash are not backups; clear them before checking space.
      for (const name of await readdir(options.dir))
        if (name.startsWith('.backup-') && name.endsWith('.tmp')) await rm(join(options.dir, name), { force: true });
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
      pending.set(token, { handle, temp, hash: createHash('sha256'), bytes: 0, next: 0, args });
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
      try {
        options.beforeWrite?.(index);
        const bytes = Buffer.from(base64, 'base64');
        await p.handle.write(bytes);
        p.hash.update(bytes);
        p.bytes += bytes.length;
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
      try {
        await p.handle.sync();
        await p.handle.close();
        const created = now();
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
      const hash = createHash('sha256');
      let bytes = 0;
      try {
        for await (const chunk of createReadStream(file)) {
          hash.update(chunk as Buffer);
          bytes += (chunk as Buffer).length;
        }
      } catch {
        return { ok: false, problem: 'The backup file is missing or cannot be read.' };
      }
      if (bytes !== manifest.bytes)
        return { ok: false, problem: `The file is ${bytes} bytes but should be ${manifest.bytes}: it is truncated or has been changed.` };
      if (hash.digest('hex') !== manifest.sha256)
        return { ok: false, problem: 'The file does not match its SHA-256 checksum: it has been damaged or changed.' };
      return { ok: true };
    },
  };
}
