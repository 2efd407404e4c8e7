import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewHost, type HostOptions, type PreviewHost } from '../../../electron/preview/host';
import { EVENTS_PATH, TOKEN_HEADER } from '../../../shared/ipc/transport';
import type { DeskEvents } from '../../../shared/ipc/events';
import { httpEvents } from '../../../shared/ipc/event-stream';

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

  it('lets a team batch over 1 MB through to the channel (batches may be several MB), and no other channel', async () => {
    const big = await send({
      headers: good(),
      body: JSON.stringify({ channel: 'team:open-batch', args: { content: 'x'.repeat(1_100_000) } }),
    });
    expect(big.status).toBe(200);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringMatching(/not in a team/) } });
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

const queueCopy = (subject: string) =>
  JSON.stringify({
    channel: 'outbox:queue',
    args: {
      template: 'dos-team-note',
      data: { subject, body: 'Set to red.', senderName: 'Priya Shah', senderRole: 'Local DoS Lead' },
      from: { name: 'Priya Shah', address: 'priya.shah@nhs.net' },
      to: [{ name: 'London DoS Team', address: 'london.dos@nhs.net' }],
      format: 'plain',
      delivery: 'copy',
      operatorId: 'op-1',
    },
  });

/** Opens the event stream over real HTTP; `text()` is everything received so far. */
function openStream(target: PreviewHost, headers: Record<string, string>, method = 'POST') {
  let received = '';
  let close = () => undefined as void;
  const opened = new Promise<{ status: number; type: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: target.port, method, path: EVENTS_PATH, headers: { Host: `127.0.0.1:${target.port}`, ...headers } },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', (c: string) => (received += c));
        res.on('error', () => undefined);
        resolve({ status: res.statusCode!, type: String(res.headers['content-type']) });
      },
    );
    close = () => void req.destroy();
    req.on('error', (e) => (received ? undefined : reject(e)));
    req.end();
  });
  return { opened, text: () => received, close: () => close() };
}

describe('browser-preview host: main’s events', () => {
  it('streams outbox changes to a page holding the token, as they happen', async () => {
    const stream = openStream(host, { Origin: host.origin, [TOKEN_HEADER]: 'test-token' });
    expect(await stream.opened).toEqual({ status: 200, type: 'text/event-stream; charset=utf-8' });
    const queued = JSON.parse((await send({ headers: good(), body: queueCopy('Streamed') })).body) as { data: { id: string } };
    await expect
      .poll(() => stream.text())
      .toContain(`event: outbox:changed\ndata: {"change":"added","id":"${queued.data.id}","status":"queued"}\n\n`);
    stream.close();
  });

  it('keeps a stream open past the stall limit (that limit is for requests still arriving)', async () => {
    const own = await startPreviewHost({
      port: 0,
      dataDir: await mkdtemp(join(tmpdir(), 'dosdesk-host-long-')),
      rendererRoot,
      version: '1',
      token: 'test-token',
      limits: { stallTimeoutMs: 300 },
    });
    try {
      const stream = openStream(own, { Origin: own.origin, [TOKEN_HEADER]: 'test-token' });
      expect((await stream.opened).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1_200));
      const res = await fetch(`${own.origin}/api/invoke`, {
        method: 'POST',
        headers: { Origin: own.origin, [TOKEN_HEADER]: 'test-token', 'Content-Type': 'application/json' },
        body: queueCopy('Later'),
      });
      expect(res.status).toBe(200);
      await expect.poll(() => stream.text()).toContain('event: outbox:changed');
      stream.close();
    } finally {
      await own.close();
    }
  });

  it.each([
    ['no token', { Origin: 'ORIGIN' }, 'POST', 403, 'no token'],
    ['a wrong token', { Origin: 'ORIGIN', [TOKEN_HEADER]: 'guess' }, 'POST', 403, 'wrong token'],
    ['another Origin', { Origin: 'https://evil.example', [TOKEN_HEADER]: 'test-token' }, 'POST', 403, 'another Origin'],
    ['no Origin', { [TOKEN_HEADER]: 'test-token' }, 'POST', 403, 'no Origin'],
    ['GET', { Origin: 'ORIGIN', [TOKEN_HEADER]: 'test-token' }, 'GET', 405, 'method GET'],
  ])('refuses a stream with %s, logs why, and sends it no event', async (_label, headers, method, status, why) => {
    const warned: string[] = [];
    const own = await startPreviewHost({
      port: 0,
      dataDir: await mkdtemp(join(tmpdir(), 'dosdesk-host-events-')),
      rendererRoot,
      version: '1',
      token: 'test-token',
      warn: (m) => warned.push(m),
    });
    try {
      const fixed = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v === 'ORIGIN' ? own.origin : v]));
      const stream = openStream(own, fixed, method);
      expect((await stream.opened).status).toBe(status);
      const goodHeaders = { Origin: own.origin, [TOKEN_HEADER]: 'test-token', 'Content-Type': 'application/json' };
      await new Promise<void>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: own.port,
            method: 'POST',
            path: '/api/invoke',
            headers: { Host: `127.0.0.1:${own.port}`, ...goodHeaders },
          },
          (res) => (res.resume(), res.on('end', resolve)),
        );
        req.on('error', reject);
        req.end(queueCopy('Not for strangers'));
      });
      expect(stream.text()).not.toContain('outbox:changed');
      expect(warned).toEqual([`[preview] refused ${EVENTS_PATH}: ${why}`]);
      stream.close();
    } finally {
      await own.close();
    }
  });

  it('the page’s event client gets each change over the real stream, and again after the host went away and came back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dosdesk-host-client-'));
    let current = await startPreviewHost({ port: 0, dataDir: dir, rendererRoot, version: '1', token: 'test-token' });
    const port = current.port;
    // What the browser adds itself: the page's address and its Origin.
    const pageFetch = ((path: string, init: RequestInit) =>
      fetch(`http://127.0.0.1:${port}${path}`, {
        ...init,
        headers: { ...(init.headers as object), Origin: `http://127.0.0.1:${port}` },
      })) as typeof fetch;
    const got: DeskEvents['outbox:changed'][] = [];
    const stop = httpEvents('test-token', pageFetch, () => 50)('outbox:changed', (p) => got.push(p));
    try {
      const queue = () =>
        pageFetch('/api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: 'test-token' },
          body: queueCopy('First'),
        }).then((r) => r.json() as Promise<{ ok: boolean }>);
      // The stream opens a moment after the first listener: queue until a change comes through it.
      await expect
        .poll(async () => {
          expect(await queue()).toMatchObject({ ok: true });
          return got.length;
        })
        .toBeGreaterThan(0);
      expect(got[0]).toMatchObject({ change: 'added', status: 'queued' });
      await current.close();
      current = await startPreviewHost({ port, dataDir: dir, rendererRoot, version: '1', token: 'test-token' });
      // Back: the client was told it may have missed changes.
      await expect.poll(() => got.some((p) => p.change === 'reloaded'), { timeout: 10_000 }).toBe(true);
    } finally {
      stop();
      await current.close();
    }
  });
});
