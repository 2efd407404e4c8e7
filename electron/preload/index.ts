import { contextBridge, ipcRenderer } from 'electron';
import { createApi, type Invoke } from '../../shared/ipc/api';
import type { Listen } from '../../shared/ipc/events';
import { EVENT_CHANNEL, INVOKE_CHANNEL, QUIT_REQUESTED_CHANNEL } from '../../shared/ipc/transport';

// Named methods only: the page never sees ipcRenderer (GUIDE §2, vscode's sandbox preload).
const invoke: Invoke = (channel, args) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, args);

// Main's events all arrive on one channel as (name, payload); `createApi` refuses names not in
// shared/ipc/events.ts, and the page can never listen on any other IPC channel. The callback gets
// the payload only, never the IPC event object.
const listen: Listen = (event, callback) => {
  const listener = (_event: unknown, name: unknown, payload: unknown) => {
    if (name === event) callback(payload as never);
  };
  ipcRenderer.on(EVENT_CHANNEL, listener);
  return () => void ipcRenderer.off(EVENT_CHANNEL, listener);
};

contextBridge.exposeInMainWorld('dosDesk', {
  ...createApi(invoke, listen),
  // A request to back up before quitting. The callback gets no event object.
  onQuitRequested: (callback: () => void) => {
    const listener = () => callback();
    ipcRenderer.on(QUIT_REQUESTED_CHANNEL, listener);
    return () => void ipcRenderer.off(QUIT_REQUESTED_CHANNEL, listener);
  },
});
