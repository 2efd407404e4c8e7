import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher } from '../../electron/main/ipc/dispatch';
import { createHandlers } from '../../electron/main/ipc/handlers';
import { createServices } from '../../electron/main/services';
import { NO_DESKTOP } from '../../electron/main/services/desktop';
import { createApi, type DosDeskApi } from '@shared/ipc/api';
import { DosDeskDb } from '../../renderer/src/db/database';

let counter = 0;

/** A fresh database name per test, on fake-indexeddb. */
export function freshDb(): DosDeskDb {
  counter++;
  return new DosDeskDb(`dos-desk-test-${Date.now()}-${counter}`);
}

/**
 * The renderer's API over the real main-process handler table (settings in a temp folder):
 * the same code the preload and the preview host run, minus the transport.
 */
export function realApi(): { api: DosDeskApi; dataDir: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'dosdesk-renderer-'));
  const services = createServices({
    dataDir,
    desktop: NO_DESKTOP,
    appInfo: () => ({ name: 'DoS Desk', version: '0.0.0-test', dataFolder: dataDir, platform: 'linux', shell: 'browser-preview' }),
  });
  const dispatch = createDispatcher(createHandlers(services), () => undefined);
  return { api: createApi((channel, args) => dispatch(channel, args) as never, services.events.on), dataDir };
}

export const PRIYA = {
  fullName: 'Priya Shah',
  email: 'priya.shah@nhs.net',
  jobRole: 'Local DoS Lead',
  regions: ['London', 'South East'],
  approveUserRegions: ['London'],
};

/**
 * Changes the audit store straight through IndexedDB, past Dexie and its append-only guard, as a
 * hostile person with the developer tools open could.
 */
export function rawAudit(dbName: string, change: (store: IDBObjectStore) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const idb = open.result;
      const tx = idb.transaction('audit', 'readwrite');
      change(tx.objectStore('audit'));
      tx.oncomplete = () => {
        idb.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/**
 * Main as `real` is, except that while `main.refusing` (true to start with) it will not queue an
 * email, answering `message`, as when the outbox folder cannot be written or a setting is bad.
 */
export function emailRefusingApi(real: DosDeskApi, message = 'Main refused'): { api: DosDeskApi; main: { refusing: boolean } } {
  const main = { refusing: true };
  const api: DosDeskApi = {
    ...real,
    queueEmail: (args) =>
      main.refusing ? Promise.resolve({ ok: false as const, error: { code: 'failed' as const, message } }) : real.queueEmail(args),
  };
  return { api, main };
}
