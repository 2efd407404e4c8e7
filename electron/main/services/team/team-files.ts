import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DeskId } from '../../../../shared/sync/doc';
import { UserFacingError } from '../user-error';
import {
  canonical,
  deriveKek,
  newDataKey,
  newSalt,
  passesCheck,
  sealCheck,
  sign,
  unwrapKey,
  verify,
  wrapKey,
  type DataKey,
} from './team-crypto';

/**
 * The small files of a team folder (issue 17): `team.json` (the team, its wrapped keys, how the
 * passphrase is stretched), each desk's `desk.json` (its name and public key, written once by that
 * desk) and removal notices (`removed-<deskId>.json`, signed by the desk that removed another).
 */

const B64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/)
  .max(400);
const Iso = z.string().max(40);

export const TeamFileSchema = z.object({
  format: z.literal(1),
  app: z.literal('dos-desk-team'),
  teamId: z.uuid(),
  name: z.string().min(1).max(200),
  createdAt: Iso,
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().min(1).max(100_000_000),
    salt: B64,
  }),
  /** Every team data key, wrapped under the passphrase; the newest (used for new batches) is last. */
  keys: z
    .array(z.object({ id: z.string().regex(/^[0-9a-f]{16}$/), iv: B64, wrapped: B64 }))
    .min(1)
    .max(1000),
  check: z.object({ iv: B64, data: B64 }),
});
export type TeamFile = z.infer<typeof TeamFileSchema>;

export const DeskFileSchema = z.object({
  format: z.literal(1),
  deskId: DeskId,
  name: z.string().min(1).max(200),
  publicKey: B64,
  joinedAt: Iso,
});
export type DeskFile = z.infer<typeof DeskFileSchema>;

export const RemovalSchema = z.object({
  format: z.literal(1),
  team: z.uuid(),
  remover: DeskId,
  deskId: DeskId,
  keepUpToSeq: z.number().int().min(0).max(1e9),
  removedAt: Iso,
  signature: B64,
});
export type Removal = z.infer<typeof RemovalSchema>;

export const WRONG_PASSPHRASE = 'That passphrase does not open this team folder. Check it with whoever set up the team, then try again.';

/** Parses team.json text; null when it is not a team.json this DoS Desk can read. */
export function parseTeamFile(text: string): TeamFile | null {
  try {
    const parsed = TeamFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function parseDeskFile(text: string): DeskFile | null {
  try {
    const parsed = DeskFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A new team: its team.json and its first data key (the passphrase is used, never kept). */
export async function makeTeamFile(
  name: string,
  passphrase: string,
  iterations: number,
  now: Date,
): Promise<{ file: TeamFile; keys: DataKey[] }> {
  const teamId = randomUUID();
  const salt = newSalt();
  const kek = await deriveKek(passphrase, salt, iterations);
  const key = newDataKey();
  const file: TeamFile = {
    format: 1,
    app: 'dos-desk-team',
    teamId,
    name,
    createdAt: now.toISOString(),
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt },
    keys: [await wrapKey(kek, teamId, key)],
    check: await sealCheck(kek, teamId),
  };
  return { file, keys: [key] };
}

/**
 * The team's data keys, unwrapped with the passphrase. A wrong passphrase is told apart (by the
 * check) from a team.json whose keys are damaged.
 */
export async function openTeamFile(file: TeamFile, passphrase: string): Promise<DataKey[]> {
  const kek = await deriveKek(passphrase, file.kdf.salt, file.kdf.iterations);
  if (!(await passesCheck(kek, file.teamId, file.check))) throw new UserFacingError(WRONG_PASSPHRASE);
  try {
    return await Promise.all(file.keys.map((entry) => unwrapKey(kek, file.teamId, entry)));
  } catch (error) {
    throw new UserFacingError(
      'The passphrase is right but the team keys in team.json are damaged. Ask whoever changed the passphrase last to check the team folder.',
      { cause: error },
    );
  }
}

/** team.json under a new passphrase (new salt): every key it held, plus one new key for new batches. */
export async function rewrapTeamFile(
  file: TeamFile,
  current: string,
  next: string,
  iterations: number,
): Promise<{ file: TeamFile; keys: DataKey[] }> {
  const old = await openTeamFile(file, current);
  const fresh = newDataKey();
  const keys = [...old, fresh];
  const salt = newSalt();
  const kek = await deriveKek(next, salt, iterations);
  return {
    file: {
      ...file,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt },
      keys: await Promise.all(keys.map((k) => wrapKey(kek, file.teamId, k))),
      check: await sealCheck(kek, file.teamId),
    },
    keys,
  };
}

export async function signRemoval(fields: Omit<Removal, 'signature' | 'format'>, privateKey: string): Promise<Removal> {
  const unsigned = { format: 1 as const, ...fields };
  return { ...unsigned, signature: await sign(privateKey, `removal:${canonical(unsigned)}`) };
}

/** A removal notice's text checked against its remover's key: null when it does not verify. */
export async function verifyRemoval(text: string, removerKey: string, teamId: string, remover: string): Promise<Removal | null> {
  let parsed: Removal;
  try {
    const result = RemovalSchema.safeParse(JSON.parse(text));
    if (!result.success) return null;
    parsed = result.data;
  } catch {
    return null;
  }
  if (parsed.team !== teamId || parsed.remover !== remover || parsed.deskId === remover) return null;
  return (await verify(removerKey, `removal:${canonical(parsed)}`, parsed.signature)) ? parsed : null;
}
