import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { plainReason, UserFacingError } from '../user-error';
import { NotAFileError, PLACEHOLDER_HINT, readBounded, SMALL_FILE_MAX, unreachableReason } from './folder-listing';
import { FileExistsError, writeFolderFile } from './folder-write';
import { newDeskKeys, type DataKey } from './team-crypto';
import { lowestIterations, makeTeamFile, openTeamFile, parseTeamFile, type TeamFile } from './team-files';
import type { Membership, TeamStateStore } from './team-state';

/**
 * Setting a desk up in a team folder (issue 17): creating a new team (team.json and this desk's
 * desk.json) or joining one (the passphrase checked first, then this desk's desk.json). Refusals
 * write nothing; a failure part-way takes back what this call wrote. The passphrase is used, never kept.
 */

export interface Joined {
  membership: Membership;
  privateKey: string;
  keys: DataKey[];
  teamFile: TeamFile;
}

interface SetupContext {
  store: TeamStateStore;
  iterations: number;
  now: () => Date;
}

function requireAbsolute(folder: string): string {
  if (!isAbsolute(folder))
    throw new UserFacingError(
      `Enter the whole path of the team folder, such as ${process.platform === 'win32' ? 'S:\\DoS team' : '/Volumes/Shared/DoS team'}.`,
    );
  return folder;
}

function deskJson(deskId: string, name: string, publicKey: string, joinedAt: string): string {
  return JSON.stringify({ format: 1, deskId, name, publicKey, joinedAt }, null, 2);
}

/** This desk as a new member of the team in `file`: its keys, its id and main's record of the membership. */
async function newMember(folder: string, file: TeamFile, deskName: string, at: Date) {
  const desk = await newDeskKeys();
  const deskId = randomUUID();
  const joinedAt = at.toISOString();
  const m: Membership = {
    format: 1,
    folder,
    teamId: file.teamId,
    teamName: file.name,
    deskId,
    deskName,
    publicKey: desk.publicKey,
    joinedAt,
    lastSeq: 0,
    knownDesks: { [deskId]: { publicKey: desk.publicKey, name: deskName, firstSeenAt: joinedAt } },
    removedDesks: {},
    newestKeyId: file.keys.at(-1)!.id,
  };
  return { desk, deskId, m };
}

/** Writes this desk's desk.json into its (made) folder, then keeps the membership, its secrets and team.json's text in main. */
async function enrol(store: TeamStateStore, m: Membership, privateKey: string, keys: DataKey[], teamText: string): Promise<void> {
  await writeFolderFile(join(m.folder, 'desks', m.deskId, 'desk.json'), deskJson(m.deskId, m.deskName, m.publicKey, m.joinedAt));
  await store.saveMembership(m);
  await store.saveSecrets(privateKey, keys);
  await store.saveTeamText(teamText);
}
export async function createTeamFolder(
  args: { folder: string; teamName: string; deskName: string; passphrase: string },
  { store, iterations, now }: SetupContext,
): Promise<Joined> {
  const folder = requireAbsolute(args.folder);
  let names: string[];
  try {
    if (!(await stat(folder)).isDirectory()) throw new UserFacingError(`${folder} is a file, not a folder. Choose a folder for the team.`);
    names = await readdir(folder);
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UserFacingError(`The folder ${folder} does not exist. Make it first (on the shared drive or in OneDrive), then choose it.`);
    throw new UserFacingError(unreachableReason(error, folder), { cause: error });
  }
  if (names.includes('team.json'))
    throw new UserFacingError(
      `${folder} already holds a team folder (it has a team.json). To use it, join that team instead. Nothing was written.`,
    );
  if (names.includes('desks'))
    throw new UserFacingError(
      `${folder} already holds desks' folders but no team.json: it may not be fully synced yet. Wait for it to sync, or choose an empty folder. Nothing was written.`,
    );
  const probe = join(folder, `.tmp-probe-${randomUUID()}`);
  try {
    await (await open(probe, 'wx')).close();
    await rm(probe, { force: true });
  } catch (error) {
    throw new UserFacingError(`DoS Desk cannot write to ${folder}. ${plainReason(error)}`, { cause: error });
  }
  const { file, keys: teamKeys } = await makeTeamFile(args.teamName, args.passphrase, iterations, now());
  const { desk, deskId, m } = await newMember(folder, file, args.deskName, now());
  const teamText = JSON.stringify(file, null, 2);
  try {
    await writeFolderFile(join(folder, 'team.json'), teamText);
  } catch (error) {
    if (error instanceof FileExistsError) throw new UserFacingError(`${folder} already holds a team folder. Nothing was written.`);
    throw new UserFacingError(`DoS Desk could not write team.json to ${folder}. ${plainReason(error)}`, { cause: error });
  }
  try {
    await mkdir(join(folder, 'desks', deskId), { recursive: true });
    await enrol(store, m, desk.privateKey, teamKeys, teamText);
  } catch (error) {
    // Take back only what this call wrote, so the folder can be chosen again.
    await rm(join(folder, 'desks'), { recursive: true, force: true }).catch(() => undefined);
    await rm(join(folder, 'team.json'), { force: true }).catch(() => undefined);
    await store.clear().catch(() => undefined);
    throw new UserFacingError(`DoS Desk could not set up the team folder. ${plainReason(error)}`, { cause: error });
  }
  return { membership: m, privateKey: desk.privateKey, keys: teamKeys, teamFile: file };
}

export async function joinTeamFolder(
  args: { folder: string; deskName: string; passphrase: string },
  { store, now, iterations }: SetupContext,
): Promise<Joined> {
  const folder = requireAbsolute(args.folder);
  let text: string;
  try {
    text = await readBounded(join(folder, 'team.json'), SMALL_FILE_MAX, 'team.json');
  } catch (error) {
    if (error instanceof NotAFileError) throw new UserFacingError(error.message, { cause: error });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && (await stat(folder).catch(() => null))?.isDirectory())
      throw new UserFacingError(
        `There is no team in ${folder}: team.json is missing. If the folder is in OneDrive or on a network drive, wait until it has synced, or check you chose the team folder itself.`,
      );
    throw new UserFacingError(unreachableReason(error, folder), { cause: error });
  }
  if (text.length === 0) throw new UserFacingError(`team.json in ${folder} ${PLACEHOLDER_HINT}`);
  const file = parseTeamFile(text);
  if (!file) throw new UserFacingError(`team.json in ${folder} cannot be read: it may be half-copied, or made by a newer DoS Desk.`);
  const teamKeys = await openTeamFile(file, args.passphrase, lowestIterations(iterations));
  if (!(await stat(join(folder, 'desks')).catch(() => null))?.isDirectory())
    throw new UserFacingError(`The desks folder is missing from ${folder}: the folder may not be fully synced yet. Nothing was written.`);
  const { desk, deskId, m } = await newMember(folder, file, args.deskName, now());
  try {
    await mkdir(join(folder, 'desks', deskId));
    await enrol(store, m, desk.privateKey, teamKeys, text);
  } catch (error) {
    await rm(join(folder, 'desks', deskId), { recursive: true, force: true }).catch(() => undefined);
    await store.clear().catch(() => undefined);
    throw new UserFacingError(`DoS Desk could not join the team. ${plainReason(error)}`, { cause: error });
  }
  return { membership: m, privateKey: desk.privateKey, keys: teamKeys, teamFile: file };
}
