import { mkdir, open, rm, stat } from 'node:fs/promises';
import { hostname as osHostname } from 'node:os';
import { join } from 'node:path';
import { formatLondonDate, formatLondonTime } from '../../../shared/domain/london-time';
import type { AppInfo } from '../../../shared/models/app-info';
import { readTextIfExists } from './atomic-file';
import { UserFacingError } from './user-error';

export const LOCK_FILE_NAME = 'dos-desk.lock';

/** Who holds a data folder: written into the lock file. */
export interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
  shell: AppInfo['shell'];
}

export interface DataFolderLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still ours. */
  release(): Promise<void>;
}

export interface LockOptions {
  pid?: number;
  hostname?: string;
  now?: () => Date;
  /** Whether a process on this computer is still running. */
  isAlive?: (pid: number) => boolean;
}

/** A lock file left half-written longer than this was left by a crash, not by a start in progress. */
const HALF_WRITTEN_MS = 5_000;

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function describeHolder(holder: LockHolder, here: string): string {
  const what = holder.shell === 'electron' ? 'the DoS Desk desktop app' : 'the DoS Desk browser preview';
  const where = holder.hostname === here ? 'on this computer' : `on the computer "${holder.hostname}"`;
  const since = new Date(holder.startedAt);
  const when = Number.isNaN(since.getTime()) ? '' : `, open since ${formatLondonTime(since)} on ${formatLondonDate(since)}`;
  return `${what} (process ${holder.pid}) ${where}${when}`;
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.hostname !== 'string' || typeof value.startedAt !== 'string') return null;
    return {
      pid: value.pid,
      hostname: value.hostname,
      startedAt: value.startedAt,
      shell: value.shell === 'electron' ? 'electron' : 'browser-preview',
    };
  } catch {
    return null;
  }
}

async function ageMs(file: string): Promise<number> {
  try {
    return Date.now() - (await stat(file)).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Takes the data folder for this process, so only one DoS Desk (desktop app or browser preview)
 * ever delivers from its outbox: `<dataDir>/dos-desk.lock`, created exclusively ('wx') with the
 * holder's pid, computer, start time and kind. A lock whose process no longer runs on this computer
 * is stale and taken over (under a short-lived `.takeover` file, so two starts cannot both take it).
 * A lock held by a live process, or by another computer, is refused with a message naming it.
 */
export async function lockDataFolder(dataDir: string, shell: AppInfo['shell'], options: LockOptions = {}): Promise<DataFolderLock> {
  const here = options.hostname ?? osHostname();
  const isAlive = options.isAlive ?? processIsAlive;
  const holder: LockHolder = {
    pid: options.pid ?? process.pid,
    hostname: here,
    startedAt: (options.now?.() ?? new Date()).toISOString(),
    shell,
  };
  const content = `${JSON.stringify(holder)}\n`;
  const file = join(dataDir, LOCK_FILE_NAME);
  const takeover = `${file}.takeover`;
  await mkdir(dataDir, { recursive: true });
  const deadline = Date.now() + 15_000;

  while (Date.now() < deadline) {
    try {
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(content);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return {
        file,
        holder,
        async release() {
          if ((await readTextIfExists(file)) === content) await rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const seen = await readTextIfExists(file);
    if (seen === null) continue; // released meanwhile: try again
    const other = parseHolder(seen);
    if (!other && (await ageMs(file)) < HALF_WRITTEN_MS) {
      await wait(50); // another start is writing it right now
      continue;
    }
    if (other && (other.hostname !== here || isAlive(other.pid))) {
      throw new UserFacingError(
        `Another DoS Desk is using this data folder (${dataDir}): ${describeHolder(other, here)}. Only one DoS Desk can use a data folder at a time, so that no email is sent twice. This one has not started and sent nothing. Close the other one, then start DoS Desk again. If no other DoS Desk is open, delete the file ${file} and try again.`,
      );
    }
    // Stale: its process has gone. Take it over, one taker at a time.
    try {
      const handle = await open(takeover, 'wx');
      await handle.close();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if ((await ageMs(takeover)) > HALF_WRITTEN_MS) await rm(takeover, { force: true });
      await wait(50);
      continue;
    }
    try {
      if ((await readTextIfExists(file)) === seen) await rm(file, { force: true });
    } finally {
      await rm(takeover, { force: true });
    }
  }
  throw new UserFacingError(
    `DoS Desk could not take its data folder (${dataDir}) because another start kept changing ${file}. Close any other DoS Desk, then start again.`,
  );
}
