import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../shared/ipc/api';
import { launchDesk, newPlaces, TARGET, type Desk } from './desk';

let desk: Desk;
beforeAll(async () => {
  desk = await launchDesk(newPlaces());
  await desk.page.waitForSelector('h1');
});
afterAll(async () => {
  await desk?.close();
});

describe(`security (${TARGET})`, () => {
  it('gives the page no Node: require, process and module are undefined', async () => {
    expect(
      await desk.page.evaluate(() => [
        typeof (window as never as { require: unknown }).require,
        typeof (window as never as { process: unknown }).process,
        typeof (window as never as { module: unknown }).module,
      ]),
    ).toEqual(['undefined', 'undefined', 'undefined']);
  });

  it("has a CSP with script-src 'self' that blocks inline scripts", async () => {
    const csp = await desk.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const ran = await desk.page.evaluate(async () => {
      (window as never as { injected: boolean }).injected = false;
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.body.appendChild(s);
      await new Promise((r) => setTimeout(r, 50));
      return (window as never as { injected: boolean }).injected;
    });
    expect(ran).toBe(false);
  });

  it.runIf(TARGET === 'browser')('the host refuses a request without the token, from the page itself', async () => {
    const result = await desk.page.evaluate(async () => {
      const res = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ channel: 'settings:set', args: { regions: ['Hacked'] } }),
      });
      return { status: res.status, body: (await res.json()) as { error: { message: string } } };
    });
    expect(result.status).toBe(403);
    expect(result.body.error.message).toMatch(/session token/);
  });

  it.runIf(TARGET === 'browser')('the host refuses a request from another Origin, even with the token', async () => {
    const host = desk.host!;
    const res = await fetch(`${host.origin}/api/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example', 'x-dos-desk-token': host.token },
      body: JSON.stringify({ channel: 'settings:set', args: { regions: ['Hacked'] } }),
    });
    expect(res.status).toBe(403);
    const check = await fetch(`${host.origin}/api/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: host.origin, 'x-dos-desk-token': host.token },
      body: JSON.stringify({ channel: 'settings:get' }),
    });
    expect(((await check.json()) as { data: { regions: string[] } }).data.regions).not.toContain('Hacked');
  });

  it.runIf(TARGET === 'browser')('serves every page with the CSP header too', async () => {
    const res = await fetch(`${desk.host!.origin}/`);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it.runIf(TARGET === 'electron')('exposes only the named API methods as window.dosDesk', async () => {
    const keys = await desk.page.evaluate(() => Object.keys((window as never as { dosDesk: object }).dosDesk).sort());
    expect(keys).toEqual([...Object.keys(createApi(async () => ({ ok: true, data: null }) as never)), 'onQuitRequested'].sort());
    expect(keys.join(' ')).not.toMatch(/ipcRenderer|send\b|invoke\b/);
  });
});
