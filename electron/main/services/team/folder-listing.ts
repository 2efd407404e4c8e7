import { constants } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TeamProblem } from '../../../../shared/sync/team';
import { plainReason } from '../user-error';
import { peekHeader, type BatchHeader } from './batch-file';
import { classifyDeskEntry, classifyDesksEntry, classifyRootEntry, seqInName } from './folder-names';
import { parseDeskFile, parseTeamFile, type DeskFile, type TeamFile } from './team-files';

/**
 * Lists a team folder (issue 17) without trusting it: a folder that cannot be listed, or that has
 * lost its team.json, is "not reachable", never "empty"; half-written files, placeholders and
 * sync-client copies are reported and left out. Nothing here decrypts or verifies a batch (that is
 * one file at a time, when it is read); the first bytes of each new batch are read once for its
 * header (is it a snapshot part, when was it written), and remembered, since batches never change.
 */

export interface DeskListing {
  id: string;
  /** desk.json as the folder holds it now; null when it is missing or not readable yet. */
  deskFile: DeskFile | null;
  /** Batches that look whole, in order, with their (unverified) headers. */
  batches: Map<number, BatchHeader>;
  /** Removal notices this desk wrote: their file names and text (verified by the caller). */
  removals: { file: string; text: string }[];
  /** The highest batch number any name in the folder uses (temps and copies too). */
  highestName: number;
  /** The folder could not be listed: the caller keeps what it knew of this desk. */
  unreadable: boolean;
}

export type Listing =
  | { reachable: true; teamText: string; team: TeamFile; desks: Map<string, DeskListing>; problems: TeamProblem[] }
  | { reachable: false; reason: string };

/** Headers of batches already seen, by relative path: batch files never change once written. */
export type HeaderCache = Map<string, BatchHeader>;

const PEEK_BYTES = 4096;

/** Why a team folder cannot be read, in words; never "it is empty". */
export function unreachableReason(error: unknown, folder: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return `The team folder ${folder} cannot be found: its drive may be disconnected, or the folder moved or renamed. Nothing was read as deleted.`;
    case 'EACCES':
    case 'EPERM':
      return `Access to the team folder ${folder} was refused. Ask your IT team to give your account access to it.`;
    case 'ENOTDIR':
      return `${folder} is a file, not a folder. Choose the team folder itself.`;
    case 'EIO':
    case 'ESTALE':
    case 'ETIMEDOUT':
    case 'EHOSTDOWN':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
    case 'ECONNRESET':
    case 'ECONNREFUSED':
    case 'EBUSY':
      return `The team folder ${folder} cannot be read now: the network drive may be offline. DoS Desk will try again.`;
    default:
      return `The team folder ${folder} cannot be read now. ${plainReason(error)}`;
  }
}

const problem = (file: string, kind: TeamProblem['kind'], message: string): TeamProblem => ({ file, kind, message });

export const PLACEHOLDER_HINT =
  'is not downloaded yet (it has no content on this computer). If the team folder is in OneDrive or SharePoint, right-click it and choose "Always keep on this device".';

/** The largest team.json, desk.json or removal notice read, and the largest batch. */
export const SMALL_FILE_MAX = 64 * 1024;
export const BATCH_FILE_MAX = 64 * 1024 * 1024;

/** A file too big to be what DoS Desk writes, or not a regular file (a link, a device): never read. */
export class NotAFileError extends Error {}

/**
 * Reads a whole file, only when it is a regular file (links are not followed) of at most `max`
 * bytes, checked before reading.
 */
export async function readBounded(path: string, max: number, label: string): Promise<string> {
  const first = await lstat(path);
  if (!first.isFile()) throw new NotAFileError(`${label} is not a plain file (it may be a link or a shortcut): it was not read.`);
  if (first.size > max)
    throw new NotAFileError(
      `${label} is ${sizeInWords(first.size)}, far bigger than DoS Desk writes (at most ${sizeInWords(max)}): it was not read.`,
    );
  const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    const now = await handle.stat();
    if (!now.isFile() || now.size > max) throw new NotAFileError(`${label} changed while it was read: it was not read.`);
    const buffer = Buffer.alloc(now.size);
    const { bytesRead } = await handle.read(buffer, 0, now.size, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

function sizeInWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

async function readPrefix(path: string): Promise<{ size: number; text: string }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(PEEK_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { size, text: buffer.subarray(0, bytesRead).toString('utf8') };
  } finally {
    await handle.close();
  }
}

export async function listTeamFolder(folder: string, cache: HeaderCache): Promise<Listing> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    return { reachable: false, reason: unreachableReason(error, folder) };
  }
  if (!names.includes('team.json'))
    return {
      reachable: false,
      reason: `team.json is missing from ${folder}: the folder may not be fully synced or mounted. Nothing was read as deleted.`,
    };
  let teamText: string;
  try {
    teamText = await readBounded(join(folder, 'team.json'), SMALL_FILE_MAX, 'team.json');
  } catch (error) {
    return { reachable: false, reason: error instanceof NotAFileError ? error.message : unreachableReason(error, folder) };
  }
  if (teamText.length === 0) return { reachable: false, reason: `team.json in ${folder} ${PLACEHOLDER_HINT}` };
  const team = parseTeamFile(teamText);
  if (!team)
    return {
      reachable: false,
      reason: `team.json in ${folder} cannot be read: it may be half-copied, or written by a newer DoS Desk. DoS Desk will try again.`,
    };
  const problems: TeamProblem[] = [];
  for (const name of names) {
    const kind = classifyRootEntry(name);
    if (kind === 'temp') problems.push(problem(name, 'half-written', `${name} is a file left half-written: it was skipped.`));
    if (kind === 'conflict-copy')
      problems.push(
        problem(name, 'conflict-copy', `${name} is a copy of team.json a sync program made: it was skipped. team.json is used.`),
      );
  }
  let deskNames;
  try {
    deskNames = await readdir(join(folder, 'desks'), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return {
        reachable: false,
        reason: `The desks folder is missing from ${folder}: the folder may not be fully synced. Nothing was read as deleted.`,
      };
    return { reachable: false, reason: unreachableReason(error, folder) };
  }
  const desks = new Map<string, DeskListing>();
  for (const entry of deskNames) {
    const rel = `desks/${entry.name}`;
    const kind = classifyDesksEntry(entry.name);
    if (kind === 'ignored') continue;
    if (kind === 'conflict-copy') {
      problems.push(problem(rel, 'conflict-copy', `${rel} is a copy of a desk's folder a sync program made: it was skipped.`));
      continue;
    }
    if (kind === 'unknown' || !entry.isDirectory()) {
      problems.push(problem(rel, 'unknown-file', `${rel} is not something DoS Desk writes: it was left alone.`));
      continue;
    }
    desks.set(entry.name, await listDesk(folder, entry.name, cache, problems));
  }
  return { reachable: true, teamText, team, desks, problems };
}

async function listDesk(folder: string, id: string, cache: HeaderCache, problems: TeamProblem[]): Promise<DeskListing> {
  const listing: DeskListing = { id, deskFile: null, batches: new Map(), removals: [], highestName: 0, unreadable: false };
  const dir = join(folder, 'desks', id);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    listing.unreadable = true;
    problems.push(problem(`desks/${id}`, 'unknown-file', `The folder of desk ${id} cannot be read now: ${unreachableReason(error, dir)}`));
    return listing;
  }
  for (const dirent of entries) {
    const name = dirent.name;
    const rel = `desks/${id}/${name}`;
    const entry = classifyDeskEntry(name);
    listing.highestName = Math.max(listing.highestName, seqInName(name) ?? 0);
    if (entry.kind !== 'ignored' && !dirent.isFile()) {
      problems.push(problem(rel, 'unknown-file', `${rel} is not a plain file (it may be a link or a folder): it was left alone.`));
      continue;
    }
    try {
      switch (entry.kind) {
        case 'ignored':
          break;
        case 'temp':
          problems.push(problem(rel, 'half-written', `${rel} is a file still being written, or left half-written: it was skipped.`));
          break;
        case 'conflict-copy':
          problems.push(
            problem(rel, 'conflict-copy', `${rel} is a copy a sync program made (two computers changed the same file): it was skipped.`),
          );
          break;
        case 'unknown':
          problems.push(problem(rel, 'unknown-file', `${rel} is not something DoS Desk writes: it was left alone.`));
          break;
        case 'desk-file': {
          const text = await readBounded(join(dir, name), SMALL_FILE_MAX, rel);
          if (text.length === 0) problems.push(problem(rel, 'placeholder', `${rel} ${PLACEHOLDER_HINT}`));
          else {
            const desk = parseDeskFile(text);
            if (!desk)
              problems.push(problem(rel, 'half-written', `${rel} cannot be read yet: it may be half-copied. DoS Desk will try again.`));
            else if (desk.deskId !== id) problems.push(problem(rel, 'damaged', `${rel} names another desk: it was refused.`));
            else listing.deskFile = desk;
          }
          break;
        }
        case 'removal': {
          const text = await readBounded(join(dir, name), SMALL_FILE_MAX, rel);
          if (text.length === 0) problems.push(problem(rel, 'placeholder', `${rel} ${PLACEHOLDER_HINT}`));
          else listing.removals.push({ file: rel, text });
          break;
        }
        case 'batch': {
          const known = cache.get(rel);
          if (known) {
            listing.batches.set(entry.seq, known);
            break;
          }
          const { size, text } = await readPrefix(join(dir, name));
          if (size === 0) {
            problems.push(problem(rel, 'placeholder', `${rel} ${PLACEHOLDER_HINT}`));
            break;
          }
          const header = peekHeader(text);
          if (!header)
            problems.push(problem(rel, 'half-written', `${rel} is incomplete or not a batch: it was skipped. DoS Desk will try it again.`));
          else if (header.desk !== id || header.seq !== entry.seq)
            problems.push(problem(rel, 'damaged', `${rel} says it is a different batch from the one its name gives: it was refused.`));
          else {
            cache.set(rel, header);
            listing.batches.set(entry.seq, header);
          }
          break;
        }
      }
    } catch (error) {
      if (error instanceof NotAFileError) {
        problems.push(problem(rel, 'unknown-file', error.message));
        continue;
      }
      // One file that cannot be read now (a placeholder the sync client cannot fetch, a lock) is
      // skipped and reported; the rest of the folder is still listed.
      problems.push(
        problem(rel, 'half-written', `${rel} cannot be read now (${plainReason(error)}): it was skipped. DoS Desk will try again.`),
      );
    }
  }
  return listing;
}
