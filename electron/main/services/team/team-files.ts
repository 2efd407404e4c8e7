import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { DeskId } from '../../../../shared/sync/doc';
import { UserFacingError } from '../user-error';
import {
  canonical,
  deriveKek,
  MAX_KDF_ITERATIONS,
  MIN_KDF_ITERATIONS,
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
    iterations: z.number().int().min(1).max(1_000_000_000),
    salt: B64,
  }),
  /** Every team data key, wrapped under the passphrase; the newest (used for new batches) is last. */
  keys: z
    .array(z.object({ id: z.string().regex(/^[0-9a-f]{16}$/), iv: B64, wrapped: B64 }))
    .min(1)
    .max(1000)
    .refine((keys) => new Set(keys.map((k) => k.id)).size === keys.length, 'a key id appears twice'),
  check: z.object({ iv: B64, data: B64 }),
  /** HMAC-SHA256, under a key derived from the newest data key, of the team id and the ordered key ids. */
  keysMac: B64,
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

export const TAMPERED_KEYS =
  'team.json in the team folder was changed by someone without the team passphrase: its list of team keys is not the one the team wrote (it could make desks use an old key). Nothing was written. Ask whoever set up the team to check the team folder, then change the passphrase from a desk that still works.';

/** The MAC over team.json's ordered key list, keyed from the newest data key (which only holders of the passphrase have). */
export function keyListMac(teamId: string, ids: readonly string[], newest: DataKey): string {
  const macKey = createHmac('sha256', newest.raw).update('dos-desk-team key-list mac key').digest();
  return createHmac('sha256', macKey)
    .update(`keys:${teamId}:${ids.join(',')}`)
    .digest('base64');
}

function macMatches(file: TeamFile, newest: DataKey): boolean {
  const want = Buffer.from(
    keyListMac(
      file.teamId,
      file.keys.map((k) => k.id),
      newest,
    ),
    'base64',
  );
  const got = Buffer.from(file.keysMac, 'base64');
  return got.length === want.length && timingSafeEqual(got, want);
}

export type KeyListCheck = { ok: true; newest: string; verified: boolean } | { ok: false; reason: string };

/**
 * Whether team.json's key list can be trusted: it must still offer the newest key this desk has
 * seen (`remembered`), and, when this desk holds the key named last, its MAC must match (so the
 * list was neither reordered nor cut by someone without the passphrase). `verified` is false when
 * the last key is one this desk does not hold yet (it is locked until the passphrase is entered).
 */
export function checkKeyList(file: TeamFile, keys: ReadonlyMap<string, DataKey>, remembered: string | null): KeyListCheck {
  const ids = file.keys.map((k) => k.id);
  if (remembered && !ids.includes(remembered)) return { ok: false, reason: TAMPERED_KEYS };
  const last = ids.at(-1)!;
  const held = keys.get(last);
  if (!held) return { ok: true, newest: last, verified: false };
  return macMatches(file, held) ? { ok: true, newest: last, verified: true } : { ok: false, reason: TAMPERED_KEYS };
}

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
    keysMac: keyListMac(teamId, [key.id], key),
  };
  return { file, keys: [key] };
}

/**
 * The team's data keys, unwrapped with the passphrase. A wrong passphrase is told apart (by the
 * check) from a team.json whose keys are damaged.
 */
export async function openTeamFile(file: TeamFile, passphrase: string, minIterations = MIN_KDF_ITERATIONS): Promise<DataKey[]> {
  const { iterations } = file.kdf;
  if (iterations < minIterations || iterations > MAX_KDF_ITERATIONS)
    throw new UserFacingError(
      `team.json asks for the passphrase to be stretched ${iterations.toLocaleString('en-GB')} times; DoS Desk accepts ${minIterations.toLocaleString('en-GB')} to ${MAX_KDF_ITERATIONS.toLocaleString('en-GB')}. The file may have been tampered with: ask whoever set up the team to check the team folder. Nothing was done.`,
    );
  const kek = await deriveKek(passphrase, file.kdf.salt, file.kdf.iterations);
  if (!(await passesCheck(kek, file.teamId, file.check))) throw new UserFacingError(WRONG_PASSPHRASE);
  let keys: DataKey[];
  try {
    keys = await Promise.all(file.keys.map((entry) => unwrapKey(kek, file.teamId, entry)));
  } catch (error) {
    throw new UserFacingError(
      'The passphrase is right but the team keys in team.json are damaged. Ask whoever changed the passphrase last to check the team folder.',
      { cause: error },
    );
  }
  if (!macMatches(file, keys.at(-1)!)) throw new UserFacingError(TAMPERED_KEYS);
  return keys;
}

/** The fewest iterations a team.json may ask for: the standard floor, or fewer when this desk itself makes fewer (tests only). */
export const lowestIterations = (made: number): number => Math.min(MIN_KDF_ITERATIONS, made);

/** team.json under a new passphrase (new salt): every key it held, plus one new key for new batches. */
export async function rewrapTeamFile(
  file: TeamFile,
  current: string,
  next: string,
  iterations: number,
): Promise<{ file: TeamFile; keys: DataKey[] }> {
  const old = await openTeamFile(file, current, lowestIterations(iterations));
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
      keysMac: keyListMac(
        file.teamId,
        keys.map((k) => k.id),
        fresh,
      ),
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
