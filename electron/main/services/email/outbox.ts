import type {
  DeliveryMethod,
  EmailFormat,
  Mailbox,
  OutboxCounts,
  OutboxEntry,
  OutboxStatus,
  OutboxSummary,
} from '../../../../shared/models/email';
import type { TemplateId } from '../../../../shared/email/templates';
import type { OutboxChange } from '../../../../shared/ipc/events';
import { UserFacingError } from '../user-error';
import { createDelivery } from './outbox-delivery';
import { createOutboxStore, summary } from './outbox-store';
import type { SmtpTransport } from './smtp';

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

/**
 * The outbox main delivers from, and what a person can do with its messages. Each message is two
 * files under `dir` (outbox-store.ts); delivery by SMTP, with retries, is in outbox-delivery.ts.
 * `sending` is recorded before the SMTP conversation and `sent` right after it; an entry found
 * in `sending` at start was cut off mid-send, and one whose connection dropped after the whole
 * message went out had no answer: both are `may-have-been-sent`, never sent again automatically,
 * until a person says it was sent or sends it again. A .eml whose entry cannot be read (or is
 * missing) is never deleted: it is listed as `damaged` from its own headers.
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((m, e) => console.warn(`[outbox] ${m}`, e ?? ''));
  const store = createOutboxStore({ dir: options.dir, now, log, onChange: (change) => options.onChange?.(change) });
  const { entries, save, find } = store;
  const delivery = createDelivery({
    store,
    transport: () => options.transport(),
    now,
    backoff: options.backoff ?? defaultBackoff,
    maxAttempts: options.maxAttempts ?? 50,
    log,
  });
  const { processDue } = delivery;

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

  return {
    async start() {
      delivery.resume();
      await store.load();
      await reconcile();
      delivery.poll(options.pollMs ?? 15_000);
    },
    stop: () => delivery.stop(),
    async queue(request) {
      if (request.delivery === 'smtp' && !(await options.transport())) {
        throw new UserFacingError(
          'No SMTP server is set up, so this email cannot be sent directly. Set one up in Settings, or choose the email program or copy instead.',
        );
      }
      const entry = await store.create(request);
      if (request.delivery === 'mail-client') await handToMailClient(entry);
      await save(entry);
      if (request.delivery === 'smtp') void processDue();
      return summary(entry);
    },
    list: store.list,
    get: store.get,
    counts: store.counts,
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
        await store.setDamagedFileAside(id);
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
      if (entry.status === 'damaged') await store.setDamagedFileAside(id);
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
    exportEml: store.exportEml,
    processDue,
    connectionReturned: delivery.connectionReturned,
    snapshot: store.snapshot,
    restoreEntries: store.restoreEntries,
  };
}
