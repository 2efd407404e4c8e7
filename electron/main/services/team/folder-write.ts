import { randomBytes } from 'node:crypto';
import { lstat, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { batchName, seqInName, TEMP_PREFIX } from './folder-names';

/**
 * Writing into a team folder (issue 17): every file appears whole or not at all (a `.tmp-` file
 * beside it, written, fsync'd, renamed, the folder fsync'd), and a file that exists is never
 * replaced unless the caller says so (team.json on a passphrase change). Readers skip `.tmp-` names.
 */

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Network file systems often refuse fsync on a folder; the file itself is synced.
  }
}

async function writeTemp(folder: string, name: string, data: string | Uint8Array): Promise<string> {
  const temp = join(folder, `${TEMP_PREFIX}${name}.${randomBytes(6).toString('hex')}`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
  }
}

/** Writes `target` whole; throws FileExistsError (writing nothing) when it exists and `overwrite` is not set. */
export async function writeFolderFile(target: string, data: string | Uint8Array, options: { overwrite?: boolean } = {}): Promise<void> {
  const folder = dirname(target);
  if (!options.overwrite && (await exists(target))) throw new FileExistsError(target);
  const temp = await writeTemp(folder, basename(target), data);
  try {
    // One writer per desk folder (and main serialises its own writes), so nothing slips in between.
    if (!options.overwrite && (await exists(target))) throw new FileExistsError(target);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/** The highest batch number any name in a desk's folder uses, temps and sync-client copies included. */
export async function highestSeqIn(deskDir: string): Promise<number> {
  let highest = 0;
  for (const name of await readdir(deskDir)) highest = Math.max(highest, seqInName(name) ?? 0);
  return highest;
}

/**
 * Writes the next batch in a desk's own folder: 1 + the highest number in use (in the folder, or
 * written before, `floor`); if that name exists after all, the next one. `make` seals the batch for
 * the number it will carry. Returns the number written.
 */
export async function writeNextBatch(deskDir: string, floor: number, make: (seq: number) => Promise<string>): Promise<number> {
  let seq = Math.max(floor, await highestSeqIn(deskDir)) + 1;
  for (let attempt = 0; attempt < 5; attempt++, seq++) {
    const text = await make(seq);
    try {
      await writeFolderFile(join(deskDir, batchName(seq)), text);
      return seq;
    } catch (error) {
      if (!(error instanceof FileExistsError)) throw error;
    }
  }
  throw new Error(`Batch names up to ${seq - 1} in ${deskDir} are taken`);
}
