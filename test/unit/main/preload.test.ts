import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../../shared/ipc/api';
import { INVOKE_CHANNEL } from '../../../shared/ipc/transport';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async () => ({ ok: true, data: null }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke, on: vi.fn(), off: vi.fn() },
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
