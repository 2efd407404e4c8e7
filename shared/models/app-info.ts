import { z } from 'zod';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  dataFolder: z.string(),
  platform: z.string(),
  /** `electron` in the desktop app, `browser-preview` when served by the loopback host. */
  shell: z.enum(['electron', 'browser-preview']),
});
export type AppInfo = z.infer<typeof AppInfo>;
