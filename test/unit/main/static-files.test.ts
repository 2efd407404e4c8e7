import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, readStaticFile, resolveStaticPath } from '../../../electron/main/static-files';

let root: string;
let outside: string;
beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'dosdesk-static-'));
  root = join(base, 'renderer');
  outside = join(base, 'secret.txt');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>DoS Desk</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(outside, 'secret');
});

describe('static files and the app:// protocol', () => {
  it('serves index.html for / with the CSP and nosniff headers', async () => {
    const file = await readStaticFile(root, '/');
    expect(file.status).toBe(200);
    expect(file.headers['Content-Type']).toMatch(/text\/html/);
    expect(file.headers['Content-Security-Policy']).toContain("script-src 'self'");
    expect(file.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/assets/../../secret.txt',
    '/..\\secret.txt',
    '/%2e%2e%5csecret.txt',
    '/assets/%00app.js',
    '/%E0%A4%A',
  ])('refuses the path-traversal attempt %s', async (path) => {
    expect(resolveStaticPath(root, path)).toBeNull();
    const file = await readStaticFile(root, path);
    expect(file.status).toBe(403);
    expect(String(file.body)).not.toContain('secret');
  });

  it('answers 404 for a missing file and for a folder', async () => {
    expect((await readStaticFile(root, '/nope.js')).status).toBe(404);
    expect((await readStaticFile(root, '/assets')).status).toBe(404);
  });

  it('serves app://dos-desk/ files and refuses any other host', async () => {
    const handler = createAppProtocolHandler(root);
    const ok = await handler(new Request('app://dos-desk/assets/app.js'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/javascript/);
    expect(await ok.text()).toBe('console.log(1)');
    expect((await handler(new Request('app://elsewhere/assets/app.js'))).status).toBe(403);
    expect((await handler(new Request('app://dos-desk/..%2f..%2fsecret.txt'))).status).toBe(403);
  });
});
