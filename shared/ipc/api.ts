import type { AppInfo } from '../models/app-info';
import type { Settings, SettingsPatch } from '../models/settings';
import type { ChannelArgs, ChannelResults, Channel } from './contract';
import type { IpcResult } from './result';

// Type-only imports above: the sandboxed preload bundles this file and must not pull in zod.

/** The single Electron IPC channel everything travels on; the logical channel is its first argument. */
export const INVOKE_CHANNEL = 'dos-desk:invoke';

/** Sends one call; implemented by the preload (Electron IPC) and the browser bridge (HTTP). */
export type Invoke = <C extends Channel>(channel: C, args: ChannelArgs<C>) => Promise<IpcResult<ChannelResults[C]>>;

/** The object exposed to the renderer as `window.dosDesk`: named methods only. */
export interface DosDeskApi {
  getAppInfo(): Promise<IpcResult<AppInfo>>;
  getSettings(): Promise<IpcResult<Settings>>;
  setSettings(patch: SettingsPatch): Promise<IpcResult<Settings>>;
}

/** Builds the named-method API over a transport. Used by the preload and by the browser bridge. */
export function createApi(invoke: Invoke): DosDeskApi {
  return {
    getAppInfo: () => invoke('app:get-info', undefined),
    getSettings: () => invoke('settings:get', undefined),
    setSettings: (patch) => invoke('settings:set', patch),
  } satisfies DosDeskApi;
}
