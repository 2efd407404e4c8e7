import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DeskId } from '../../../../shared/sync/doc';
import { readTextIfExists, writeFileAtomic } from '../atomic-file';
import type { SecureStorage } from '../email/secrets';
import { b64, fromB64, type DataKey } from './team-crypto';

/**
 * Main's own team state, in `<data folder>/team/` (issue 17): which team folder this desk belongs
 * to, its desk id and name, the public keys of the team's desks as first seen (trust on first
 * use), the last batch number it wrote, and a copy of team.json (wrapped keys only, so the desk can
 * be unlocked while the folder is offline). The desk's private key and the unwrapped team keys are
 * written only encrypted by the OS key store (safeStorage); without one, the team keys stay in
 * memory (the team is locked after a restart) and the private key is kept in a file only this user
 * can read. The passphrase is never written anywhere.
 */

const KnownDesk = z.object({ publicKey: z.string().max(100), name: z.string().max(200), firstSeenAt: z.string().max(40) });
const MembershipSchema = z.object({
  format: z.literal(1),
  folder: z.string().min(1).max(1000),
  teamId: z.uuid(),
  teamName: z.string().max(200),
  deskId: DeskId,
  deskName: z.string().max(200),
  publicKey: z.string().max(100),
  joinedAt: z.string().max(40),
  lastSeq: z.number().int().min(0),
  knownDesks: z.record(z.string(), KnownDesk),
  /** Removals this desk has honoured: permanent, whatever later happens to the notice in the folder. */
  removedDesks: z.record(z.string(), z.object({ keepUpToSeq: z.number().int().min(0), by: z.string().max(40) })).default({}),
  /** The newest team key id this desk has seen in an authenticated team.json: it never writes with an older one. */
  newestKeyId: z.string().max(40).nullable().default(null),
});
export type Membership = z.infer<typeof MembershipSchema>;
export type MembershipInput = z.input<typeof MembershipSchema>;
export type KnownDesk = z.infer<typeof KnownDesk>;

const SecretsSchema = z.object({
  privateKey: z.string().max(100),
  keys: z.array(z.object({ id: z.string().max(40), raw: z.string().max(100) })),
});
const DeskKeySchema = z.object({ privateKey: z.string().max(100) });

export interface LoadedState {
  membership: Membership | null;
  privateKey: string | null;
  keys: DataKey[];
  /** The last team.json this desk read (for unlocking while the folder is offline). */
  teamText: string | null;
  /** The last listing this desk saved (so a restart with the folder offline still knows it). */
  listing: unknown;
}

export interface TeamStateStore {
  readonly dir: string;
  /** Whether secrets written now survive a restart, encrypted by the OS key store. */
  keysProtected(): boolean;
  load(): Promise<LoadedState>;
  saveMembership(membership: Membership): Promise<void>;
  saveSecrets(privateKey: string, keys: DataKey[]): Promise<void>;
  saveTeamText(text: string): Promise<void>;
  saveListing(listing: unknown): Promise<void>;
  /** Forgets the team: every file in the state folder goes. */
  clear(): Promise<void>;
}

async function readJson(file: string): Promise<unknown> {
  const text = await readTextIfExists(file);
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function createTeamState(dataDir: string, secure: SecureStorage | null): TeamStateStore {
  const dir = join(dataDir, 'team');
  const files = {
    membership: join(dir, 'membership.json'),
    secrets: join(dir, 'secrets.bin'),
    deskKey: join(dir, 'desk-key.json'),
    team: join(dir, 'team.json'),
    listing: join(dir, 'listing.json'),
  };
  const canEncrypt = () => Boolean(secure?.isEncryptionAvailable());

  async function readSecrets(): Promise<{ privateKey: string | null; keys: DataKey[] }> {
    if (canEncrypt()) {
      try {
        const parsed = SecretsSchema.safeParse(JSON.parse(secure!.decryptString(await readFile(files.secrets))));
        if (parsed.success)
          return { privateKey: parsed.data.privateKey, keys: parsed.data.keys.map((k) => ({ id: k.id, raw: fromB64(k.raw) })) };
      } catch {
        // No secrets file, or one this key store cannot open: fall back to the plain desk key, if any.
      }
    }
    const plain = DeskKeySchema.safeParse(await readJson(files.deskKey));
    return { privateKey: plain.success ? plain.data.privateKey : null, keys: [] };
  }

  return {
    dir,
    keysProtected: canEncrypt,
    async load() {
      const membership = MembershipSchema.safeParse(await readJson(files.membership));
      if (!membership.success) return { membership: null, privateKey: null, keys: [], teamText: null, listing: null };
      const secrets = await readSecrets();
      return {
        membership: membership.data,
        ...secrets,
        teamText: await readTextIfExists(files.team),
        listing: await readJson(files.listing),
      };
    },
    async saveMembership(membership) {
      await writeFileAtomic(files.membership, JSON.stringify(membership, null, 2));
    },
    async saveSecrets(privateKey, keys) {
      if (canEncrypt()) {
        const text = JSON.stringify({ privateKey, keys: keys.map((k) => ({ id: k.id, raw: b64(k.raw) })) });
        await writeFileAtomic(files.secrets, secure!.encryptString(text));
        await rm(files.deskKey, { force: true });
      } else {
        // No OS key store: the team keys stay in memory; the private key in a file only this user can read (0600).
        await writeFileAtomic(files.deskKey, JSON.stringify({ privateKey }));
      }
    },
    saveTeamText: (text) => writeFileAtomic(files.team, text),
    saveListing: (listing) => writeFileAtomic(files.listing, JSON.stringify(listing)),
    async clear() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
