import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  DeliveryMethod,
  EmailFormat,
  Mailbox,
  OutboxCounts,
  OutboxEntry,
  OutboxStatus,
  OutboxSummary,
} from '../../../../shared/models/email';
import { OutboxStatus as OutboxStatusSchema } from '../../../../shared/models/email';
import { renderTemplate, type TemplateId } from '../../../../shared/email/templates';
import type { OutboxChange } from '../../../../shared/ipc/events';
import { writeFileAtomic } from '../atomic-file';
import { UserFacingError } from '../user-error';
import { composeMessage } from './compose';
import { damagedEntry, isOutboxId } from './damaged';
import { classifySmtpError, type SmtpTransport } from './smtp';

export interface QueueRequest {
  template: TemplateId;
  data: unknown;
  from: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
  format: EmailFormat;
  delivery: DeliveryMethod;
  operatorId: string;
  relatedTo: string | null;
}

export interface OutboxOptions {
  /** `<data folder>/outbox` */
  dir: string;
  /** The SMTP transport for the current settings, or null when none is set up. */
  transport: () => Promise<SmtpTransport | null>;
  /** Opens a file with the desktop's default program; resolves '' on success or the reason it failed. Null where there is no desktop. */
  openPath: ((file: string) => Promise<string>) | null;
  now?: () => Date;
  /** Milliseconds to wait before retry `attempt` (1-based). */
  backoff?: (attempt: number) => number;
  /** After this many failed tries a message needs a person. */
  maxAttempts?: number;
  /** How often queued and retrying messages are looked at. */
  pollMs?: number;
  log?: (message: string, error?: unknown) => void;
  /** Told after every change is written (a message added, its status or details changed), so windows refresh. */
  onChange?: (change: OutboxChange) => void;
}

export interface Outbox {
  start(): Promise<void>;
  stop(): Promise<void>;
  queue(request: QueueRequest): Promise<OutboxSummary>;
  list(status?: OutboxStatus): OutboxSummary[];
  get(id: string): OutboxEntry;
  counts(): OutboxCounts;
  retry(id: string): Promise<OutboxSummary>;
  cancel(id: string): Promise<OutboxSummary>;
  /** A person found that a message that may have been sent did arrive. */
  markSent(id: string): Promise<OutboxSummary>;
  /** A person chose to send a message that may have been sent once more. */
  sendAgain(id: string): Promise<OutboxSummary>;
  markCopied(id: string): Promise<OutboxSummary>;
  exportEml(id: string): Promise<{ fileName: string; content: string; path: string }>;
  /** Sends what is due now; resolves when this pass is done. */
  processDue(): Promise<number>;
  /** The connection is back (online event or a successful probe): retry everything waiting now. */
  connectionReturned(): Promise<number>;
  /** Every message with its state, for backups. */
  snapshot(): OutboxEntry[];
  /**
   * Puts back messages from a backup that this outbox no longer has. Messages it has keep their
   * state (it is the truth about what was sent); none is ever sent again by this.
   */
  restoreEntries(entries: OutboxEntry[]): Promise<{ added: number; kept: number }>;
}

/** 30 s, 1 min, 2 min … capped at 30 min. */
export function defaultBackoff(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 30 * 60_000);
}

const MESSAGE_ID_DOMAIN = 'dos-desk.local';

/**
 * The outbox main delivers from. Each message is two files under `dir`: `<id>.eml` (the message as
 * composed) and `entries/<id>.json` (its status), both written atomically; the entry is written
 * last. `sending` is recorded before the SMTP conversation and `sent` right after it; an entry found
 * in `sending` at start was cut off mid-send, and one whose connection dropped after the whole
 * message went out had no answer: both are `may-have-been-sent`, never sent again automatically,
 * until a person says it was sent or sends it again. A .eml whose entry cannot be read (or is
 * missing) is never deleted: it is listed as `damaged` from its own headers.
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const now = options.now ?? (() => new Date());
  const backoff = options.backoff ?? defaultBackoff;
  const maxAttempts = options.maxAttempts ?? 50;
  const log = options.log ?? ((m, e) => console.warn(`[outbox] ${m}`, e ?? ''));
  const entriesDir = join(options.dir, 'entries');
  const entries = new Map<string, OutboxEntry>();
  /** Damaged entries: the unreadable entry file, if there is one, set aside when a person acts. */
  const damagedFiles = new Map<string, string | null>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<number> | null = null;
  let stopped = false;

  const entryFile = (id: string) => join(entriesDir, `${id}.json`);
  const emlFile = (id: string) => join(options.dir, `${id}.eml`);

  /** Writes the entry; resolves to it as written (a delivery pass may move it on meanwhile). */
  async function save(entry: OutboxEntry): Promise<OutboxSummary> {
    entry.updatedAt = now().toISOString();
    const written = summary(entry);
    await writeFileAtomic(entryFile(entry.id), JSON.stringify(entry));
    const change = entries.has(entry.id) ? 'updated' : 'added';
    entries.set(entry.id, entry);
    options.onChange?.({ change, id: entry.id, status: written.status });
    return written;
  }

  function summary(entry: OutboxEntry): OutboxSummary {
    const { text: _t, html: _h, ...rest } = entry;
    return structuredClone(rest);
  }

  function find(id: string): OutboxEntry {
    const entry = entries.get(id);
    if (!entry) throw new UserFacingError('This message is no longer in the outbox. Refresh the outbox and try again.');
    return entry;
  }

  async function load(): Promise<void> {
    await mkdir(entriesDir, { recursive: true });
    entries.clear();
    damagedFiles.clear();
    const unreadable = new Map<string, string>();
    for (const name of await readdir(entriesDir)) {
      if (!name.endsWith('.json')) continue;
      const id = name.slice(0, -'.json'.length);
      try {
        const entry = JSON.parse(await readFile(join(entriesDir, name), 'utf8')) as OutboxEntry;
        if (!OutboxStatusSchema.safeParse(entry.status).success) throw new Error(`unknown status ${String(entry.status)}`);
        if (entry.id !== id || typeof entry.subject !== 'string' || !Array.isArray(entry.to) || typeof entry.emlPath !== 'string') {
          throw new Error('not an outbox entry');
        }
        entries.set(entry.id, entry);
      } catch (error) {
        log(`could not read ${name}; it is left in place and its email is listed as damaged`, error);
        unreadable.set(id, join(entriesDir, name));
      }
    }
    // Never delete an email whose entry is unreadable or missing (a stop between the two writes):
    // list it from its own headers so a person can retry, save or cancel it.
    for (const name of await readdir(options.dir)) {
      const id = name.slice(0, -'.eml'.length);
      if (!name.endsWith('.eml') || entries.has(id) || !isOutboxId(id)) continue;
      try {
        const raw = await readFile(emlFile(id), 'utf8');
        entries.set(id, await damagedEntry({ id, emlPath: emlFile(id), raw, entryFile: unreadable.get(id) ?? null }));
        damagedFiles.set(id, unreadable.get(id) ?? null);
      } catch (error) {
        log(`could not read ${name}; it is left in place`, error);
      }
    }
  }

  async function reconcile(): Promise<void> {
    for (const entry of entries.values()) {
      const cutOff =
        entry.status === 'sending' ||
        // Written by earlier versions for a message cut off mid-send.
        (entry.status === 'needs-attention' && entry.lastError?.startsWith('DoS Desk stopped while sending this message'));
      if (!cutOff) continue;
      entry.status = 'may-have-been-sent';
      entry.nextAttemptAt = null;
      entry.lastError = `DoS Desk stopped while sending this message, so it may already have arrived. Check your Sent folder or ask the recipient (Message-ID ${entry.messageId}), then choose "It was sent" or "Send it again".`;
      await save(entry);
    }
  }

  /** Before a message already in the outbox goes by SMTP again: refuses when no server is set up. */
  async function requireTransportToSendAgain(): Promise<void> {
    if (await options.transport()) return;
    throw new UserFacingError(
      'No SMTP server is set up, so this email cannot be sent. Set one up in Settings, or save it as an .eml file.',
    );
  }

  /** Moves an unreadable entry file aside (never deleted) before a fresh entry is written in its place. */
  async function setDamagedFileAside(id: string): Promise<void> {
    const file = damagedFiles.get(id);
    damagedFiles.delete(id);
    if (file) await rename(file, `${file}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`);
  }

  async function sendOne(entry: OutboxEntry, transport: SmtpTransport): Promise<void> {
    entry.status = 'sending';
    entry.attempts += 1;
    await save(entry);
    try {
      const raw = await readFile(entry.emlPath);
      await transport.send(raw, { from: entry.from.address, to: [...entry.to, ...entry.cc].map((b) => b.address) });
    } catch (error) {
      const failure = classifySmtpError(error);
      if (failure.kind === 'retry' && entry.attempts < maxAttempts) {
        entry.status = 'retrying';
        entry.nextAttemptAt = new Date(now().getTime() + backoff(entry.attempts)).toISOString();
      } else if (failure.kind === 'unknown') {
        entry.status = 'may-have-been-sent';
        entry.nextAttemptAt = null;
      } else {
        entry.status = 'needs-attention';
        entry.nextAttemptAt = null;
      }
      entry.lastError =
        failure.kind === 'retry' && entry.attempts >= maxAttempts
          ? `${failure.reason} Gave up after ${entry.attempts} tries.`
          : failure.reason;
      await save(entry);
      throw Object.assign(new Error(failure.reason), { kind: failure.kind });
    }
    entry.status = 'sent';
    entry.sentAt = now().toISOString();
    entry.lastError = null;
    entry.nextAttemptAt = null;
    await save(entry);
  }

  function due(entry: OutboxEntry): boolean {
    if (entry.delivery !== 'smtp') return false;
    if (entry.status === 'queued') return true;
    return entry.status === 'retrying' && (!entry.nextAttemptAt || Date.parse(entry.nextAttemptAt) <= now().getTime());
  }

  async function runPass(): Promise<number> {
    const waiting = [...entries.values()].filter(due).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    if (!waiting.length) return 0;
    const transport = await options.transport();
    if (!transport) return 0;
    let sent = 0;
    for (const entry of waiting) {
      if (stopped) break;
      // Cancelled or changed while this pass ran.
      if (!due(entries.get(entry.id) ?? entry)) continue;
      try {
        await sendOne(entry, transport);
        sent++;
      } catch (error) {
        // The server is unreachable: leave the rest for the next pass instead of failing them all.
        const kind = (error as { kind?: string }).kind;
        if (kind === 'retry' || kind === 'unknown') break;
      }
    }
    return sent;
  }

  function processDue(): Promise<number> {
    if (running) return running;
    running = runPass()
      .catch((error: unknown) => {
        log('delivery pass failed', error);
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  async function probeAndRetry(): Promise<void> {
    const waiting = [...entries.values()].some((e) => e.delivery === 'smtp' && e.status === 'retrying');
    if (!waiting || running) return;
    const transport = await options.transport();
    if (!transport) return;
    try {
      await transport.verify();
    } catch {
      return;
    }
    await outbox.connectionReturned();
  }

  async function create(request: QueueRequest): Promise<OutboxEntry> {
    let rendered;
    try {
      rendered = renderTemplate(request.template, request.data, request.format);
    } catch (error) {
      const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
      const detail = issues
        ? issues.map((i) => `${i.path.map(String).join('.') || 'data'}: ${i.message}`).join('; ')
        : error instanceof Error
          ? error.message
          : String(error);
      throw new UserFacingError(`The email could not be written. ${detail}. Nothing was queued.`);
    }
    const id = randomUUID();
    const created = now();
    const entry: OutboxEntry = {
      id,
      messageId: `<${id}@${MESSAGE_ID_DOMAIN}>`,
      template: request.template,
      from: request.from,
      to: request.to,
      cc: request.cc,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      format: request.format,
      delivery: request.delivery,
      status: 'queued',
      attempts: 0,
      lastError: null,
      nextAttemptAt: null,
      createdAt: created.toISOString(),
      updatedAt: created.toISOString(),
      sentAt: null,
      emlPath: emlFile(id),
      operatorId: request.operatorId,
      relatedTo: request.relatedTo,
    };
    const raw = await composeMessage({ ...entry, date: created, draft: request.delivery === 'mail-client' });
    await mkdir(entriesDir, { recursive: true });
    await writeFileAtomic(entry.emlPath, raw);
    return entry;
  }

  async function handToMailClient(entry: OutboxEntry): Promise<void> {
    if (!options.openPath) {
      // Browser preview: the file is written; the page offers its path and a download.
      entry.status = 'handed-to-mail-client';
      entry.lastError = null;
      return;
    }
    const problem = await options.openPath(entry.emlPath);
    entry.status = problem ? 'needs-attention' : 'handed-to-mail-client';
    entry.lastError = problem
      ? `Your email program could not be opened (${problem}). Save the .eml file and open it yourself, or copy the email instead.`
      : null;
  }

  const outbox: Outbox = {
    async start() {
      stopped = false;
      await mkdir(entriesDir, { recursive: true });
      await load();
      await reconcile();
      const poll = options.pollMs ?? 15_000;
      timer = setInterval(() => {
        void processDue().then(() => probeAndRetry());
      }, poll);
      timer.unref?.();
      void processDue();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      if (running) await running;
    },
    async queue(request) {
      if (request.delivery === 'smtp' && !(await options.transport())) {
        throw new UserFacingError(
          'No SMTP server is set up, so this email cannot be sent directly. Set one up in Settings, or choose the email program or copy instead.',
        );
      }
      const entry = await create(request);
      if (request.delivery === 'mail-client') await handToMailClient(entry);
      await save(entry);
      if (request.delivery === 'smtp') void processDue();
      return summary(entry);
    },
    list(status) {
      return [...entries.values()]
        .filter((e) => !status || e.status === status)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map(summary);
    },
    get(id) {
      return structuredClone(find(id));
    },
    counts() {
      const byStatus = Object.fromEntries(OutboxStatusSchema.options.map((s) => [s, 0])) as Record<OutboxStatus, number>;
      for (const e of entries.values()) byStatus[e.status]++;
      return { total: entries.size, byStatus };
    },
    async retry(id) {
      const entry = find(id);
      if (entry.status === 'may-have-been-sent') {
        throw new UserFacingError(
          'This message may have been sent already. Check your Sent folder or ask the recipient, then choose "It was sent" or "Send it again".',
        );
      }
      if (!['retrying', 'needs-attention', 'cancelled', 'queued', 'damaged'].includes(entry.status)) {
        throw new UserFacingError(`This message is ${entry.status.replace(/-/g, ' ')}, so there is nothing to retry.`);
      }
      if (entry.status === 'damaged') {
        if (!entry.to.length || !entry.from.address) {
          throw new UserFacingError(
            'This email has no readable sender or recipients, so it cannot be sent again. Save it as an .eml file and open it in your email program instead.',
          );
        }
        if (entry.delivery === 'smtp') await requireTransportToSendAgain();
        await setDamagedFileAside(id);
      }
      if (entry.delivery === 'mail-client') {
        await handToMailClient(entry);
      } else {
        entry.status = 'queued';
        entry.nextAttemptAt = null;
        entry.lastError = null;
        if (entry.delivery === 'smtp') entry.attempts = 0;
      }
      const result = await save(entry);
      if (entry.delivery === 'smtp') void processDue();
      return result;
    },
    async cancel(id) {
      const entry = find(id);
      if (!['queued', 'retrying', 'needs-attention', 'damaged'].includes(entry.status)) {
        throw new UserFacingError(`This message is ${entry.status.replace(/-/g, ' ')} and cannot be cancelled.`);
      }
      if (entry.status === 'damaged') await setDamagedFileAside(id);
      entry.status = 'cancelled';
      entry.nextAttemptAt = null;
      await save(entry);
      return summary(entry);
    },
    async markSent(id) {
      const entry = find(id);
      if (entry.status !== 'may-have-been-sent') {
        throw new UserFacingError(`This message is ${entry.status.replace(/-/g, ' ')}, so it cannot be marked as sent.`);
      }
      entry.status = 'sent';
      entry.sentAt = now().toISOString();
      entry.lastError = null;
      entry.nextAttemptAt = null;
      await save(entry);
      return summary(entry);
    },
    async sendAgain(id) {
      const entry = find(id);
      if (entry.status !== 'may-have-been-sent') {
        throw new UserFacingError(`This message is ${entry.status.replace(/-/g, ' ')}, so there is nothing to send again.`);
      }
      await requireTransportToSendAgain();
      entry.status = 'queued';
      entry.attempts = 0;
      entry.lastError = null;
      entry.nextAttemptAt = null;
      const result = await save(entry);
      void processDue();
      return result;
    },
    async markCopied(id) {
      const entry = find(id);
      if (entry.delivery !== 'copy' || !['queued', 'needs-attention'].includes(entry.status)) {
        throw new UserFacingError('Only a message waiting to be copied can be marked as copied.');
      }
      entry.status = 'copied';
      entry.lastError = null;
      await save(entry);
      return summary(entry);
    },
    async exportEml(id) {
      const entry = find(id);
      const content = await readFile(entry.emlPath, 'utf8');
      const safeSubject =
        entry.subject
          .replace(/[^A-Za-z0-9 _-]+/g, '')
          .trim()
          .slice(0, 60)
          .replace(/\s+/g, '-') || 'email';
      return { fileName: `${safeSubject}.eml`, content, path: entry.emlPath };
    },
    processDue,
    async connectionReturned() {
      for (const entry of entries.values()) {
        if (entry.delivery === 'smtp' && entry.status === 'retrying') entry.nextAttemptAt = null;
      }
      if (running) await running;
      return processDue();
    },
    snapshot() {
      return [...entries.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((e) => structuredClone(e));
    },
    async restoreEntries(restored) {
      let added = 0;
      let kept = 0;
      for (const original of restored) {
        if (entries.has(original.id)) {
          kept++;
          continue;
        }
        const entry: OutboxEntry = { ...structuredClone(original), emlPath: emlFile(original.id), nextAttemptAt: null };
        if (['queued', 'sending', 'retrying'].includes(entry.status)) {
          // It was waiting when the backup was made: it may have gone out since. A person decides
          // ("It was sent" or "Send it again" for SMTP; retry or cancel otherwise).
          entry.status = entry.delivery === 'smtp' ? 'may-have-been-sent' : 'needs-attention';
          const choose = entry.delivery === 'smtp' ? 'choose "It was sent" or "Send it again"' : 'retry or cancel it';
          entry.lastError = `Put back from a backup: it had not been sent when the backup was made, and it may have been sent since. Check your Sent items for Message-ID ${entry.messageId}, then ${choose}.`;
        }
        const raw = await composeMessage({ ...entry, date: new Date(entry.createdAt), draft: entry.delivery === 'mail-client' });
        await writeFileAtomic(entry.emlPath, raw);
        await save(entry);
        added++;
      }
      return { added, kept };
    },
  };
  return outbox;
}
