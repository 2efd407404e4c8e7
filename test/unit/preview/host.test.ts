import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewHost, type HostOptions, type PreviewHost } from '../../../electron/preview/host';
import { TOKEN_HEADER } from '../../../shared/ipc/transport';

let host: PreviewHost;
let dataDir: string;
let rendererRoot: string;

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'dosdesk-host-'));
  dataDir = join(base, 'data');
  rendererRoot = join(base, 'renderer');
  await mkdir(rendererRoot, { recursive: true });
  await writeFile(join(rendererRoot, 'index.html'), '<!doctype html><title>DoS Desk</title>');
  host = await startPreviewHost({ port: 0, dataDir, rendererRoot, version: '9.9.9', token: 'test-token' });
});
afterAll(() => host.close());

function send(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string; hostHeader?: string }) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'POST',
        path: options.path ?? '/api/invoke',
        headers: { Host: options.hostHeader ?? `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const good = () => ({ Origin: host.origin, [TOKEN_HEADER]: 'test-token', 'Content-Type': 'application/json' });

describe('browser-preview host', () => {
  it('prints a 127.0.0.1 address carrying the token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=test-token`);
  });

  it('makes a fresh random token per run when none is given', async () => {
    // Each on its own data folder: one DoS Desk per folder.
    const a = await startPreviewHost({
      port: 0,
      dataDir: await mkdtemp(join(tmpdir(), 'dosdesk-host-a-')),
      rendererRoot: dataDir,
      version: '1',
    });
    const b = await startPreviewHost({
      port: 0,
      dataDir: await mkdtemp(join(tmpdir(), 'dosdesk-host-b-')),
      rendererRoot: dataDir,
      version: '1',
    });
    expect(a.token).not.toBe(b.token);
    expect(a.token.length).toBeGreaterThanOrEqual(32);
    await Promise.all([a.close(), b.close()]);
  });

  it('serves the page with its CSP without a token', async () => {
    const res = await send({ method: 'GET', path: '/' });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('runs the real handlers for the page', async () => {
    const res = await send({ headers: good(), body: JSON.stringify({ channel: 'app:get-info' }) });
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, data: { version: '9.9.9', shell: 'browser-preview', dataFolder: dataDir } });
    const set = await send({ headers: good(), body: JSON.stringify({ channel: 'settings:set', args: { regions: ['London'] } }) });
    expect(JSON.parse(set.body)).toMatchObject({ ok: true, data: { regions: ['London'] } });
  });

  it.each([
    ['no token', { Origin: 'x', 'Content-Type': 'application/json' }, 'origin'],
    ['no token from the right origin', { 'Content-Type': 'application/json' }, 'token'],
    ['a wrong token', { [TOKEN_HEADER]: 'guess' }, 'token'],
    ['another Origin', { Origin: 'https://evil.example' }, 'origin'],
    ['no Origin', { Origin: '' }, 'origin'],
  ])('refuses a request with %s and changes nothing', async (_label, override, _why) => {
    const headers: Record<string, string> = { ...good(), ...override };
    if (_label === 'no token from the right origin') delete headers[TOKEN_HEADER];
    for (const [k, v] of Object.entries(headers)) if (v === '') delete headers[k];
    const res = await send({ headers, body: JSON.stringify({ channel: 'settings:set', args: { regions: ['Hacked'] } }) });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const now = await send({ headers: good(), body: JSON.stringify({ channel: 'settings:get' }) });
    expect(JSON.parse(now.body).data.regions).not.toContain('Hacked');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await send({ headers: good(), hostHeader: 'evil.example', body: JSON.stringify({ channel: 'settings:get' }) });
    expect(res.status).toBe(421);
  });

  it.each([
    ['not JSON', '{oops', 400],
    ['an array', '[1,2]', 400],
    ['over 1 MB', JSON.stringify({ channel: 'settings:set', args: { regions: ['x'.repeat(1_100_000)] } }), 413],
  ])('refuses a body that is %s with a clear error', async (_label, body, status) => {
    const res = await send({ headers: good(), body });
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body).error.message).toMatch(/refused|JSON|object/);
  });

  it('applies the channel schema to hostile arguments', async () => {
    const res = await send({ headers: good(), body: JSON.stringify({ channel: 'settings:set', args: { regions: ['A\r\nB'] } }) });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-args', fields: [{ path: 'regions.0' }] } });
    const unknown = await send({ headers: good(), body: JSON.stringify({ channel: 'shell:run', args: 'rm -rf /' }) });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('listens on 127.0.0.1 only', async () => {
    const { networkInterfaces } = await import('node:os');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return; // no other interface to probe on this machine
    await expect(
      new Promise((resolve, reject) => {
        const req = request({ host: external.address, port: host.port, path: '/', timeout: 2000 }, resolve);
        req.on('error', reject);
        req.end();
      }),
    ).rejects.toThrow();
  });

  it('says clearly when the port is taken', async () => {
    const other = join(await mkdtemp(join(tmpdir(), 'dosdesk-host-port-')), 'data');
    await expect(startPreviewHost({ port: host.port, dataDir: other, rendererRoot: dataDir, version: '1' })).rejects.toThrow(
      /already in use.*--port N/,
    );
    expect(existsSync(other)).toBe(true);
    // The failed start let go of its data folder.
    await expect.poll(() => existsSync(join(other, 'dos-desk.lock'))).toBe(false);
  });
});

describe('browser-preview host: bounded resources', () => {
  const extra: PreviewHost[] = [];
  afterAll(() => Promise.all(extra.map((h) => h.close())));
  async function limitedHost(limits: HostOptions['limits']): Promise<PreviewHost> {
    // Each host its own data folder: one DoS Desk per folder.
    const own = await mkdtemp(join(tmpdir(), 'dosdesk-host-limits-'));
    const h = await startPreviewHost({ port: 0, dataDir: own, rendererRoot, version: '1', token: 'test-token', limits });
    extra.push(h);
    return h;
  }

  /** A raw TCP client that records what comes back and when the host closes it. */
  async function rawClient(port: number): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (c: Buffer) => (received += c.toString('latin1')));
    socket.on('error', () => undefined); // a reset is one way of being cut off
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return { socket, received: () => received, closed };
  }

  /** Resolves when `closed` settles, or fails after `ms` (a generous deadline, not a sleep). */
  function within(closed: Promise<void>, ms: number, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what} was still open after ${ms} ms`)), ms);
      void closed.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  it('by default cuts a stalled request within 15 s and caps open connections at 64', () => {
    expect(host.limits.stallTimeoutMs).toBeGreaterThan(0);
    expect(host.limits.stallTimeoutMs).toBeLessThanOrEqual(15_000);
    expect(host.limits.maxConnections).toBe(64);
  });

  it.each([
    ['half the request headers', (port: number) => `POST /api/invoke HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: app`],
    [
      'the headers and half the body',
      (port: number) =>
        `POST /api/invoke HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"chan`,
    ],
    ['nothing at all', () => ''],
  ])('cuts a client that sends %s and then stalls', async (_label, partial) => {
    const limited = await limitedHost({ stallTimeoutMs: 500 });
    const client = await rawClient(limited.port);
    client.socket.write(partial(limited.port));
    // 500 ms limit, checked every 125 ms: a loaded machine gets ten times that before this fails.
    await within(client.closed, 5_000, 'The stalled connection');
    expect(client.received()).not.toMatch(/HTTP\/1\.1 200/);
  });

  it('closes connection 5 at once while 4 idle ones are open, and accepts again when one goes', async () => {
    const limited = await limitedHost({ maxConnections: 4 });
    const idle = [];
    for (let i = 0; i < 4; i++) {
      const c = await rawClient(limited.port);
      c.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${limited.port}\r\n`);
      idle.push(c);
    }
    const fifth = await rawClient(limited.port);
    fifth.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${limited.port}\r\n\r\n`);
    await within(fifth.closed, 5_000, 'Connection 5');
    expect(fifth.received()).toBe('');
    for (const c of idle) expect(c.socket.destroyed).toBe(false);

    idle[0]!.socket.destroy();
    const deadline = Date.now() + 5_000;
    let answered = '';
    while (!answered.includes('HTTP/1.1 200') && Date.now() < deadline) {
      const again = await rawClient(limited.port);
      again.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${limited.port}\r\nConnection: close\r\n\r\n`);
      await within(again.closed, 5_000, 'The new connection');
      answered = again.received();
    }
    expect(answered).toMatch(/^HTTP\/1\.1 200/);
    for (const c of idle) c.socket.destroy();
  });
});

describe('browser-preview host: keys that reach a prototype', () => {
  it('refuses __proto__ sent over real HTTP with a clear error, and changes nothing', async () => {
    const body = '{"channel":"settings:set","args":{"regions":["Hacked"],"__proto__":{"regions":["Hacked"]}}}';
    const res = await send({ headers: good(), body });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-args',
        message:
          'Saving the settings was refused: it contains a field named "__proto__", which DoS Desk never accepts. Nothing was changed.',
      },
    });
    const now = await send({ headers: good(), body: JSON.stringify({ channel: 'settings:get' }) });
    expect(JSON.parse(now.body).data.regions).not.toContain('Hacked');
  });
});
