import { contextBridge, ipcRenderer } from 'electron';
import { createApi, INVOKE_CHANNEL, type Invoke } from '../../shared/ipc/api';

// Named methods only: the page never sees ipcRenderer (GUIDE §2, vscode's sandbox preload).
const invoke: Invoke = (channel, args) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, args);

const QUIT_REQUESTED_CHANNEL = 'dos-desk:quit-requested';

contextBridge.exposeInMainWorld('dosDesk', {
  ...createApi(invoke),
  // The only event main sends: a request to back up before quitting. The callback gets no event object.
  onQuitRequested: (callback: () => void) => {
    const listener = () => callback();
    ipcRenderer.on(QUIT_REQUESTED_CHANNEL, listener);
    return () => ipcRenderer.off(QUIT_REQUESTED_CHANNEL, listener);
  },
});
