import { z } from 'zod';
import { TEMPLATE_IDS, TEMPLATES } from '../email/templates';
import type { AppInfo } from '../models/app-info';
import type { BackupManifest } from '../domain/backups';
import type { AnchorLog } from '../domain/audit-witness';
import { DeliveryMethod, EmailFormat, Mailbox, OutboxStatus, Recipients } from '../models/email';
import type { OutboxCounts, OutboxEntry, OutboxSummary } from '../models/email';
import type { ReadBatch } from '../sync/doc';
import {
  ChangePassphraseArgs,
  CreateTeamArgs,
  JoinTeamArgs,
  OpenBatchFileArgs,
  ReadBatchArgs,
  RemoveDeskArgs,
  UnlockTeamArgs,
  WriteBatchArgs,
  type TeamStatus,
} from '../sync/team';
import { SettingsPatch, type Settings, type SettingsProblem } from '../models/settings';

/**
 * The one IPC contract between the renderer and the main process (GUIDE §2): the `channels` table
 * below declares every channel once. Each is `domain:verb-noun` and names the method on
 * `window.dosDesk`, the work in words (for errors a person reads), a zod schema for its single
 * argument and its result type. The client API (`shared/ipc/api.ts`), main's handler table and its
 * error messages are all derived from it. Adding a channel: an entry here and its handler in
 * `electron/main/ipc/handlers.ts` (a missing handler fails the typecheck).
 * The same table is served over Electron IPC and, in the browser preview, over loopback HTTP.
 */

declare const RESULT: unique symbol;

/** One channel; built with `channel({...}).returns<Result>()`. */
export interface ChannelSpec<S extends z.ZodType = z.ZodType, P extends unknown[] = never, M extends string = string, R = unknown> {
  /** The method's name on `window.dosDesk` (`api.getSettings()`). */
  readonly method: M;
  /** The work in words, lower case ("saving the settings"): errors name this, never the channel id. */
  readonly action: string;
  /** Main parses every argument with this before any service runs. */
  readonly args: S;
  /** Makes the argument from the method's parameters; without it the method takes the argument itself. */
  readonly call?: (...params: P) => z.input<S>;
  /** Phantom: what the channel returns on success. Never set at run time. */
  readonly [RESULT]?: R;
}

/** A method's parameters when the entry has no `call`: none for a channel without argument, else the argument. */
type DirectParams<S extends z.ZodType> = [z.input<S>] extends [undefined] ? [] : [args: z.input<S>];

function channel<S extends z.ZodType, const M extends string, P extends unknown[] = DirectParams<S>>(spec: {
  method: M;
  action: string;
  args: S;
  call?: (...params: P) => z.input<S>;
}) {
  return { returns: <R>() => spec as ChannelSpec<S, P, M, R> };
}

/** The argument schema of every channel that takes none; `createApi` sends `undefined` for these. */
export const NoArgs = z.undefined({ error: 'This call takes no argument' });

/** Backups travel in parts of this many bytes (base64 in transit). */
export const BACKUP_CHUNK_BYTES = 512 * 1024;
const BACKUP_CHUNK_BASE64 = Math.ceil(BACKUP_CHUNK_BYTES / 3) * 4;
const ChainHead = z
  .object({
    id: z.number().int().min(1, { error: 'Give the number of an audit entry' }).max(Number.MAX_SAFE_INTEGER),
    hash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'Give the SHA-256 of the audit entry, as 64 hex digits' }),
  })
  .strict();
/** The most text main copies to the clipboard: a long email, far from a flood. */
export const COPY_TEXT_MAX_CHARS = 200_000;
/** Notification sizes: a system notification shows a line of title and a few lines of text. */
export const NOTIFY_TITLE_MAX_CHARS = 100;
export const NOTIFY_BODY_MAX_CHARS = 500;
const EntryId = z.object({ id: z.uuid({ error: 'Give the id of a message in the outbox' }) }).strict();
const byId = (id: string) => ({ id });
const BackupToken = z.object({ token: z.string().regex(/^[0-9a-f]{24}$/, { error: 'Not a backup in progress' }) }).strict();
const byToken = (token: string) => ({ token });

/** Whether main holds an SMTP password, and whether it survives a restart (never the password). */
export interface SecretStatusResult {
  configured: boolean;
  passwordStored: boolean;
  passwordPersisted: boolean;
  secureStorage: boolean;
}

/** Queue an email: a template and its data, who it is from and to, and how it should leave. */
export const QueueEmailArgs = z
  .object({
    template: z.enum(TEMPLATE_IDS, { error: 'Choose an email template' }),
    data: z.record(z.string(), z.unknown(), { error: 'Give the email details' }),
    from: Mailbox,
    to: Recipients,
    cc: z.array(Mailbox).max(20, { error: 'Copy 20 recipients or fewer' }).default([]),
    format: EmailFormat,
    delivery: DeliveryMethod,
    operatorId: z.string().min(1, { error: 'Choose who you are first' }).max(100),
    relatedTo: z.string().max(200).nullable().default(null),
  })
  .strict()
  .superRefine((value, ctx) => {
    const checked = TEMPLATES[value.template].data.safeParse(value.data);
    if (checked.success) return;
    for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['data', ...issue.path] });
  });
export type QueueEmailArgs = z.input<typeof QueueEmailArgs>;

const isoTime = z
  .string()
  .max(40)
  .refine((v) => !Number.isNaN(Date.parse(v)), { error: 'Give a date and time' });
/** A message as a backup holds it, put back by a restore (never sent again by it). */
export const RestoredOutboxEntry = z
  .object({
    id: z.uuid(),
    messageId: z.string().max(300),
    template: z.string().max(100),
    from: Mailbox,
    to: Recipients,
    cc: z.array(Mailbox).max(20),
    subject: z.string().max(1000),
    text: z.string().max(500_000),
    html: z.string().max(500_000).nullable(),
    format: EmailFormat,
    delivery: DeliveryMethod,
    status: OutboxStatus,
    attempts: z.number().int().min(0).max(10_000),
    lastError: z.string().max(5000).nullable(),
    nextAttemptAt: isoTime.nullable(),
    createdAt: isoTime,
    updatedAt: isoTime,
    sentAt: isoTime.nullable(),
    emlPath: z.string().max(2000),
    operatorId: z.string().max(100),
    relatedTo: z.string().max(200).nullable(),
  })
  .strip();

export const channels = {
  'app:get-info': channel({ method: 'getAppInfo', action: 'reading its own details', args: NoArgs }).returns<AppInfo>(),
  'settings:get': channel({ method: 'getSettings', action: 'reading the settings', args: NoArgs }).returns<Settings>(),
  'settings:set': channel({ method: 'setSettings', action: 'saving the settings', args: SettingsPatch }).returns<Settings>(),
  /** Settings files main set aside as unreadable and the operator has not dismissed, newest first (issue 15 §3). */
  'settings:get-problems': channel({
    method: 'getSettingsProblems',
    action: 'reading the settings notices',
    args: NoArgs,
  }).returns<SettingsProblem[]>(),
  /** Stops showing the notice about one set-aside settings file (the file itself is kept); returns the notices still open. */
  'settings:dismiss-problem': channel({
    method: 'dismissSettingsProblem',
    action: 'dismissing the settings notice',
    args: z
      .object({
        setAsidePath: z
          .string({ error: 'Give the path of the set-aside settings file' })
          .min(1, { error: 'Give the path of the set-aside settings file' })
          .max(4096, { error: 'The path must be 4,096 characters or fewer' }),
      })
      .strict(),
    call: (setAsidePath: string) => ({ setAsidePath }),
  }).returns<SettingsProblem[]>(),
  'outbox:queue': channel({ method: 'queueEmail', action: 'queueing the email', args: QueueEmailArgs }).returns<OutboxSummary>(),
  'outbox:list': channel({
    method: 'listOutbox',
    action: 'listing the outbox',
    args: z.object({ status: OutboxStatus.optional() }).strict().optional(),
    call: (status?: OutboxStatus) => (status ? { status } : undefined),
  }).returns<OutboxSummary[]>(),
  'outbox:get': channel({ method: 'getOutboxEntry', action: 'opening the email', args: EntryId, call: byId }).returns<OutboxEntry>(),
  'outbox:counts': channel({
    method: 'getOutboxCounts',
    action: 'counting the emails in the outbox',
    args: NoArgs,
  }).returns<OutboxCounts>(),
  'outbox:retry': channel({ method: 'retryEmail', action: 'sending the email again', args: EntryId, call: byId }).returns<OutboxSummary>(),
  'outbox:cancel': channel({ method: 'cancelEmail', action: 'cancelling the email', args: EntryId, call: byId }).returns<OutboxSummary>(),
  'outbox:mark-copied': channel({
    method: 'markEmailCopied',
    action: 'marking the email as copied',
    args: EntryId,
    call: byId,
  }).returns<OutboxSummary>(),
  'outbox:export-eml': channel({ method: 'exportEml', action: 'saving the email as a file', args: EntryId, call: byId }).returns<{
    fileName: string;
    content: string;
    path: string;
  }>(),
  'outbox:connection-returned': channel({
    method: 'connectionReturned',
    action: 'sending the emails that were waiting',
    args: NoArgs,
  }).returns<{ sent: number }>(),
  /** A message that may have been sent did arrive (issue 15). */
  'outbox:mark-sent': channel({
    method: 'markEmailSent',
    action: 'marking the email as sent',
    args: EntryId,
    call: byId,
  }).returns<OutboxSummary>(),
  /** Send a message that may have been sent once more (issue 15). */
  'outbox:send-again': channel({
    method: 'queueEmailAgain',
    action: 'sending the email again',
    args: EntryId,
    call: byId,
  }).returns<OutboxSummary>(),
  'email:get-smtp-status': channel({
    method: 'getSmtpStatus',
    action: 'checking the email server settings',
    args: NoArgs,
  }).returns<SecretStatusResult>(),
  'email:set-smtp-password': channel({
    method: 'setSmtpPassword',
    action: 'saving the email server password',
    args: z
      .object({
        password: z
          .string({ error: 'Enter the SMTP password' })
          .min(1, { error: 'Enter the SMTP password' })
          .max(500, { error: 'The password must be 500 characters or fewer' })
          .refine((p) => !/[\r\n\u0000]/.test(p), { error: 'The password must not contain line breaks' }),
      })
      .strict(),
    call: (password: string) => ({ password }),
  }).returns<SecretStatusResult>(),
  'email:clear-smtp-password': channel({
    method: 'clearSmtpPassword',
    action: 'removing the email server password',
    args: NoArgs,
  }).returns<SecretStatusResult>(),
  'email:test-smtp': channel({
    method: 'testSmtp',
    action: 'testing the connection to the email server',
    args: NoArgs,
  }).returns<{ message: string }>(),
  'desktop:copy-text': channel({
    method: 'copyText',
    action: 'copying the text',
    args: z
      .object({
        text: z.string().max(COPY_TEXT_MAX_CHARS, {
          error: `The text is too long to copy (over ${COPY_TEXT_MAX_CHARS.toLocaleString('en-GB')} characters)`,
        }),
      })
      .strict(),
    call: (text: string) => ({ text }),
  }).returns<{ copied: boolean }>(),
  'calendar:get-bank-holidays': channel({
    method: 'getBankHolidays',
    action: 'reading the bank holidays',
    args: z
      .object({
        fromYear: z.number().int().min(2000, { error: 'Years from 2000' }).max(2100),
        toYear: z.number().int().min(2000).max(2100, { error: 'Years up to 2100' }),
      })
      .strict()
      .refine((r) => r.toYear >= r.fromYear && r.toYear - r.fromYear <= 10, { error: 'Ask for at most 10 years, in order' }),
    call: (fromYear: number, toYear: number) => ({ fromYear, toYear }),
  }).returns<string[]>(),
  'backup:begin': channel({
    method: 'beginBackup',
    action: 'starting the backup',
    args: z
      .object({
        reason: z.enum(['daily', 'quit', 'pre-migration', 'pre-restore', 'manual']),
        schemaVersion: z.number().int().min(1).max(1000),
        counts: z
          .record(z.string().max(60), z.number().int().min(0))
          .refine((r) => Object.keys(r).length <= 50, { error: 'Too many tables' }),
        expectedBytes: z
          .number()
          .int()
          .min(0)
          .max(20 * 1024 ** 3),
      })
      .strict(),
  }).returns<{ token: string }>(),
  'backup:write-chunk': channel({
    method: 'writeBackupChunk',
    action: 'making the backup',
    args: z
      .object({
        token: z.string().regex(/^[0-9a-f]{24}$/, { error: 'Not a backup in progress' }),
        index: z.number().int().min(0).max(1_000_000),
        base64: z
          .string()
          .max(BACKUP_CHUNK_BASE64, { error: 'A backup part must be 512 KB or less' })
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'A backup part must be base64' }),
      })
      .strict(),
    call: (token: string, index: number, base64: string) => ({ token, index, base64 }),
  }).returns<{ received: number }>(),
  'backup:commit': channel({
    method: 'commitBackup',
    action: 'finishing the backup',
    args: BackupToken,
    call: byToken,
  }).returns<BackupManifest>(),
  'backup:abort': channel({ method: 'abortBackup', action: 'stopping the backup', args: BackupToken, call: byToken }).returns<{
    aborted: true;
  }>(),
  'backup:list': channel({ method: 'listBackups', action: 'listing the backups', args: NoArgs }).returns<BackupManifest[]>(),
  'backup:read-chunk': channel({
    method: 'readBackupChunk',
    action: 'reading the backup',
    args: z
      .object({
        fileName: z.string().max(200),
        offset: z.number().int().min(0),
        length: z.number().int().min(1).max(BACKUP_CHUNK_BYTES),
      })
      .strict(),
    call: (fileName: string, offset: number, length: number) => ({ fileName, offset, length }),
  }).returns<{ base64: string; total: number }>(),
  'backup:verify': channel({
    method: 'verifyBackup',
    action: 'checking the backup',
    args: z.object({ fileName: z.string().max(200) }).strict(),
    call: (fileName: string) => ({ fileName }),
  }).returns<{ ok: true } | { ok: false; problem: string }>(),
  /** Desktop app only: tells main the renderer has finished its backup before quitting. */
  'app:quit-ready': channel({ method: 'quitReady', action: 'closing DoS Desk', args: NoArgs }).returns<{ quitting: boolean }>(),
  'outbox:restore-entries': channel({
    method: 'restoreOutbox',
    action: 'putting back the emails from the backup',
    args: z.object({ entries: z.array(RestoredOutboxEntry).max(500, { error: 'Put back 500 messages or fewer at a time' }) }).strict(),
    call: (entries: z.input<typeof RestoredOutboxEntry>[]) => ({ entries }),
  }).returns<{ added: number; kept: number }>(),
  /** Main's witness of the audit trail (shared/domain/audit-witness.ts). */
  'audit:anchor': channel({ method: 'anchorAudit', action: 'witnessing the audit trail', args: ChainHead }).returns<{
    witnessedUpTo: number;
  }>(),
  'audit:adopt': channel({ method: 'adoptAudit', action: 'witnessing the audit trail', args: ChainHead }).returns<{
    witnessedUpTo: number;
  }>(),
  'audit:get-anchors': channel({
    method: 'getAuditAnchors',
    action: 'reading the audit trail’s witness',
    args: NoArgs,
  }).returns<AnchorLog>(),
  'audit:record-restore': channel({
    method: 'recordAuditRestore',
    action: 'recording the restore in the audit trail’s witness',
    args: z
      .object({
        keptUpTo: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        head: ChainHead,
        backup: z.string().min(1).max(300, { error: 'Name the backup in 300 characters or fewer' }),
        by: z.string().min(1).max(200, { error: 'Name who restored it in 200 characters or fewer' }),
      })
      .strict(),
  }).returns<{ lost: { from: number; to: number } | null }>(),
  'desktop:notify': channel({
    method: 'notify',
    action: 'showing a notification',
    args: z
      .object({
        title: z
          .string()
          .min(1)
          .max(NOTIFY_TITLE_MAX_CHARS, { error: `The title must be ${NOTIFY_TITLE_MAX_CHARS} characters or fewer` }),
        body: z.string().max(NOTIFY_BODY_MAX_CHARS, { error: `The message must be ${NOTIFY_BODY_MAX_CHARS} characters or fewer` }),
      })
      .strict(),
    call: (title: string, body: string) => ({ title, body }),
  }).returns<{ shown: boolean }>(),
  /** Team sync (issue 17): the team folder is read and written by main only (shared/sync/team.ts). */
  'team:get-status': channel({ method: 'getTeamStatus', action: 'reading the team folder', args: NoArgs }).returns<TeamStatus>(),
  'team:create': channel({ method: 'createTeam', action: 'setting up the team folder', args: CreateTeamArgs }).returns<TeamStatus>(),
  'team:join': channel({ method: 'joinTeam', action: 'joining the team', args: JoinTeamArgs }).returns<TeamStatus>(),
  'team:unlock': channel({ method: 'unlockTeam', action: 'unlocking the team folder', args: UnlockTeamArgs }).returns<TeamStatus>(),
  'team:leave': channel({ method: 'leaveTeam', action: 'leaving the team', args: NoArgs }).returns<TeamStatus>(),
  'team:remove-desk': channel({
    method: 'removeTeamDesk',
    action: 'removing the desk from the team',
    args: RemoveDeskArgs,
    call: (deskId: string) => ({ deskId }),
  }).returns<TeamStatus>(),
  'team:change-passphrase': channel({
    method: 'changeTeamPassphrase',
    action: 'changing the team passphrase',
    args: ChangePassphraseArgs,
  }).returns<TeamStatus>(),
  /** Lists the folder now (the "Sync now" button and the renderer's own cycle); never reads a missing folder as empty. */
  'team:check': channel({ method: 'checkTeamFolder', action: 'reading the team folder', args: NoArgs }).returns<TeamStatus>(),
  'team:write-batch': channel({ method: 'writeTeamBatch', action: 'writing to the team folder', args: WriteBatchArgs }).returns<{
    seq: number;
  }>(),
  'team:read-batch': channel({
    method: 'readTeamBatch',
    action: 'reading a batch from the team folder',
    args: ReadBatchArgs,
    call: (deskId: string, seq: number) => ({ deskId, seq }),
  }).returns<ReadBatch>(),
  /** A batch to carry by hand (a desk that cannot reach the folder): the same format, signed and encrypted. */
  'team:seal-batch': channel({ method: 'sealTeamBatch', action: 'making a batch file', args: WriteBatchArgs }).returns<{
    fileName: string;
    content: string;
  }>(),
  'team:open-batch': channel({
    method: 'openTeamBatch',
    action: 'opening the batch file',
    args: OpenBatchFileArgs,
    call: (content: string) => ({ content }),
  }).returns<ReadBatch>(),
} as const satisfies Record<string, ChannelSpec<z.ZodType, never, string, unknown>>;

type Table = typeof channels;
export type Channel = keyof Table;

export type ChannelArgs<C extends Channel> = z.input<Table[C]['args']>;
export type ParsedArgs<C extends Channel> = z.output<Table[C]['args']>;
/** What channel `C` returns on success. */
export type ChannelResult<C extends Channel> = Table[C] extends ChannelSpec<z.ZodType, never, string, infer R> ? R : never;
/** What each channel returns on success. */
export type ChannelResults = { [C in Channel]: ChannelResult<C> };
/** The method on `window.dosDesk` that sends channel `C`, and its parameters. */
export type ChannelMethod<C extends Channel> = Table[C]['method'];
export type ChannelParams<C extends Channel> = Table[C] extends ChannelSpec<z.ZodType, infer P, string, unknown> ? P : never;

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(channels, value);
}
