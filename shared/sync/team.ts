import { z } from 'zod';
import { BATCH_MAX_DOCS, DeskId, SnapshotPart, SyncDocSchema } from './doc';

/** Something in the team folder that was not imported, and why, in words a DoS lead can act on. */
export interface TeamProblem {
  /** The file or folder, relative to the team folder (`desks/<deskId>/b-00000012.dsb`). */
  file: string;
  kind:
    | 'half-written' // a temp file, or a batch cut short
    | 'placeholder' // zero bytes: a OneDrive / SharePoint "files on demand" stub not yet downloaded
    | 'conflict-copy' // `name-DESKTOP-1.dsb`, `name (1).dsb`: a copy a sync client made
    | 'bad-signature' // not signed by the key this desk holds for that desk
    | 'damaged' // checksum, decryption or format failed
    | 'removed-desk' // written by a desk after it was removed from the team
    | 'unknown-key' // encrypted with a team key this desk does not hold (the passphrase changed)
    | 'unknown-file'; // anything else in a desk's folder
  message: string;
}

export interface TeamDesk {
  id: string;
  name: string;
  /** This desk. */
  you: boolean;
  /** Removed from the team: its batches up to `removedAfterSeq` stay readable; later ones are refused. */
  removed: boolean;
  /** The `writtenAt` of its newest batch (its own clock, shown only). */
  lastSeenAt: string | null;
  /** Batch numbers in its folder that look whole (not yet checked). */
  batches: number[];
  /** Batch numbers that are parts of snapshots. */
  snapshots: number[];
}

export type TeamStatus =
  | { state: 'none' }
  | {
      state: 'member';
      team: { id: string; name: string; folder: string };
      desk: { id: string; name: string };
      /** Main does not hold the team key (no OS key store, after a restart): ask for the passphrase. */
      locked: boolean;
      /** Another desk removed this one: it may read, it can no longer add. */
      removed: boolean;
      /** The folder could be listed at `checkedAt`. A folder that cannot be read is never read as empty. */
      reachable: boolean;
      /** Why not, in words (the folder is missing, access was refused, …). */
      unreachableReason: string | null;
      checkedAt: string | null;
      /** Whether the desk and team keys survive a restart encrypted by the OS key store. */
      keysProtected: boolean;
      desks: TeamDesk[];
      problems: TeamProblem[];
    };

const Folder = z
  .string()
  .trim()
  .min(1, { error: 'Enter the team folder: a folder on a shared drive or in OneDrive / SharePoint' })
  .max(1000, { error: 'The folder path is too long' });
const Passphrase = z
  .string()
  .min(12, { error: 'The team passphrase must be at least 12 characters' })
  .max(200, { error: 'The team passphrase must be 200 characters or fewer' });
const Name = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `Enter ${what}` })
    .max(80, { error: `${what[0]!.toUpperCase()}${what.slice(1)} must be 80 characters or fewer` })
    .refine((s) => !/[\r\n\t\u0000-\u001f]/.test(s), { error: `${what[0]!.toUpperCase()}${what.slice(1)} must be one line of text` });

export const CreateTeamArgs = z
  .object({ folder: Folder, teamName: Name('a name for the team'), deskName: Name('a name for this desk'), passphrase: Passphrase })
  .strict();
export const JoinTeamArgs = z
  .object({
    folder: Folder,
    deskName: Name('a name for this desk'),
    passphrase: z.string().min(1, { error: 'Enter the team passphrase' }).max(200),
  })
  .strict();
export const UnlockTeamArgs = z.object({ passphrase: z.string().min(1, { error: 'Enter the team passphrase' }).max(200) }).strict();
export const ChangePassphraseArgs = z
  .object({ current: z.string().min(1, { error: 'Enter the current passphrase' }).max(200), next: Passphrase })
  .strict()
  .refine((a) => a.current !== a.next, { error: 'The new passphrase must differ from the current one', path: ['next'] });
export const RemoveDeskArgs = z.object({ deskId: DeskId }).strict();
export const WriteBatchArgs = z
  .object({
    docs: z
      .array(SyncDocSchema)
      .min(1, { error: 'A batch holds at least one document' })
      .max(BATCH_MAX_DOCS, { error: `A batch holds ${BATCH_MAX_DOCS} documents or fewer` }),
    snapshot: SnapshotPart.nullable().optional(),
  })
  .strict();
export const ReadBatchArgs = z.object({ deskId: DeskId, seq: z.number().int().min(1).max(1e9) }).strict();
/** A batch file carried by hand (email, USB stick): its text, as written to a team folder. */
export const OpenBatchFileArgs = z
  .object({
    content: z
      .string()
      .min(1, { error: 'The batch file is empty' })
      .max(64 * 1024 * 1024, { error: 'The batch file is over 64 MB' }),
  })
  .strict();
