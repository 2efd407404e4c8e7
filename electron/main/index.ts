import { join } from 'node:path';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Notification, protocol, safeStorage, session, shell } from 'electron';
import { startLifecycle } from './lifecycle';

// Electron-only glue: everything it does is in lifecycle.ts, which is unit-tested with fakes.
const lifecycle = startLifecycle({
  app,
  protocol,
  ipcMain: ipcMain as never,
  defaultSession: () => session.defaultSession,
  shell,
  desktop: {
    openPath: (file) => shell.openPath(file),
    writeClipboard: (text) => {
      clipboard.writeText(text);
      return true;
    },
    notify: (title, body) => {
      if (!Notification.isSupported()) return false;
      new Notification({ title, body }).show();
      return true;
    },
    secureStorage: safeStorage,
  },
  createWindow: (options) => new BrowserWindow(options),
  env: process.env,
  platform: process.platform,
  preloadPath: join(__dirname, '../preload/index.cjs'),
  rendererRoot: join(__dirname, '../renderer'),
  devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
});

lifecycle?.ready.catch((error: unknown) => {
  console.error('DoS Desk could not start', error);
  // Such as the data folder being in use by another DoS Desk (services.start): say which, then quit.
  const message =
    error instanceof Error && error.name === 'UserFacingError'
      ? error.message
      : 'DoS Desk could not start. Close it and open it again; if that does not help, contact your IT service desk.';
  dialog.showErrorBox('DoS Desk could not start', message);
  app.quit();
});
