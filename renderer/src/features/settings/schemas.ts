import { z } from 'zod';
import { Settings } from '@shared/models/settings';

/** The regions box: one region per line, blank lines ignored, checked with the settings schema. */
export const RegionsForm = z.object({
  regionsText: z
    .string()
    .max(10_000, { error: 'The list of regions is too long' })
    .transform((text, ctx) => {
      const regions = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
      const parsed = Settings.shape.regions.safeParse(regions);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const line = typeof issue.path[0] === 'number' ? `Line ${issue.path[0] + 1}: ` : '';
        ctx.addIssue({ code: 'custom', message: `${line}${issue.message}` });
        return z.NEVER;
      }
      return parsed.data;
    }),
});
