import { z } from 'zod';
import { TEMPLATE_IDS, TEMPLATES } from '../email/templates';
import type { AppInfo } from '../models/app-info';
import type { BackupManifest } from '../domain/backups';
import type { AnchorLog } from '../domain/audit-witness';
import { DeliveryMethod, EmailFormat, Mailbox, OutboxStatus, Recipients } from '../models/email';
import type { OutboxCounts, OutboxEntry, OutboxSummary } from '../models/email';
import { SettingsPatch, type Settings, type SettingsProblem } from '../models/settings';
import type { SecretStatusResult } from './api';

/**
 * The one IPC contract between the renderer and the main process (GUIDE §2).
 * Every channel is `domain:verb-noun`, has a zod schema for its single argument and a result type.
 * The same table is served over Electron IPC and, in the browser preview, over loopback HTTP.
 */

const NoArgs = z.undefined({ error: 'This call takes no argument' });

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
  'app:get-info': { args: NoArgs },
  'settings:get': { args: NoArgs },
  'settings:set': { args: SettingsPatch },
  /** Settings files set aside as unreadable, not yet dismissed (issue 15 §3). */
  'settings:get-problems': { args: NoArgs },
  /** Stops showing the notice about one set-aside settings file; the file itself is kept. */
  'settings:dismiss-problem': {
    args: z
      .object({
        setAsidePath: z
          .string({ error: 'Give the path of the set-aside settings file' })
          .min(1, { error: 'Give the path of the set-aside settings file' })
          .max(4096, { error: 'The path must be 4,096 characters or fewer' }),
      })
      .strict(),
  },
  'outbox:queue': { args: QueueEmailArgs },
  'outbox:list': { args: z.object({ status: OutboxStatus.optional() }).strict().optional() },
  'outbox:get': { args: EntryId },
  'outbox:counts': { args: NoArgs },
  'outbox:retry': { args: EntryId },
  'outbox:cancel': { args: EntryId },
  'outbox:mark-copied': { args: EntryId },
  'outbox:export-eml': { args: EntryId },
  'outbox:connection-returned': { args: NoArgs },
  // issue 15: a message that may have been sent: a person says it arrived, or sends it again.
  'outbox:mark-sent': { args: EntryId },
  'outbox:send-again': { args: EntryId },
  'email:get-smtp-status': { args: NoArgs },
  'email:set-smtp-password': {
    args: z
      .object({
        password: z
          .string({ error: 'Enter the SMTP password' })
          .min(1, { error: 'Enter the SMTP password' })
          .max(500, { error: 'The password must be 500 characters or fewer' })
          .refine((p) => !/[\r\n\u0000]/.test(p), { error: 'The password must not contain line breaks' }),
      })
      .strict(),
  },
  'email:clear-smtp-password': { args: NoArgs },
  'email:test-smtp': { args: NoArgs },
  'desktop:copy-text': {
    args: z
      .object({
        text: z.string().max(COPY_TEXT_MAX_CHARS, {
          error: `The text is too long to copy (over ${COPY_TEXT_MAX_CHARS.toLocaleString('en-GB')} characters)`,
        }),
      })
      .strict(),
  },
  'calendar:get-bank-holidays': {
    args: z
      .object({
        fromYear: z.number().int().min(2000, { error: 'Years from 2000' }).max(2100),
        toYear: z.number().int().min(2000).max(2100, { error: 'Years up to 2100' }),
      })
      .strict()
      .refine((r) => r.toYear >= r.fromYear && r.toYear - r.fromYear <= 10, { error: 'Ask for at most 10 years, in order' }),
  },
  'backup:begin': {
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
  },
  'backup:write-chunk': {
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
  },
  'backup:commit': { args: z.object({ token: z.string().regex(/^[0-9a-f]{24}$/, { error: 'Not a backup in progress' }) }).strict() },
  'backup:abort': { args: z.object({ token: z.string().regex(/^[0-9a-f]{24}$/, { error: 'Not a backup in progress' }) }).strict() },
  'backup:list': { args: NoArgs },
  'backup:read-chunk': {
    args: z
      .object({
        fileName: z.string().max(200),
        offset: z.number().int().min(0),
        length: z.number().int().min(1).max(BACKUP_CHUNK_BYTES),
      })
      .strict(),
  },
  'backup:verify': { args: z.object({ fileName: z.string().max(200) }).strict() },
  'app:quit-ready': { args: NoArgs },
  'outbox:restore-entries': {
    args: z.object({ entries: z.array(RestoredOutboxEntry).max(500, { error: 'Put back 500 messages or fewer at a time' }) }).strict(),
  },
  'audit:anchor': { args: ChainHead },
  'audit:adopt': { args: ChainHead },
  'audit:get-anchors': { args: NoArgs },
  'audit:record-restore': {
    args: z
      .object({
        keptUpTo: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        head: ChainHead,
        backup: z.string().min(1).max(300, { error: 'Name the backup in 300 characters or fewer' }),
        by: z.string().min(1).max(200, { error: 'Name who restored it in 200 characters or fewer' }),
      })
      .strict(),
  },
  'desktop:notify': {
    args: z
      .object({
        title: z
          .string()
          .min(1)
          .max(NOTIFY_TITLE_MAX_CHARS, { error: `The title must be ${NOTIFY_TITLE_MAX_CHARS} characters or fewer` }),
        body: z.string().max(NOTIFY_BODY_MAX_CHARS, { error: `The message must be ${NOTIFY_BODY_MAX_CHARS} characters or fewer` }),
      })
      .strict(),
  },
} as const satisfies Record<string, { args: z.ZodType }>;

export type Channel = keyof typeof channels;

/** What each channel returns on success. */
export interface ChannelResults {
  'app:get-info': AppInfo;
  'settings:get': Settings;
  'settings:set': Settings;
  'settings:get-problems': SettingsProblem[];
  'settings:dismiss-problem': SettingsProblem[];
  'outbox:queue': OutboxSummary;
  'outbox:list': OutboxSummary[];
  'outbox:get': OutboxEntry;
  'outbox:counts': OutboxCounts;
  'outbox:retry': OutboxSummary;
  'outbox:cancel': OutboxSummary;
  'outbox:mark-copied': OutboxSummary;
  'outbox:export-eml': { fileName: string; content: string; path: string };
  'outbox:connection-returned': { sent: number };
  'outbox:mark-sent': OutboxSummary;
  'outbox:send-again': OutboxSummary;
  'email:get-smtp-status': SecretStatusResult;
  'email:set-smtp-password': SecretStatusResult;
  'email:clear-smtp-password': SecretStatusResult;
  'email:test-smtp': { message: string };
  'desktop:copy-text': { copied: boolean };
  'desktop:notify': { shown: boolean };
  'calendar:get-bank-holidays': string[];
  'backup:begin': { token: string };
  'backup:write-chunk': { received: number };
  'backup:commit': BackupManifest;
  'backup:abort': { aborted: true };
  'backup:list': BackupManifest[];
  'backup:read-chunk': { base64: string; total: number };
  'backup:verify': { ok: true } | { ok: false; problem: string };
  'app:quit-ready': { quitting: boolean };
  'outbox:restore-entries': { added: number; kept: number };
  'audit:anchor': { witnessedUpTo: number };
  'audit:adopt': { witnessedUpTo: number };
  'audit:get-anchors': AnchorLog;
  'audit:record-restore': { lost: { from: number; to: number } | null };
}

export type ChannelArgs<C extends Channel> = z.input<(typeof channels)[C]['args']>;
export type ParsedArgs<C extends Channel> = z.output<(typeof channels)[C]['args']>;

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(channels, value);
}

export { INVOKE_CHANNEL } from './api';
export type { DosDeskApi, Invoke } from './api';
