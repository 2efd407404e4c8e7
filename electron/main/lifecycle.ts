import { join } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { createDispatcher } from './ipc/dispatch';
import { createHandlers } from './ipc/handlers';
import { createServices } from './services';
import type { Desktop } from './services/desktop';
import { QUIT_REQUESTED_CHANNEL } from '../../shared/ipc/transport';
import { forwardEvents, registerIpc, originOf, type IpcMainLike } from './ipc/register';
import { DATA_FOLDER_NAME } from './paths';
import { denyAllPermissions, guardWebContents, openExternalSafely, type GuardedContents, type PermissionSession } from './security';
import { createAppProtocolHandler } from './static-files';
import { mainWindowOptions } from './windows/main-window';

export const APP_SCHEME = 'app';
export const APP_HOST = 'dos-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** A window, as far as the lifecycle needs one. */
export interface WindowLike {
  webContents: { send(channel: string, ...args: unknown[]): void };
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
}

/** Everything the lifecycle takes from Electron, passed in so it can be tested without Electron. */
export interface LifecycleDeps {
  app: {
    requestSingleInstanceLock(): boolean;
    quit(): void;
    setPath(name: 'userData', path: string): void;
    getPath(name: 'appData'): string;
    getVersion(): string;
    on(event: string, listener: (...args: never[]) => void): unknown;
    whenReady(): Promise<unknown>;
  };
  protocol: {
    registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void;
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
  };
  ipcMain: IpcMainLike;
  defaultSession: () => PermissionSession;
  shell: { openExternal(url: string): Promise<void> };
  /** Mail program, clipboard and key store (Electron's shell, clipboard and safeStorage). */
  desktop: Desktop;
  createWindow(options: BrowserWindowConstructorOptions): WindowLike;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Folder holding the built preload (`index.cjs`) and renderer (`index.html`). */
  preloadPath: string;
  rendererRoot: string;
  /** electron-vite's dev server URL, only in development. */
  devServerUrl?: string;
}

export interface Lifecycle {
  dataDir: string;
  ready: Promise<WindowLike>;
}

/**
 * Starts DoS Desk: single instance, fixed data folder before `ready`, privileged `app://` scheme,
 * guards on every web contents, then (on ready) permissions denied, protocol served, IPC wired and
 * the window opened. Returns null when another instance already runs (that one is focused instead).
 */
export function startLifecycle(deps: LifecycleDeps): Lifecycle | null {
  const { app } = deps;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  const dataDir = deps.env.DOS_DESK_DATA_DIR?.trim() || join(app.getPath('appData'), DATA_FOLDER_NAME);
  app.setPath('userData', dataDir);

  deps.protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);

  const devOrigin = deps.devServerUrl ? originOf(deps.devServerUrl) : null;
  const allowedOrigins = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];
  let mainWindow: WindowLike | undefined;
  let quitAllowed = false;
  let quitRequested = false;

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event: never, contents: never) => {
    guardWebContents(contents as GuardedContents, allowedOrigins, (url) => {
      void openExternalSafely(deps.shell, url);
    });
  });
  app.on('window-all-closed', () => {
    if (deps.platform !== 'darwin') app.quit();
  });

  const ready = app.whenReady().then(async () => {
    denyAllPermissions(deps.defaultSession());
    deps.protocol.handle(APP_SCHEME, createAppProtocolHandler(deps.rendererRoot, APP_HOST));
    const services = createServices({
      dataDir,
      desktop: deps.desktop,
      onQuitReady: () => {
        quitAllowed = true;
        app.quit();
        return true;
      },
      appInfo: () => ({ name: 'DoS Desk', version: app.getVersion(), dataFolder: dataDir, platform: deps.platform, shell: 'electron' }),
    });
    await services.start();
    // Back up on quit: ask the window for a backup first, then quit when it says it is done
    // (or after a minute, so a stuck window never stops the app closing).
    app.on('before-quit', (event: never) => {
      if (quitAllowed || !mainWindow || mainWindow.isDestroyed()) {
        void services.stop();
        return;
      }
      (event as { preventDefault(): void }).preventDefault();
      if (quitRequested) return;
      quitRequested = true;
      mainWindow.webContents.send(QUIT_REQUESTED_CHANNEL);
      setTimeout(() => {
        quitAllowed = true;
        app.quit();
      }, 60_000).unref?.();
    });
    const dispatch = createDispatcher(createHandlers(services));
    registerIpc(deps.ipcMain, dispatch, allowedOrigins);
    // The outbox says when it changes; the window refreshes then instead of polling.
    forwardEvents(services.events.subscribe, () => mainWindow);
    const window = deps.createWindow(mainWindowOptions(deps.preloadPath));
    mainWindow = window;
    window.once('ready-to-show', () => window.show());
    await window.loadURL(deps.devServerUrl ?? `${APP_ORIGIN}/index.html`);
    return window;
  });
  return { dataDir, ready };
}
