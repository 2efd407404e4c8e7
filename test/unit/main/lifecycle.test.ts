import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { NO_DESKTOP } from '../../../electron/main/services/desktop';

import { APP_ORIGIN, startLifecycle, type LifecycleDeps, type WindowLike } from '../../../electron/main/lifecycle';
import { lockDataFolder } from '../../../electron/main/services/data-lock';
import { EVENT_CHANNEL } from '../../../shared/ipc/transport';

function fakeElectron(options: { lock?: boolean; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform } = {}) {
  // A folder per fake desk: a started desk holds its data folder (dos-desk.lock) until it quits.
  const appData = mkdtempSync(join(tmpdir(), 'dosdesk-appdata-'));
  const dataDir = join(appData, 'DoS Desk');
  const log: string[] = [];
  const listeners = new Map<string, (...args: never[]) => void>();
  let resolveReady!: () => void;
  const readyPromise = new Promise<void>((r) => (resolveReady = r));
  const sent: string[] = [];
  const sentWith: unknown[][] = [];
  const window = {
    webContents: { send: (channel: string, ...args: unknown[]) => void (sent.push(channel), sentWith.push([channel, ...args])) },
    loadURL: vi.fn(async (url: string) => void log.push(`loadURL ${url}`)),
    once: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(() => log.push('focus')),
    restore: vi.fn(() => log.push('restore')),
    isMinimized: vi.fn(() => true),
    isDestroyed: vi.fn(() => false),
  } satisfies WindowLike;
  let ipcListener: unknown;
  const deps: LifecycleDeps = {
    app: {
      requestSingleInstanceLock: () => options.lock ?? true,
      quit: () => log.push('quit'),
      setPath: (name, path) => log.push(`setPath ${name} ${path}`),
      getPath: () => appData,
      getVersion: () => '0.1.0',
      on: (event, listener) => listeners.set(event, listener),
      whenReady: () => readyPromise,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes) => log.push(`privileged ${JSON.stringify(schemes)}`),
      handle: (scheme) => log.push(`handle ${scheme}`),
    },
    ipcMain: { handle: (channel, fn) => ((ipcListener = fn), log.push(`ipc ${channel}`)) },
    defaultSession: () => ({
      setPermissionRequestHandler: () => log.push('permissions denied'),
      setPermissionCheckHandler: () => undefined,
    }),
    shell: { openExternal: async () => undefined },
    desktop: NO_DESKTOP,
    createWindow: (opts) => (log.push(`window sandbox=${String(opts.webPreferences?.sandbox)}`), window),
    env: options.env ?? {},
    platform: options.platform ?? 'linux',
    preloadPath: '/app/out/preload/index.cjs',
    rendererRoot: '/app/out/renderer',
  };
  return { deps, log, listeners, window, sent, sentWith, appData, dataDir, ready: () => resolveReady(), ipc: () => ipcListener };
}

describe('main-process lifecycle', () => {
  it('quits at once when another DoS Desk is already running, touching nothing', () => {
    const fake = fakeElectron({ lock: false });
    expect(startLifecycle(fake.deps)).toBeNull();
    expect(fake.log).toEqual(['quit']);
  });

  it('fixes the data folder and registers app:// before the app is ready', () => {
    const fake = fakeElectron();
    const lifecycle = startLifecycle(fake.deps)!;
    expect(lifecycle.dataDir).toBe(fake.dataDir);
    expect(fake.log[0]).toBe(`setPath userData ${fake.dataDir}`);
    expect(fake.log[1]).toContain('"scheme":"app"');
    expect(fake.log[1]).toContain('"secure":true');
    expect(fake.log).not.toContain('handle app');
  });

  it('uses DOS_DESK_DATA_DIR when it is set', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'dosdesk-elsewhere-'));
    const fake = fakeElectron({ env: { DOS_DESK_DATA_DIR: elsewhere } });
    expect(startLifecycle(fake.deps)!.dataDir).toBe(elsewhere);
  });

  it('on ready denies permissions, serves app://, wires IPC and loads the app origin in a sandboxed window', async () => {
    const fake = fakeElectron();
    const lifecycle = startLifecycle(fake.deps)!;
    fake.ready();
    await lifecycle.ready;
    const after = fake.log.slice(2);
    expect(after).toEqual([
      'permissions denied',
      'handle app',
      'ipc dos-desk:invoke',
      'window sandbox=true',
      `loadURL ${APP_ORIGIN}/index.html`,
    ]);
  });

  it('a second launch restores and focuses the first window', async () => {
    const fake = fakeElectron();
    const lifecycle = startLifecycle(fake.deps)!;
    fake.ready();
    await lifecycle.ready;
    fake.listeners.get('second-instance')!();
    expect(fake.log.slice(-2)).toEqual(['restore', 'focus']);
  });

  it('quits when the last window closes, except on macOS', () => {
    const linux = fakeElectron();
    startLifecycle(linux.deps);
    linux.listeners.get('window-all-closed')!();
    expect(linux.log).toContain('quit');
    const mac = fakeElectron({ platform: 'darwin' });
    startLifecycle(mac.deps);
    mac.listeners.get('window-all-closed')!();
    expect(mac.log).not.toContain('quit');
  });

  it('asks the window for a backup before quitting, and quits when it is ready', async () => {
    const fake = fakeElectron();
    const lifecycle = startLifecycle(fake.deps)!;
    fake.ready();
    await lifecycle.ready;
    const prevent = vi.fn();
    (fake.listeners.get('before-quit') as unknown as (e: unknown) => void)({ preventDefault: prevent });
    expect(prevent).toHaveBeenCalled();
    expect(fake.sent).toEqual(['dos-desk:quit-requested']);
    expect(fake.log).not.toContain('quit');
    const listener = fake.ipc() as (e: unknown, ...a: unknown[]) => Promise<unknown>;
    expect(await listener({ senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } }, 'app:quit-ready')).toEqual({
      ok: true,
      data: { quitting: true },
    });
    expect(fake.log).toContain('quit');
    const again = vi.fn();
    (fake.listeners.get('before-quit') as unknown as (e: unknown) => void)({ preventDefault: again });
    expect(again).not.toHaveBeenCalled();
  });

  it('tells the window when the outbox changes (main → window events)', async () => {
    const fake = fakeElectron();
    const lifecycle = startLifecycle(fake.deps)!;
    fake.ready();
    await lifecycle.ready;
    const listener = fake.ipc() as (e: unknown, ...a: unknown[]) => Promise<{ ok: boolean; data: { id: string } }>;
    const queued = await listener({ senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } }, 'outbox:queue', {
      template: 'dos-team-note',
      data: { subject: 'Rota', body: 'Set to red.', senderName: 'Priya Shah', senderRole: 'Local DoS Lead' },
      from: { name: 'Priya Shah', address: 'priya.shah@nhs.net' },
      to: [{ name: 'London DoS Team', address: 'london.dos@nhs.net' }],
      format: 'plain',
      delivery: 'copy',
      operatorId: 'op-1',
    });
    expect(queued.ok).toBe(true);
    expect(fake.sentWith).toEqual([[EVENT_CHANNEL, 'outbox:changed', { change: 'added', id: queued.data.id, status: 'queued' }]]);
  });

  it('refuses IPC from a page that is not the app', async () => {
    const fake = fakeElectron();
    const lifecycle = startLifecycle(fake.deps)!;
    fake.ready();
    await lifecycle.ready;
    const listener = fake.ipc() as (e: unknown, ...a: unknown[]) => Promise<unknown>;
    expect(await listener({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'app:get-info')).toMatchObject({ ok: false });
    expect(await listener({ senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } }, 'app:get-info')).toMatchObject({
      ok: true,
      data: { shell: 'electron', dataFolder: fake.dataDir },
    });
  });

  it('refuses to start on a data folder the browser preview is using: says which, opens no window, serves no IPC', async () => {
    const fake = fakeElectron();
    const preview = await lockDataFolder(fake.dataDir, 'browser-preview');
    const lifecycle = startLifecycle(fake.deps)!;
    fake.ready();
    await expect(lifecycle.ready).rejects.toThrow(
      new RegExp(
        `Another DoS Desk is using this data folder.*the DoS Desk browser preview \\(process ${process.pid}\\) on this computer, open since \\d\\d:\\d\\d on .*sent nothing`,
      ),
    );
    expect(fake.log.join('\n')).not.toMatch(/window|ipc /);
    await preview.release();
  });
});
