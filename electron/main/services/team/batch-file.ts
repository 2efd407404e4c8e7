import { z } from 'zod';
import type { ReadBatch } from '../../../../shared/sync/doc';
import { BATCH_MAX_DOCS, DeskId, SnapshotPart, SyncDocSchema } from '../../../../shared/sync/doc';
import type { TeamProblem } from '../../../../shared/sync/team';
import { UserFacingError } from '../user-error';
import { b64, canonical, decrypt, encrypt, fromB64, sha256Hex, sign, verify, type DataKey } from './team-crypto';

/**
 * One batch file (issue 17): a small JSON object, the envelope, whose last field is the encrypted
 * batch. The envelope says which team, desk and batch number it is, when the desk says it wrote
 * it, whether it is part of a snapshot, which team key encrypted it, the SHA-256 of the ciphertext,
 * and the desk's Ed25519 signature over every other field (the ciphertext through its SHA-256).
 * The plaintext is `{docs, snapshot}`. A batch carried by hand has the same envelope with seq 0.
 */

export type FaultKind = TeamProblem['kind'];

/** A batch (or another team file) refused, and why, in words for the operator. */
export class TeamFault extends UserFacingError {
  constructor(
    readonly kind: FaultKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TeamFault';
  }
}

const B64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const Header = z
  .object({
    format: z.literal(1),
    team: z.uuid(),
    desk: DeskId,
    seq: z.number().int().min(0).max(1e9),
    writtenAt: z.string().max(40),
    snapshot: z.boolean(),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    iv: B64.max(40),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    signature: B64.max(200),
  })
  .strict();
export type BatchHeader = z.infer<typeof Header>;
const Envelope = Header.extend({ ciphertext: B64 }).strict();

const Plain = z.object({ docs: z.array(SyncDocSchema).max(BATCH_MAX_DOCS), snapshot: SnapshotPart.nullable() }).strict();

export interface BatchContent {
  docs: ReadBatch['docs'];
  snapshot?: ReadBatch['snapshot'] | undefined;
}

const aad = (h: { team: string; desk: string; seq: number; keyId: string }) => `batch:${h.team}:${h.desk}:${h.seq}:${h.keyId}`;
const signed = (h: Omit<BatchHeader, 'signature'>) => `batch:${canonical(h)}`;

/** The file text of a batch: encrypted under `key`, signed with the desk's private key. */
export async function sealBatch(args: {
  team: string;
  desk: string;
  seq: number;
  writtenAt: string;
  key: DataKey;
  privateKey: string;
  content: BatchContent;
}): Promise<string> {
  const plain = new TextEncoder().encode(JSON.stringify({ docs: args.content.docs, snapshot: args.content.snapshot ?? null }));
  const base = {
    format: 1 as const,
    team: args.team,
    desk: args.desk,
    seq: args.seq,
    writtenAt: args.writtenAt,
    snapshot: Boolean(args.content.snapshot),
  };
  const { iv, data } = await encrypt(args.key.raw, plain, aad({ ...base, keyId: args.key.id }));
  const unsigned = { ...base, keyId: args.key.id, iv: b64(iv), sha256: sha256Hex(data) };
  const header: BatchHeader = { ...unsigned, signature: await sign(args.privateKey, signed(unsigned)) };
  // The ciphertext last, so a listing can read the header from the first bytes of the file.
  return JSON.stringify({ ...header, ciphertext: b64(data) });
}

/**
 * The header of a batch file from its first bytes (not verified: for listings only, such as which
 * batches are snapshot parts). Null when the bytes do not start like a batch.
 */
export function peekHeader(prefix: string): BatchHeader | null {
  const end = prefix.indexOf(',"ciphertext":');
  if (end < 0) return null;
  try {
    const parsed = Header.safeParse(JSON.parse(`${prefix.slice(0, end)}}`));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface OpenExpect {
  team: string;
  /** The desk and batch number the file's name gives; null for a batch carried by hand. */
  desk: string | null;
  seq: number | null;
  /** The public key this desk trusts for a desk id; null when it knows none. */
  keyFor: (deskId: string) => string | null;
  keys: ReadonlyMap<string, DataKey>;
  /** The file as the operator would find it, for messages (`desks/…/b-00000003.dsb`). */
  label: string;
}

/** A batch's text checked (signature, checksum), decrypted and parsed; throws a TeamFault saying why not. */
export async function openBatch(text: string, expect: OpenExpect): Promise<ReadBatch & { header: BatchHeader }> {
  const { label } = expect;
  if (text.length === 0)
    throw new TeamFault(
      'placeholder',
      `${label} is not downloaded yet (it has no content on this computer). If the team folder is in OneDrive or SharePoint, right-click it and choose "Always keep on this device".`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new TeamFault(
      'half-written',
      `${label} is incomplete: it may still be being copied. DoS Desk will try it again at the next sync.`,
    );
  }
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) throw new TeamFault('damaged', `${label} is not a DoS Desk batch DoS Desk can read: it was skipped.`);
  const { ciphertext, ...header } = envelope.data;
  if (header.team !== expect.team) throw new TeamFault('damaged', `${label} belongs to another team: it was skipped.`);
  if ((expect.desk !== null && header.desk !== expect.desk) || (expect.seq !== null && header.seq !== expect.seq))
    throw new TeamFault(
      'damaged',
      `${label} says it is a different batch from the one its name gives (perhaps it was copied or renamed): it was refused.`,
    );
  const publicKey = expect.keyFor(header.desk);
  if (!publicKey)
    throw new TeamFault(
      'bad-signature',
      `${label} comes from a desk this desk does not know (it has no desk.json in the team folder): it was refused.`,
    );
  const { signature, ...unsigned } = header;
  if (!(await verify(publicKey, signed(unsigned), signature)))
    throw new TeamFault(
      'bad-signature',
      `${label} is not signed by the desk it says wrote it: it was refused and nothing in it was taken in.`,
    );
  const data = fromB64(ciphertext);
  if (sha256Hex(data) !== header.sha256)
    throw new TeamFault(
      'damaged',
      `${label} is damaged (its checksum does not match): it was refused. The desk that wrote it still holds its records.`,
    );
  const key = expect.keys.get(header.keyId);
  if (!key)
    throw new TeamFault(
      'unknown-key',
      `${label} is locked with a team key this desk does not hold: the team passphrase was probably changed on another desk. Enter the new passphrase on the Team page to read it.`,
    );
  let plain: unknown;
  try {
    plain = JSON.parse(new TextDecoder().decode(await decrypt(key.raw, fromB64(header.iv), data, aad(header))));
  } catch (error) {
    throw new TeamFault('damaged', `${label} could not be decrypted: it was refused.`, { cause: error });
  }
  const content = Plain.safeParse(plain);
  if (!content.success) throw new TeamFault('damaged', `${label} holds records in a form DoS Desk does not accept: it was refused.`);
  return {
    deskId: header.desk,
    seq: header.seq,
    writtenAt: header.writtenAt,
    docs: content.data.docs,
    snapshot: content.data.snapshot,
    header,
  };
}
