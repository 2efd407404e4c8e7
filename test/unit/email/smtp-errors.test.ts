import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/main/ipc/dispatch';
import { createHandlers } from '../../../electron/main/ipc/handlers';
import { createServices } from '../../../electron/main/services';
import { NO_DESKTOP } from '../../../electron/main/services/desktop';
import { classifySmtpError, createSmtpTransport } from '../../../electron/main/services/email/smtp';
import { TestSmtpServer } from '../../support/smtp-test-server';

/** Real failures from nodemailer against 127.0.0.1, and what a person is told. */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A port nothing listens on: a real SMTP server started, then stopped. */
async function closedPort(): Promise<number> {
  const server = new TestSmtpServer();
  await server.start();
  const port = server.port;
  await server.stop();
  return port;
}

/** A server that accepts a connection and drops it at once, before any greeting. */
async function droppingPort(): Promise<number> {
  const server: Server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return (server.address() as { port: number }).port;
}

const smtp = (port: number) => ({ host: '127.0.0.1', port, security: 'none' as const, user: '' });

function expectNoCodes(message: string) {
  expect(message).not.toMatch(/\bE[A-Z]{3,}\b|127\.0\.0\.1:\d+|errno|syscall/);
}

describe('SMTP failures in plain words', () => {
  it('a refused connection, through "Test the connection": says the server refused it and what to check', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dosdesk-smtp-words-'));
    const services = createServices({
      dataDir: dir,
      desktop: NO_DESKTOP,
      appInfo: () => ({ name: 'DoS Desk', version: '1', dataFolder: dir, platform: 'linux', shell: 'electron' }),
    });
    const dispatch = createDispatcher(createHandlers(services), () => undefined);
    cleanups.push(() => services.stop());
    const set = await dispatch('settings:set', { email: { defaultDelivery: 'smtp', smtp: smtp(await closedPort()) } });
    expect(set).toMatchObject({ ok: true });
    const result = await dispatch('email:test-smtp', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'failed' } });
    if (result.ok) return;
    expect(result.error.message).toMatch(
      /^DoS Desk could not reach the SMTP server: it refused the connection\. .*server name or port in Settings/,
    );
    expectNoCodes(result.error.message);
  });

  it.each([
    ['refused', closedPort, /could not reach the SMTP server: it refused the connection\..* DoS Desk will try again\.$/],
    ['dropped before the greeting', droppingPort, /lost its connection to the SMTP server part-way\..* DoS Desk will try again\.$/],
  ])('a connection %s while sending: retried, and the reason has no error codes', async (_label, port, words) => {
    const transport = createSmtpTransport(smtp(await port()), null);
    cleanups.push(async () => transport.close());
    const error = await transport.send(Buffer.from('Subject: x\r\n\r\nx\r\n'), { from: 'a@nhs.net', to: ['b@nhs.net'] }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    const failure = classifySmtpError(error);
    expect(failure.kind).toBe('retry');
    expect(failure.reason).toMatch(words);
    expectNoCodes(failure.reason);
  });
});
