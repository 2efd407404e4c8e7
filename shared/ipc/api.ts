import type { AppInfo } from '../models/app-info';
import type { OutboxCounts, OutboxEntry, OutboxStatus, OutboxSummary } from '../models/email';
import type { Settings, SettingsPatch, SettingsProblem } from '../models/settings';
import type { BackupManifest } from '../domain/backups';
import type { AnchorLog } from '../domain/audit-witness';
import type { ChannelArgs, ChannelResults, Channel, QueueEmailArgs } from './contract';
import type { IpcResult } from './result';

// Type-only imports above: the sandboxed preload bundles this file and must not pull in zod.

/** The single Electron IPC channel everything travels on; the logical channel is its first argument. */
export const INVOKE_CHANNEL = 'dos-desk:invoke';

/** Whether main holds an SMTP password, and whether it survives a restart (never the password). */
export interface SecretStatusResult {
  configured: boolean;
  passwordStored: boolean;
  passwordPersisted: boolean;
  secureStorage: boolean;
}

/** Sends one call; implemented by the preload (Electron IPC) and the browser bridge (HTTP). */
export type Invoke = <C extends Channel>(channel: C, args: ChannelArgs<C>) => Promise<IpcResult<ChannelResults[C]>>;

type R<T> = Promise<IpcResult<T>>;

/** The object exposed to the renderer as `window.dosDesk`: named methods only. */
export interface DosDeskApi {
  getAppInfo(): R<AppInfo>;
  getSettings(): R<Settings>;
  setSettings(patch: SettingsPatch): R<Settings>;
  /** Settings files main set aside as unreadable and the operator has not dismissed, newest first. */
  getSettingsProblems(): R<SettingsProblem[]>;
  /** Dismisses the notice about one set-aside file (kept on disk); returns the notices still open. */
  dismissSettingsProblem(setAsidePath: string): R<SettingsProblem[]>;
  queueEmail(args: QueueEmailArgs): R<OutboxSummary>;
  listOutbox(status?: OutboxStatus): R<OutboxSummary[]>;
  getOutboxEntry(id: string): R<OutboxEntry>;
  getOutboxCounts(): R<OutboxCounts>;
  retryEmail(id: string): R<OutboxSummary>;
  cancelEmail(id: string): R<OutboxSummary>;
  markEmailCopied(id: string): R<OutboxSummary>;
  exportEml(id: string): R<{ fileName: string; content: string; path: string }>;
  connectionReturned(): R<{ sent: number }>;
  /** A message that may have been sent did arrive (issue 15). */
  markEmailSent(id: string): R<OutboxSummary>;
  /** Send a message that may have been sent once more (issue 15). */
  queueEmailAgain(id: string): R<OutboxSummary>;
  getSmtpStatus(): R<SecretStatusResult>;
  setSmtpPassword(password: string): R<SecretStatusResult>;
  clearSmtpPassword(): R<SecretStatusResult>;
  testSmtp(): R<{ message: string }>;
  copyText(text: string): R<{ copied: boolean }>;
  notify(title: string, body: string): R<{ shown: boolean }>;
  getBankHolidays(fromYear: number, toYear: number): R<string[]>;
  beginBackup(args: ChannelArgs<'backup:begin'>): R<{ token: string }>;
  writeBackupChunk(token: string, index: number, base64: string): R<{ received: number }>;
  commitBackup(token: string): R<BackupManifest>;
  abortBackup(token: string): R<{ aborted: true }>;
  listBackups(): R<BackupManifest[]>;
  readBackupChunk(fileName: string, offset: number, length: number): R<{ base64: string; total: number }>;
  verifyBackup(fileName: string): R<{ ok: true } | { ok: false; problem: string }>;
  /** Desktop app only: tells main the renderer has finished its backup before quitting. */
  quitReady(): R<{ quitting: boolean }>;
  restoreOutbox(entries: ChannelArgs<'outbox:restore-entries'>['entries']): R<{ added: number; kept: number }>;
  /** Main's witness of the audit trail (shared/domain/audit-witness.ts). */
  anchorAudit(head: { id: number; hash: string }): R<{ witnessedUpTo: number }>;
  adoptAudit(head: { id: number; hash: string }): R<{ witnessedUpTo: number }>;
  getAuditAnchors(): R<AnchorLog>;
  recordAuditRestore(args: ChannelArgs<'audit:record-restore'>): R<{ lost: { from: number; to: number } | null }>;
  /** Desktop app only: main asks for a backup before it quits. Absent in the browser preview. */
  onQuitRequested?(callback: () => void): () => void;
}

/** Builds the named-method API over a transport. Used by the preload and by the browser bridge. */
export function createApi(invoke: Invoke): DosDeskApi {
  return {
    getAppInfo: () => invoke('app:get-info', undefined),
    getSettings: () => invoke('settings:get', undefined),
    setSettings: (patch) => invoke('settings:set', patch),
    getSettingsProblems: () => invoke('settings:get-problems', undefined),
    dismissSettingsProblem: (setAsidePath) => invoke('settings:dismiss-problem', { setAsidePath }),
    queueEmail: (args) => invoke('outbox:queue', args),
    listOutbox: (status) => invoke('outbox:list', status ? { status } : undefined),
    getOutboxEntry: (id) => invoke('outbox:get', { id }),
    getOutboxCounts: () => invoke('outbox:counts', undefined),
    retryEmail: (id) => invoke('outbox:retry', { id }),
    cancelEmail: (id) => invoke('outbox:cancel', { id }),
    markEmailCopied: (id) => invoke('outbox:mark-copied', { id }),
    exportEml: (id) => invoke('outbox:export-eml', { id }),
    connectionReturned: () => invoke('outbox:connection-returned', undefined),
    markEmailSent: (id) => invoke('outbox:mark-sent', { id }),
    queueEmailAgain: (id) => invoke('outbox:send-again', { id }),
    getSmtpStatus: () => invoke('email:get-smtp-status', undefined),
    setSmtpPassword: (password) => invoke('email:set-smtp-password', { password }),
    clearSmtpPassword: () => invoke('email:clear-smtp-password', undefined),
    testSmtp: () => invoke('email:test-smtp', undefined),
    copyText: (text) => invoke('desktop:copy-text', { text }),
    notify: (title, body) => invoke('desktop:notify', { title, body }),
    getBankHolidays: (fromYear, toYear) => invoke('calendar:get-bank-holidays', { fromYear, toYear }),
    beginBackup: (args) => invoke('backup:begin', args),
    writeBackupChunk: (token, index, base64) => invoke('backup:write-chunk', { token, index, base64 }),
    commitBackup: (token) => invoke('backup:commit', { token }),
    abortBackup: (token) => invoke('backup:abort', { token }),
    listBackups: () => invoke('backup:list', undefined),
    readBackupChunk: (fileName, offset, length) => invoke('backup:read-chunk', { fileName, offset, length }),
    verifyBackup: (fileName) => invoke('backup:verify', { fileName }),
    quitReady: () => invoke('app:quit-ready', undefined),
    restoreOutbox: (entries) => invoke('outbox:restore-entries', { entries }),
    anchorAudit: (head) => invoke('audit:anchor', head),
    adoptAudit: (head) => invoke('audit:adopt', head),
    getAuditAnchors: () => invoke('audit:get-anchors', undefined),
    recordAuditRestore: (args) => invoke('audit:record-restore', args),
  } satisfies DosDeskApi;
}
