import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewHost, TOKEN_HEADER, type PreviewHost } from '../../../electron/preview/host';

let host: PreviewHost;
let dataDir: string;

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'dosdesk-host-'));
  dataDir = join(base, 'data');
  const rendererRoot = join(base, 'renderer');
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
