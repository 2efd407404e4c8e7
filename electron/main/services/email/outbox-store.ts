import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutboxChange } from '../../../../shared/ipc/events';
import type { OutboxCounts, OutboxEntry, OutboxStatus, OutboxSummary } from '../../../../shared/models/email';
import { OutboxStatus as OutboxStatusSchema } from '../../../../shared/models/email';
import { renderTemplate } from '../../../../shared/email/templates';
import { writeFileAtomic } from '../atomic-file';
import { UserFacingError } from '../user-error';
import { composeMessage } from './compose';
import { damagedEntry, isOutboxId } from './damaged';
import type { QueueRequest } from './outbox';

const MESSAGE_ID_DOMAIN = 'dos-desk.local';

/**
 * The outbox's messages on disk and in memory. Each message is two files under `dir`: `<id>.eml`
 * (the message as composed) and `entries/<id>.json` (its status), both written atomically; the
 * entry is written last. A .eml whose entry cannot be read (or is missing) is never deleted: it is
 * listed as `damaged` from its own headers.
 */
export interface OutboxStore {
  /** Every message by id, as last written. */
  readonly entries: Map<string, OutboxEntry>;
  /** Reads every entry from disk, listing a .eml with no readable entry as damaged. */
  load(): Promise<void>;
  /** Writes the entry; resolves to it as written (a delivery pass may move it on meanwhile). */
  save(entry: OutboxEntry): Promise<OutboxSummary>;
  /** The entry, or a UserFacingError when it is no longer in the outbox. */
  find(id: string): OutboxEntry;
  /** Renders and writes a new message's .eml; its entry (status `queued`) is not written yet. */
  create(request: QueueRequest): Promise<OutboxEntry>;
  /** Moves an unreadable entry file aside (never deleted) before a fresh entry is written in its place. */
  setDamagedFileAside(id: string): Promise<void>;
  list(status?: OutboxStatus): OutboxSummary[];
  get(id: string): OutboxEntry;
  counts(): OutboxCounts;
  exportEml(id: string): Promise<{ fileName: string; content: string; path: string }>;
  snapshot(): OutboxEntry[];
  restoreEntries(restored: OutboxEntry[]): Promise<{ added: number; kept: number }>;
}

/** An entry without its bodies, as screens list it. */
export function summary(entry: OutboxEntry): OutboxSummary {
  const { text: _t, html: _h, ...rest } = entry;
  return structuredClone(rest);
}

export function createOutboxStore(options: {
  /** `<data folder>/outbox` */
  dir: string;
  now: () => Date;
  log: (message: string, error?: unknown) => void;
  /** Told after every entry is written. */
  onChange: (change: OutboxChange) => void;
}): OutboxStore {
  const { now, log } = options;
  const entriesDir = join(options.dir, 'entries');
  const entries = new Map<string, OutboxEntry>();
  /** Damaged entries: the unreadable entry file, if there is one, set aside when a person acts. */
  const damagedFiles = new Map<string, string | null>();

  const entryFile = (id: string) => join(entriesDir, `${id}.json`);
  const emlFile = (id: string) => join(options.dir, `${id}.eml`);

  async function save(entry: OutboxEntry): Promise<OutboxSummary> {
    entry.updatedAt = now().toISOString();
    const written = summary(entry);
    await writeFileAtomic(entryFile(entry.id), JSON.stringify(entry));
    const change = entries.has(entry.id) ? 'updated' : 'added';
    entries.set(entry.id, entry);
    options.onChange({ change, id: entry.id, status: written.status });
    return written;
  }

  function find(id: string): OutboxEntry {
    const entry = entries.get(id);
    if (!entry) throw new UserFacingError('This message is no longer in the outbox. Refresh the outbox and try again.');
    return entry;
  }

  return {
    entries,
    save,
    find,

    async load() {
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
    },

    async create(request) {
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
    },

    async setDamagedFileAside(id) {
      const file = damagedFiles.get(id);
      damagedFiles.delete(id);
      if (file) await rename(file, `${file}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`);
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
}
