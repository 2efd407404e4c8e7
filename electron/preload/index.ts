import { contextBridge, ipcRenderer } from 'electron';
import { createApi, INVOKE_CHANNEL, type Invoke } from '../../shared/ipc/api';

// Named methods only: the page never sees ipcRenderer (GUIDE §2, vscode's sandbox preload).
const invoke: Invoke = (channel, args) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, args);

contextBridge.exposeInMainWorld('dosDesk', createApi(invoke));
