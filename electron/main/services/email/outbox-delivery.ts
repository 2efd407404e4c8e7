import { readFile } from 'node:fs/promises';
import type { OutboxEntry } from '../../../../shared/models/email';
import type { OutboxStore } from './outbox-store';
import { classifySmtpError, type SmtpTransport } from './smtp';

/** Sending the outbox's SMTP messages: passes over what is due, retries with backoff, probes when waiting. */
export interface Delivery {
  /** Sends what is due now; resolves when this pass is done (a pass already running is joined). */
  processDue(): Promise<number>;
  /** The connection is back: retry everything waiting now. */
  connectionReturned(): Promise<number>;
  /** Allows passes to send again (before the outbox loads). */
  resume(): void;
  /** Looks at queued and retrying messages every `pollMs`, and once now. */
  poll(pollMs: number): void;
  /** Stops polling; resolves when a running pass has finished. */
  stop(): Promise<void>;
}

export function createDelivery(options: {
  store: OutboxStore;
  /** The SMTP transport for the current settings, or null when none is set up. */
  transport: () => Promise<SmtpTransport | null>;
  now: () => Date;
  /** Milliseconds to wait before retry `attempt` (1-based). */
  backoff: (attempt: number) => number;
  /** After this many failed tries a message needs a person. */
  maxAttempts: number;
  log: (message: string, error?: unknown) => void;
}): Delivery {
  const { store, now, backoff, maxAttempts, log } = options;
  const { entries, save } = store;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<number> | null = null;
  let stopped = false;

  /**
   * `sending` is recorded before the SMTP conversation and `sent` right after it; a message whose
   * connection dropped after the whole message went out had no answer and is `may-have-been-sent`.
   */
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

  async function connectionReturned(): Promise<number> {
    for (const entry of entries.values()) {
      if (entry.delivery === 'smtp' && entry.status === 'retrying') entry.nextAttemptAt = null;
    }
    if (running) await running;
    return processDue();
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
    await connectionReturned();
  }

  return {
    processDue,
    connectionReturned,
    resume() {
      stopped = false;
    },
    poll(pollMs) {
      timer = setInterval(() => {
        void processDue().then(() => probeAndRetry());
      }, pollMs);
      timer.unref?.();
      void processDue();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      if (running) await running;
    },
  };
}
