import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
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
import { writeFileAtomic } from '../atomic-file';
import { UserFacingError } from '../user-error';
import { composeMessage } from './compose';
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
 * last, so a message is either fully queued or not at all. `sending` is recorded before the SMTP
 * conversation and `sent` right after it; an entry found in `sending` at start was cut off mid-send
 * and is never sent again automatically (its Message-ID lets a person check the recipient's mailbox).
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const now = options.now ?? (() => new Date());
  const backoff = options.backoff ?? defaultBackoff;
  const maxAttempts = options.maxAttempts ?? 50;
  const log = options.log ?? ((m, e) => console.warn(`[outbox] ${m}`, e ?? ''));
  const entriesDir = join(options.dir, 'entries');
  const entries = new Map<string, OutboxEntry>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<number> | null = null;
  let stopped = false;

  const entryFile = (id: string) => join(entriesDir, `${id}.json`);
  const emlFile = (id: string) => join(options.dir, `${id}.eml`);

  async function save(entry: OutboxEntry): Promise<void> {
    entry.updatedAt = now().toISOString();
    await writeFileAtomic(entryFile(entry.id), JSON.stringify(entry));
    entries.set(entry.id, entry);
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
    const known = new Set<string>();
    for (const name of await readdir(entriesDir)) {
      if (!name.endsWith('.json')) continue;
      try {
        const entry = JSON.parse(await readFile(join(entriesDir, name), 'utf8')) as OutboxEntry;
        if (!OutboxStatusSchema.safeParse(entry.status).success) throw new Error(`unknown status ${String(entry.status)}`);
        entries.set(entry.id, entry);
        known.add(`${entry.id}.eml`);
      } catch (error) {
        log(`could not read ${name}; it is left in place`, error);
      }
    }
    // A .eml without an entry was never queued (the app stopped between the two writes).
    for (const name of await readdir(options.dir)) {
      if (name.endsWith('.eml') && !known.has(name)) await rm(join(options.dir, name), { force: true });
    }
  }

  async function reconcile(): Promise<void> {
    for (const entry of entries.values()) {
      if (entry.status !== 'sending') continue;
      entry.status = 'needs-attention';
      entry.lastError = `DoS Desk stopped while sending this message, so it may already have arrived. Check the recipient's mailbox or your Sent items for Message-ID ${entry.messageId} before you retry it.`;
      await save(entry);
    }
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
        if ((error as { kind?: string }).kind === 'retry') break;
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
      if (!['retrying', 'needs-attention', 'cancelled', 'queued'].includes(entry.status)) {
        throw new UserFacingError(`This message is ${entry.status.replace(/-/g, ' ')}, so there is nothing to retry.`);
      }
      if (entry.delivery === 'mail-client') {
        await handToMailClient(entry);
      } else {
        entry.status = 'queued';
        entry.nextAttemptAt = null;
        entry.lastError = null;
        if (entry.delivery === 'smtp') entry.attempts = 0;
      }
      await save(entry);
      if (entry.delivery === 'smtp') void processDue();
      return summary(entry);
    },
    async cancel(id) {
      const entry = find(id);
      if (!['queued', 'retrying', 'needs-attention'].includes(entry.status)) {
        throw new UserFacingError(`This message is ${entry.status.replace(/-/g, ' ')} and cannot be cancelled.`);
      }
      entry.status = 'cancelled';
      entry.nextAttemptAt = null;
      await save(entry);
      return summary(entry);
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
          // It was waiting when the backup was made: it may have gone out since. A person decides.
          entry.status = 'needs-attention';
          entry.lastError = `Put back from a backup: it had not been sent when the backup was made, and it may have been sent since. Check your Sent items for Message-ID ${entry.messageId}, then retry or cancel it.`;
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
