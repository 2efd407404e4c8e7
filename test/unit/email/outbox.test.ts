import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutbox, type Outbox, type OutboxOptions, type QueueRequest } from '../../../electron/main/services/email/outbox';
import { createSmtpTransport, type SmtpTransport } from '../../../electron/main/services/email/smtp';
import type { OutboxChange } from '../../../shared/ipc/events';
import { TestSmtpServer } from '../../support/smtp-test-server';

let dir: string;
let server: TestSmtpServer;
let transport = null as SmtpTransport | null;
let outbox: Outbox;
let password: string | null;

function note(i: number, delivery: QueueRequest['delivery'] = 'smtp'): QueueRequest {
  return {
    template: 'dos-team-note',
    data: {
      subject: `Emergency change ${i}`,
      body: `Capacity at service ${i} set to red.`,
      senderName: 'Sam Okoro',
      senderRole: 'Director on Call',
    },
    from: { name: 'Sam Okoro', address: 'sam.okoro@nhs.net' },
    to: [{ name: 'London DoS Team', address: 'london.dos@nhs.net' }],
    cc: [],
    format: 'plain',
    delivery,
    operatorId: 'op-1',
    relatedTo: null,
  };
}

function makeOutbox(options: { openPath?: (f: string) => Promise<string>; onChange?: OutboxOptions['onChange'] } = {}): Outbox {
  return createOutbox({
    onChange: options.onChange,
    dir: join(dir, 'outbox'),
    transport: async () => {
      transport ??= createSmtpTransport(
        { host: '127.0.0.1', port: server.port, security: 'none', user: server.credentials?.user ?? '' },
        password,
      );
      return transport;
    },
    openPath: options.openPath ?? null,
    // A failed try waits a minute, so a message stays "retrying" until a test says the connection is
    // back (connectionReturned); a short wait let it run through every try before the test looked.
    backoff: () => 60_000,
    pollMs: 10,
    log: () => undefined,
  });
}

/** Drops the cached transport so the next send signs in again. */
function closeTransport(): void {
  transport?.close();
  transport = null;
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dosdesk-outbox-'));
  server = new TestSmtpServer();
  await server.start();
  transport = null;
  password = null;
  outbox = makeOutbox();
  await outbox.start();
});

afterEach(async () => {
  await outbox.stop();
  transport?.close();
  await server.stop();
});

describe('outbox over SMTP (real server on 127.0.0.1)', () => {
  it('server up: the message is delivered once and recorded as sent', async () => {
    const queued = await outbox.queue(note(1));
    expect(queued.status).toBe('queued');
    expect(queued.messageId).toMatch(/^<[0-9a-f-]{36}@dos-desk\.local>$/);
    await until(() => outbox.get(queued.id).status === 'sent');
    expect(server.received.map((m) => m.messageId)).toEqual([queued.messageId]);
    expect(server.received[0]!.envelopeTo).toEqual(['london.dos@nhs.net']);
    const parsed = await server.parse(0);
    expect(parsed.subject).toBe('Emergency change 1');
    expect(parsed.headers.get('x-unsent')).toBeUndefined();
    expect(outbox.get(queued.id).sentAt).not.toBeNull();
  });

  it('server down: queued and retried, then delivered when it comes back', async () => {
    await server.stop();
    const queued = await outbox.queue(note(2));
    await until(() => outbox.get(queued.id).status === 'retrying');
    expect(outbox.get(queued.id).lastError).toMatch(/could not reach the SMTP server/);
    await server.start();
    await outbox.connectionReturned();
    await until(() => outbox.get(queued.id).status === 'sent');
    expect(server.countsById().get(queued.messageId)).toBe(1);
  });

  it('server rejects with 5xx: needs attention with the server reason, and is not retried', async () => {
    server.rejectWith = { code: 550, message: 'Mailbox unavailable' };
    const queued = await outbox.queue(note(3));
    await until(() => outbox.get(queued.id).status === 'needs-attention');
    const entry = outbox.get(queued.id);
    expect(entry.lastError).toMatch(/refused this message \(550\).*Mailbox unavailable/);
    expect(entry.attempts).toBe(1);
    await new Promise((r) => setTimeout(r, 100));
    await outbox.processDue();
    expect(outbox.get(queued.id).attempts).toBe(1);
  });

  it('a failed login needs attention, and retrying with the right password delivers', async () => {
    await server.stop();
    server.credentials = { user: 'sam.okoro@nhs.net', pass: 'right' };
    await server.start();
    password = 'wrong';
    transport = null;
    const queued = await outbox.queue(note(4));
    await until(() => outbox.get(queued.id).status === 'needs-attention');
    expect(outbox.get(queued.id).lastError).toMatch(/did not accept the user name or password/);
    closeTransport();
    password = 'right';
    await outbox.retry(queued.id);
    await until(() => outbox.get(queued.id).status === 'sent');
    expect(server.countsById().get(queued.messageId)).toBe(1);
  });

  it('survives a restart: queued messages go out after it, once', async () => {
    await server.stop();
    const ids = [await outbox.queue(note(5)), await outbox.queue(note(6))].map((e) => e.messageId);
    await outbox.stop();
    await server.start();
    outbox = makeOutbox();
    await outbox.start();
    await outbox.connectionReturned();
    await until(() => outbox.list('sent').length === 2);
    expect(ids.map((id) => server.countsById().get(id))).toEqual([1, 1]);
  });

  it('a message cut off mid-send may have been sent: never sent again on its own, and can be marked as sent', async () => {
    const queued = await outbox.queue(note(7, 'copy'));
    await outbox.stop();
    // Simulate a crash after "sending" was recorded.
    const file = join(dir, 'outbox', 'entries', `${queued.id}.json`);
    const entry = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...entry, delivery: 'smtp', status: 'sending' }));
    outbox = makeOutbox();
    await outbox.start();
    const after = outbox.get(queued.id);
    expect(after.status).toBe('may-have-been-sent');
    expect(after.lastError).toContain(queued.messageId);
    await outbox.processDue();
    await outbox.connectionReturned();
    expect(server.received).toHaveLength(0);
    await expect(outbox.retry(queued.id)).rejects.toThrow(/may have been sent already/);
    const marked = await outbox.markSent(queued.id);
    expect(marked.status).toBe('sent');
    expect(marked.sentAt).not.toBeNull();
    expect(server.received).toHaveLength(0);
  });

  it('a message left "needs attention" by a crash in an earlier version can be marked as sent', async () => {
    const queued = await outbox.queue(note(16, 'copy'));
    await outbox.stop();
    const file = join(dir, 'outbox', 'entries', `${queued.id}.json`);
    const entry = JSON.parse(await readFile(file, 'utf8'));
    const lastError = `DoS Desk stopped while sending this message, so it may already have arrived. Check the recipient's mailbox or your Sent items for Message-ID ${entry.messageId} before you retry it.`;
    await writeFile(file, JSON.stringify({ ...entry, delivery: 'smtp', status: 'needs-attention', lastError }));
    outbox = makeOutbox();
    await outbox.start();
    expect(outbox.get(queued.id).status).toBe('may-have-been-sent');
    expect((await outbox.markSent(queued.id)).status).toBe('sent');
    // Still sent after a restart: the choice was written down.
    await outbox.stop();
    outbox = makeOutbox();
    await outbox.start();
    expect(outbox.get(queued.id).status).toBe('sent');
  });

  it('connection lost after the whole message went out: may have been sent, not retried until a person says so', async () => {
    server.onMessage = () => 'drop';
    const queued = await outbox.queue(note(17));
    await until(() => outbox.get(queued.id).status === 'may-have-been-sent');
    expect(outbox.get(queued.id).lastError).toMatch(/after the whole message had gone to it.*may have arrived/);
    expect(server.countsById().get(queued.messageId)).toBe(1);
    server.onMessage = null;
    await outbox.connectionReturned();
    await outbox.processDue();
    expect(server.countsById().get(queued.messageId)).toBe(1);
    // "Send it again": queued, then delivered a second time, on purpose.
    expect((await outbox.sendAgain(queued.id)).status).toBe('queued');
    await until(() => outbox.get(queued.id).status === 'sent');
    expect(server.countsById().get(queued.messageId)).toBe(2);
    await expect(outbox.sendAgain(queued.id)).rejects.toThrow(/nothing to send again/);
  });

  it('connection lost before the message went out (at the recipients): retried on its own, delivered once', async () => {
    let drops = 1;
    server.onRecipient = () => (drops-- > 0 ? 'drop' : 'accept');
    const queued = await outbox.queue(note(18));
    await until(() => outbox.get(queued.id).status === 'retrying');
    await outbox.connectionReturned();
    await until(() => outbox.get(queued.id).status === 'sent');
    expect(server.countsById().get(queued.messageId)).toBe(1);
    expect(outbox.get(queued.id).attempts).toBe(2);
  });

  it('a 4xx answer to the message itself is a clear "not taken": retried on its own, delivered once', async () => {
    let refusals = 1;
    server.onMessage = () => (refusals-- > 0 ? { code: 451, message: 'Try again later' } : 'accept');
    const queued = await outbox.queue(note(19));
    await until(() => outbox.get(queued.id).status === 'retrying');
    expect(outbox.get(queued.id).lastError).toMatch(/asked to try later \(451\)/);
    await outbox.connectionReturned();
    await until(() => outbox.get(queued.id).status === 'sent');
    expect(server.countsById().get(queued.messageId)).toBe(1);
  });

  it('cancel stops a waiting message; cancelled and sent messages cannot be cancelled again', async () => {
    await server.stop();
    const queued = await outbox.queue(note(8));
    await until(() => outbox.get(queued.id).status === 'retrying');
    expect((await outbox.cancel(queued.id)).status).toBe('cancelled');
    await server.start();
    await outbox.connectionReturned();
    expect(server.received).toHaveLength(0);
    await expect(outbox.cancel(queued.id)).rejects.toThrow(/cannot be cancelled/);
  });
});

describe('outbox: tells windows when it changes', () => {
  it('says when a message is added and each time its status changes, through to sent', async () => {
    await outbox.stop();
    const changes: OutboxChange[] = [];
    outbox = makeOutbox({ onChange: (c) => changes.push(c) });
    await outbox.start();
    const queued = await outbox.queue(note(1));
    // The entry shows 'sent' in memory a moment before it is written and the change is told.
    await until(() => changes.length === 3);
    expect(changes).toEqual([
      { change: 'added', id: queued.id, status: 'queued' },
      { change: 'updated', id: queued.id, status: 'sending' },
      { change: 'updated', id: queued.id, status: 'sent' },
    ]);
  });

  it('says when a person changes a message, and nothing when a change is refused', async () => {
    await outbox.stop();
    const changes: OutboxChange[] = [];
    outbox = makeOutbox({ onChange: (c) => changes.push(c) });
    await outbox.start();
    const copy = await outbox.queue(note(2, 'copy'));
    await outbox.markCopied(copy.id);
    await expect(outbox.cancel(copy.id)).rejects.toThrow(/cannot be cancelled/);
    expect(changes).toEqual([
      { change: 'added', id: copy.id, status: 'queued' },
      { change: 'updated', id: copy.id, status: 'copied' },
    ]);
  });
});

describe('outbox: mail client and copy', () => {
  it('writes an unsent .eml draft and opens it with the mail program', async () => {
    const opened: string[] = [];
    await outbox.stop();
    outbox = makeOutbox({ openPath: async (f) => (opened.push(f), '') });
    await outbox.start();
    const queued = await outbox.queue(note(9, 'mail-client'));
    expect(queued.status).toBe('handed-to-mail-client');
    expect(opened).toEqual([queued.emlPath]);
    expect(queued.emlPath).toBe(join(dir, 'outbox', `${queued.id}.eml`));
    expect(await readFile(queued.emlPath, 'utf8')).toMatch(/^X-Unsent: 1\r?$/m);
    expect(server.received).toHaveLength(0);
  });

  it('says what to do when the mail program cannot be opened', async () => {
    await outbox.stop();
    outbox = makeOutbox({ openPath: async () => 'No application is associated with .eml files' });
    await outbox.start();
    const queued = await outbox.queue(note(10, 'mail-client'));
    expect(queued.status).toBe('needs-attention');
    expect(queued.lastError).toMatch(/could not be opened \(No application.*Save the \.eml file/);
  });

  it('copy waits for the person to copy it, then records that', async () => {
    const queued = await outbox.queue(note(11, 'copy'));
    expect(queued.status).toBe('queued');
    await outbox.processDue();
    expect(server.received).toHaveLength(0);
    expect((await outbox.markCopied(queued.id)).status).toBe('copied');
  });

  it('exports the .eml as stored', async () => {
    const queued = await outbox.queue(note(12, 'copy'));
    const eml = await outbox.exportEml(queued.id);
    expect(eml.fileName).toBe('Emergency-change-12.eml');
    expect(eml.content).toContain(`Message-ID: ${queued.messageId}`);
  });

  it('refuses SMTP when no server is set up, queuing nothing', async () => {
    await outbox.stop();
    outbox = createOutbox({ dir: join(dir, 'outbox2'), transport: async () => null, openPath: null, log: () => undefined });
    await outbox.start();
    await expect(outbox.queue(note(13))).rejects.toThrow(/No SMTP server is set up/);
    expect(await readdir(join(dir, 'outbox2'))).toEqual(['entries']);
    expect(outbox.counts().total).toBe(0);
  });

  it('refuses template data that does not fit, queuing nothing half-made', async () => {
    const bad = { ...note(14, 'copy'), data: { subject: 'x', body: 'y'.repeat(1_000_000), senderName: 'P', senderRole: 'R' } };
    await expect(outbox.queue(bad)).rejects.toThrow(/could not be written.*50,000/);
    const headerInjection = { ...note(15, 'copy'), to: [{ address: 'a@nhs.net\r\nBcc: spy@evil.example' }] };
    await expect(outbox.queue(headerInjection)).rejects.toThrow(/line break/);
    expect(outbox.counts().total).toBe(0);
    expect((await readdir(join(dir, 'outbox'))).filter((f) => f.endsWith('.eml'))).toEqual([]);
  });
});

describe('outbox: damaged entries never lose an email', () => {
  async function damage(id: string, content = '{"id": "trunc'): Promise<string> {
    const file = join(dir, 'outbox', 'entries', `${id}.json`);
    await writeFile(file, content);
    return file;
  }

  async function restart(): Promise<void> {
    await outbox.stop();
    outbox = makeOutbox();
    await outbox.start();
  }

  it('an unreadable entry keeps its .eml and lists it as damaged, with subject and recipients from the .eml', async () => {
    const request = {
      ...note(20, 'copy'),
      data: { ...(note(20).data as object), subject: 'Café closure – ward 7 🚑' },
      to: [{ name: 'Zoë Ünal, DoS lead', address: 'zoe.unal@nhs.net' }, { address: 'london.dos@nhs.net' }],
      cc: [{ name: 'Sam Okoro', address: 'sam.okoro@nhs.net' }],
    } satisfies QueueRequest;
    const queued = await outbox.queue(request);
    await outbox.stop();
    const file = await damage(queued.id);
    outbox = makeOutbox();
    await outbox.start();
    const listed = outbox.list();
    expect(listed).toHaveLength(1);
    const damaged = listed[0]!;
    expect(damaged).toMatchObject({
      id: queued.id,
      status: 'damaged',
      subject: 'Café closure – ward 7 🚑',
      messageId: queued.messageId,
      to: [{ name: 'Zoë Ünal, DoS lead', address: 'zoe.unal@nhs.net' }, { address: 'london.dos@nhs.net' }],
      cc: [{ name: 'Sam Okoro', address: 'sam.okoro@nhs.net' }],
      from: { name: 'Sam Okoro', address: 'sam.okoro@nhs.net' },
    });
    expect(damaged.lastError).toMatch(/could not be read.*The email itself is kept/);
    expect(damaged.lastError).toContain(file);
    expect(outbox.get(queued.id).text).toContain('Capacity at service 20 set to red.');
    expect(outbox.counts().byStatus.damaged).toBe(1);
    expect(existsSync(queued.emlPath)).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('{"id": "trunc');
    // Nothing is sent on its own.
    await outbox.connectionReturned();
    expect(server.received).toHaveLength(0);
  });

  it('retry rebuilds the entry from the .eml and sends it once; the damaged record is set aside, not deleted', async () => {
    const queued = await outbox.queue(note(21, 'copy'));
    await outbox.stop();
    await damage(queued.id, '');
    outbox = makeOutbox();
    await outbox.start();
    expect((await outbox.retry(queued.id)).status).toBe('queued');
    await until(() => outbox.get(queued.id).status === 'sent');
    expect(server.countsById().get(queued.messageId)).toBe(1);
    const kept = (await readdir(join(dir, 'outbox', 'entries'))).filter((f) => f.startsWith(`${queued.id}.json.damaged-`));
    expect(kept).toHaveLength(1);
    await restart();
    expect(outbox.get(queued.id).status).toBe('sent');
    await outbox.connectionReturned();
    expect(server.countsById().get(queued.messageId)).toBe(1);
  });

  it('a damaged email can be saved as .eml or cancelled, and stays cancelled after a restart', async () => {
    const queued = await outbox.queue(note(22, 'copy'));
    await outbox.stop();
    await damage(queued.id, '{"id":"x","status":"sent"}');
    outbox = makeOutbox();
    await outbox.start();
    expect(outbox.get(queued.id).status).toBe('damaged');
    const eml = await outbox.exportEml(queued.id);
    expect(eml.fileName).toBe('Emergency-change-22.eml');
    expect(eml.content).toContain(`Message-ID: ${queued.messageId}`);
    expect((await outbox.cancel(queued.id)).status).toBe('cancelled');
    await restart();
    expect(outbox.get(queued.id).status).toBe('cancelled');
    expect(existsSync(queued.emlPath)).toBe(true);
    expect(server.received).toHaveLength(0);
  });

  it('keeps a .eml left without its entry by a stop between the two writes, and lists it for a person', async () => {
    const queued = await outbox.queue(note(23, 'copy'));
    await outbox.stop();
    await rm(join(dir, 'outbox', 'entries', `${queued.id}.json`));
    const stranger = join(dir, 'outbox', 'not-ours.eml');
    await writeFile(stranger, 'half');
    outbox = makeOutbox();
    await outbox.start();
    const entry = outbox.get(queued.id);
    expect(entry.status).toBe('damaged');
    expect(entry.subject).toBe('Emergency change 23');
    expect(entry.lastError).toMatch(/stopped while it was putting this email in the outbox/);
    expect(existsSync(queued.emlPath)).toBe(true);
    expect(existsSync(stranger)).toBe(true);
    expect(outbox.list()).toHaveLength(1);
    await outbox.connectionReturned();
    expect(server.received).toHaveLength(0);
  });
});
