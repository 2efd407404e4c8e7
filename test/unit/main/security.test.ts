import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, guardWebContents, isAllowedExternalUrl, openExternalSafely } from '../../../electron/main/security';
import { mainWindowOptions } from '../../../electron/main/windows/main-window';

const APP = 'app://dos-desk';

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
  const contents = {
    setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
    on: (event: string, listener: (...args: any[]) => void) => emitter.on(event, listener), // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const navigate = (event: string, url?: string) => {
    const e = { preventDefault: vi.fn() };
    emitter.emit(event, e, url);
    return e.preventDefault.mock.calls.length > 0;
  };
  return { contents, open: (url: string) => openHandler!({ url }), navigate };
}

describe('Electron security checklist', () => {
  it('creates windows isolated, sandboxed, without Node and with web security on', () => {
    const prefs = mainWindowOptions('/app/preload/index.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      preload: '/app/preload/index.cjs',
    });
  });

  it('denies window.open and sends only https: and mailto: links to the system', () => {
    const opened: string[] = [];
    const fake = fakeContents();
    guardWebContents(fake.contents, [APP], (url) => opened.push(url));
    expect(fake.open('https://www.nhs.uk/')).toEqual({ action: 'deny' });
    expect(fake.open('mailto:england.dos@nhs.net')).toEqual({ action: 'deny' });
    expect(fake.open('http://example.com/')).toEqual({ action: 'deny' });
    expect(fake.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(fake.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.nhs.uk/', 'mailto:england.dos@nhs.net']);
  });

  it('blocks navigation and redirects away from the app, and never attaches a webview', () => {
    const fake = fakeContents();
    guardWebContents(fake.contents, [APP], () => undefined);
    expect(fake.navigate('will-navigate', `${APP}/index.html#/settings`)).toBe(false);
    expect(fake.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fake.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fake.navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fake.navigate('will-navigate', undefined)).toBe(true);
    expect(fake.navigate('will-attach-webview')).toBe(true);
  });

  it('denies every permission request and check', () => {
    let requestHandler: ((wc: unknown, p: string, cb: (g: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    denyAllPermissions({ setPermissionRequestHandler: (h) => (requestHandler = h), setPermissionCheckHandler: (h) => (checkHandler = h) });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      requestHandler!(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(checkHandler!()).toBe(false);
  });

  it('opens external URLs only from the allow-list', async () => {
    const shell = { openExternal: vi.fn(async (_url: string) => undefined) };
    expect(await openExternalSafely(shell, 'https://www.nhs.uk/')).toBe(true);
    expect(await openExternalSafely(shell, 'mailto:a@nhs.net')).toBe(true);
    for (const url of ['http://nhs.uk', 'file:///c:/windows/system32/calc.exe', 'smb://host/share', 'ms-msdt:/id', 'not a url']) {
      expect(await openExternalSafely(shell, url)).toBe(false);
      expect(isAllowedExternalUrl(url)).toBe(false);
    }
    expect(shell.openExternal.mock.calls.map((c) => c[0])).toEqual(['https://www.nhs.uk/', 'mailto:a@nhs.net']);
  });
});
