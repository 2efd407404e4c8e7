import { z } from 'zod';
import { NHS_ENGLAND_REGIONS } from '../domain/regions';
import { singleLine } from './text';

export const RegionName = singleLine('a region name', 80);

/** Settings kept by the main process in `<data folder>/settings.json`. */
export const Settings = z
  .object({
    /** Regions operators can cover; defaults to the seven NHS England regions. */
    regions: z
      .array(RegionName, { error: 'Regions must be a list of region names' })
      .min(1, { error: 'Enter at least one region' })
      .max(50, { error: 'Enter 50 regions or fewer' })
      .refine((list) => new Set(list.map((r) => r.toLowerCase())).size === list.length, {
        error: 'Each region must appear only once',
      }),
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

/** A change to some settings; unknown keys are refused rather than silently dropped. */
export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = { regions: [...NHS_ENGLAND_REGIONS] };
