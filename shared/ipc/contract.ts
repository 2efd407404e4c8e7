import { z } from 'zod';
import type { AppInfo } from '../models/app-info';
import { SettingsPatch, type Settings } from '../models/settings';

/**
 * The one IPC contract between the renderer and the main process (GUIDE §2).
 * Every channel is `domain:verb-noun`, has a zod schema for its single argument and a result type.
 * The same table is served over Electron IPC and, in the browser preview, over loopback HTTP.
 */
export const channels = {
  'app:get-info': { args: z.undefined({ error: 'This call takes no argument' }) },
  'settings:get': { args: z.undefined({ error: 'This call takes no argument' }) },
  'settings:set': { args: SettingsPatch },
} as const satisfies Record<string, { args: z.ZodType }>;

export type Channel = keyof typeof channels;

/** What each channel returns on success. */
export interface ChannelResults {
  'app:get-info': AppInfo;
  'settings:get': Settings;
  'settings:set': Settings;
}

export type ChannelArgs<C extends Channel> = z.input<(typeof channels)[C]['args']>;
export type ParsedArgs<C extends Channel> = z.output<(typeof channels)[C]['args']>;

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(channels, value);
}

export { INVOKE_CHANNEL } from './api';
export type { DosDeskApi, Invoke } from './api';
