import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../../shared/ipc/api';
import type { DosDeskApi } from '../../../shared/ipc/api';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../shared/ipc/transport';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async () => ({ ok: true, data: null }));
type IpcListener = (event: unknown, ...args: unknown[]) => void;
const on = vi.fn<(channel: string, listener: IpcListener) => void>();
const off = vi.fn<(channel: string, listener: IpcListener) => void>();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke, on, off },
}));

beforeEach(async () => {
  await import('../../../electron/preload/index');
});

describe('preload', () => {
  it('exposes window.dosDesk with named methods only, never ipcRenderer', () => {
    expect(Object.keys(exposed)).toEqual(['dosDesk']);
    const api = exposed.dosDesk as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(
      [...Object.keys(createApi(async () => ({ ok: true, data: null }) as never)), 'onQuitRequested'].sort(),
    );
    expect(Object.keys(api)).toContain('queueEmail');
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send/i);
  });

  it('sends each method over the single invoke channel with its contract name', async () => {
    const api = exposed.dosDesk as { setSettings(p: unknown): Promise<unknown>; getAppInfo(): Promise<unknown> };
    await api.setSettings({ regions: ['London'] });
    await api.getAppInfo();
    expect(invoke).toHaveBeenNthCalledWith(1, INVOKE_CHANNEL, 'settings:set', { regions: ['London'] });
    expect(invoke).toHaveBeenNthCalledWith(2, INVOKE_CHANNEL, 'app:get-info', undefined);
  });
});

describe('preload: main’s events', () => {
  it('hands the page each payload of the event it asked for, on the one event channel, without the IPC event', () => {
    const api = exposed.dosDesk as DosDeskApi;
    on.mockClear();
    const got: unknown[] = [];
    const stop = api.on('outbox:changed', (payload) => got.push(payload));
    expect(on).toHaveBeenCalledTimes(1);
    const [channel, listener] = on.mock.calls[0]!;
    expect(channel).toBe(EVENT_CHANNEL);
    const ipcEvent = { sender: { send: () => undefined }, ports: [] };
    listener(ipcEvent, 'outbox:changed', { change: 'added', id: 'a', status: 'queued' });
    listener(ipcEvent, 'something:else', { secret: true });
    expect(got).toEqual([{ change: 'added', id: 'a', status: 'queued' }]);
    stop();
    expect(off).toHaveBeenCalledWith(EVENT_CHANNEL, listener);
  });

  it('refuses a name that is not one of main’s events, and never listens on another IPC channel', () => {
    const api = exposed.dosDesk as DosDeskApi;
    on.mockClear();
    for (const name of ['dos-desk:invoke', 'ELECTRON_BROWSER_REQUIRE', '__proto__'])
      expect(() => api.on(name as never, () => undefined)).toThrow(/no event named/);
    expect(on).not.toHaveBeenCalled();
  });
});
