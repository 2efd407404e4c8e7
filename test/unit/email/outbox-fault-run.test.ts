import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOutbox, type Outbox } from '../../../electron/main/services/email/outbox';
import { createSmtpTransport, type SmtpTransport } from '../../../electron/main/services/email/smtp';
import { faultRunNote, seededRandom } from '../../support/fault-run';
import { QUICK } from '../../support/quick';
import { TestSmtpServer } from '../../support/smtp-test-server';

const MESSAGES = 1000;
const SEED = Number(process.env.FAULT_SEED ?? 20261121);

// A soak test (minutes): `npm test` runs it, `npm run test:quick` does not.
describe.skipIf(QUICK)('outbox fault run', () => {
  it(`delivers ${MESSAGES} messages exactly once while the server stops and starts and the outbox restarts (seed ${SEED})`, async () => {
    const rand = seededRandom(SEED);
    const dir = join(await mkdtemp(join(tmpdir(), 'dosdesk-fault-')), 'outbox');
    const server = new TestSmtpServer();
    await server.start();
    let transport = null as SmtpTransport | null;
    const make = () =>
      createOutbox({
        dir,
        transport: async () =>
          (transport ??= createSmtpTransport({ host: '127.0.0.1', port: server.port, security: 'none', user: '' }, null)),
        openPath: null,
        backoff: () => 2,
        maxAttempts: 1_000_000,
        pollMs: 5,
        log: () => undefined,
      });
    let outbox: Outbox = make();
    await outbox.start();

    const messageIds: string[] = [];
    let restarts = 0;
    let serverStops = 0;
    for (let i = 0; i < MESSAGES; i++) {
      const entry = await outbox.queue(faultRunNote('Fault run', i));
      messageIds.push(entry.messageId);
      const roll = rand();
      if (roll < 0.02) {
        // Restart the outbox mid-way, as a quit and relaunch would.
        await outbox.stop();
        transport?.close();
        transport = null;
        outbox = make();
        await outbox.start();
        restarts++;
      } else if (roll < 0.05) {
        if (server.running) {
          await server.stop();
          serverStops++;
        } else await server.start();
      }
    }
    if (!server.running) await server.start();

    const deadline = Date.now() + 120_000;
    let askedAPerson = 0;
    while (outbox.list('sent').length < MESSAGES && Date.now() < deadline) {
      // A server stopped while a message's data was going out leaves it "may have been sent", which
      // is never retried on its own: the person checks the recipient's mailbox (here, what the
      // server stored) and chooses "It was sent" or "Send it again", as the outbox screen offers.
      for (const waiting of outbox.list('may-have-been-sent')) {
        askedAPerson++;
        if (server.countsById().has(waiting.messageId)) await outbox.markSent(waiting.id);
        else await outbox.sendAgain(waiting.id);
      }
      await outbox.connectionReturned();
      await new Promise((r) => setTimeout(r, 20));
    }
    console.log(
      `outbox fault run: ${MESSAGES} messages, ${restarts} restarts, ${serverStops} server stops, ${askedAPerson} left for a person`,
    );
    await outbox.stop();
    transport?.close();
    await server.stop();

    const counts = server.countsById();
    const duplicates = [...counts.entries()].filter(([, n]) => n > 1);
    const missing = messageIds.filter((id) => !counts.has(id));
    expect(restarts + serverStops, 'the run must actually inject faults').toBeGreaterThan(5);
    expect(duplicates, 'sent twice').toEqual([]);
    expect(missing, 'never delivered').toEqual([]);
    expect(counts.size).toBe(MESSAGES);
    expect(server.received).toHaveLength(MESSAGES);
  }, 180_000);
});
