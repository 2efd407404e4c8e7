import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../electron/main/services';
import { NO_DESKTOP } from '../../../electron/main/services/desktop';
import type { OutboxStatus } from '../../../shared/models/email';
import { faultRunNote, seededRandom } from '../../support/fault-run';
import { QUICK } from '../../support/quick';
import { TestSmtpServer } from '../../support/smtp-test-server';

const ROOT = resolve(import.meta.dirname, '../../..');
const MESSAGES = 200;
const HOLD_AT = 100;
const SEED = Number(process.env.FAULT_SEED ?? 20261215);

function desk(dataDir: string): Services {
  return createServices({
    dataDir,
    desktop: NO_DESKTOP,
    appInfo: () => ({ name: 'DoS Desk', version: '0.0.0-test', dataFolder: dataDir, platform: process.platform, shell: 'electron' }),
    outbox: { backoff: () => 5, pollMs: 10, maxAttempts: 1_000_000, log: () => undefined },
  });
}

async function until(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// A soak test (minutes): `npm test` runs it, `npm run test:quick` does not.
describe.skipIf(QUICK)('outbox fault run with a killed sender', () => {
  it(`${MESSAGES} messages, drops after DATA, 4xx, 5xx and a SIGKILL mid-send: none delivered twice, none lost (seed ${SEED})`, async () => {
    const rand = seededRandom(SEED);
    const dataDir = join(await mkdtemp(join(tmpdir(), 'dosdesk-crash-run-')), 'data');
    const server = new TestSmtpServer();
    await server.start();
    await server.stop(); // offline while the operator queues

    // 1. Queue every message from one desk, then close it.
    let services = desk(dataDir);
    await services.start();
    await services.settings.set({
      email: { defaultDelivery: 'smtp', smtp: { host: '127.0.0.1', port: server.port, security: 'none', user: '' } },
    });
    const queued: string[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const entry = await services.outbox.queue(faultRunNote('Crash run', i));
      queued.push(entry.messageId);
    }
    await services.stop();

    // 2. The server misbehaves: each message's first try may be dropped after its DATA, refused
    //    with 451 or 550; recipients are sometimes refused with 451 or the connection dropped
    //    before DATA; the HOLD_AT-th message is held in DATA until its sender is killed.
    const faults = { dropAfterData: 0, temporaryAfterData: 0, permanent: 0, temporaryBeforeData: 0, dropBeforeData: 0, killed: 0 };
    const firstSeen = new Set<string>();
    const refused = new Set<string>();
    let held: string | null = null;
    server.onRecipient = () => {
      const roll = rand();
      if (roll < 0.03) return (faults.dropBeforeData++, 'drop');
      if (roll < 0.07) return (faults.temporaryBeforeData++, { code: 451, message: 'Greylisted, try again later' });
      return 'accept';
    };
    server.onMessage = (messageId) => {
      if (refused.has(messageId)) return { code: 550, message: 'Mailbox unavailable' };
      if (firstSeen.has(messageId)) return 'accept';
      firstSeen.add(messageId);
      if (firstSeen.size === HOLD_AT) return (faults.killed++, (held = messageId), 'hold');
      const roll = rand();
      if (roll < 0.06) return (faults.dropAfterData++, 'drop');
      if (roll < 0.12) return (faults.temporaryAfterData++, { code: 451, message: 'Try again later' });
      if (roll < 0.16) return (faults.permanent++, refused.add(messageId), { code: 550, message: 'Mailbox unavailable' });
      return 'accept';
    };
    await server.start();

    // 3. A real DoS Desk process delivers, and is killed while the server holds a message in DATA.
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'test/support/outbox-child.ts', dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let childOutput = '';
    child.stdout!.on('data', (c: Buffer) => (childOutput += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (childOutput += c.toString()));
    const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
    try {
      await until(() => held !== null || child.exitCode !== null, 90_000, `the child to reach message ${HOLD_AT}\n${childOutput}`);
    } finally {
      child.kill('SIGKILL');
    }
    expect(await exited, `the child ended before it was killed:\n${childOutput}`).toBe('SIGKILL');

    // 4. DoS Desk starts again on the same folder (taking over the dead process's lock) and finishes.
    server.onRecipient = null;
    services = desk(dataDir);
    await services.start();
    const open: OutboxStatus[] = ['queued', 'sending', 'retrying'];
    await until(
      async () => {
        await services.outbox.connectionReturned();
        return services.outbox.list().every((e) => !open.includes(e.status));
      },
      120_000,
      'every message to settle',
    );
    const entries = services.outbox.list();
    await services.stop();
    await server.stop();

    const delivered = server.countsById();
    const byStatus = (status: OutboxStatus) => entries.filter((e) => e.status === status);
    const duplicates = [...delivered.entries()].filter(([, n]) => n > 1);
    const unknown = [...delivered.keys()].filter((id) => !queued.includes(id));
    const lost = queued.filter((id) => !entries.some((e) => e.messageId === id));
    const summary = {
      seed: SEED,
      messages: MESSAGES,
      faults,
      outcome: {
        sent: byStatus('sent').length,
        mayHaveBeenSent: byStatus('may-have-been-sent').length,
        needsAttention: byStatus('needs-attention').length,
      },
      deliveries: {
        distinctMessageIds: delivered.size,
        total: server.received.length,
        maxPerMessageId: Math.max(...delivered.values()),
        duplicates: duplicates.length,
        lost: lost.length,
      },
    };
    console.log(`outbox crash run: ${JSON.stringify(summary)}`);

    expect(faults.dropAfterData, 'the run must drop connections after DATA').toBeGreaterThan(0);
    expect(faults.permanent + faults.temporaryAfterData + faults.temporaryBeforeData + faults.dropBeforeData).toBeGreaterThan(0);
    expect(faults.killed).toBe(1);
    expect(duplicates, 'delivered more than once').toEqual([]);
    expect(unknown).toEqual([]);
    expect(lost, 'no longer in the outbox').toEqual([]);
    expect(entries).toHaveLength(MESSAGES);
    expect(summary.outcome.sent + summary.outcome.mayHaveBeenSent + summary.outcome.needsAttention).toBe(MESSAGES);
    // Every sent message arrived exactly once; every refused one never arrived; the dropped and the
    // held (killed) ones are the only "may have been sent", and each did reach the server once.
    for (const e of byStatus('sent')) expect(delivered.get(e.messageId), e.subject).toBe(1);
    for (const e of byStatus('needs-attention')) expect(delivered.has(e.messageId), e.subject).toBe(false);
    expect(byStatus('needs-attention')).toHaveLength(faults.permanent);
    expect(byStatus('may-have-been-sent')).toHaveLength(faults.dropAfterData + faults.killed);
    expect(byStatus('may-have-been-sent').map((e) => e.messageId)).toContain(held);
    for (const e of byStatus('may-have-been-sent')) expect(delivered.get(e.messageId), e.subject).toBe(1);
  }, 300_000);
});
