import { z } from 'zod';
import { DeliveryMethod } from '@shared/models/email';
import { Settings, SmtpSettings } from '@shared/models/settings';

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

/** The email section: how emails leave by default, and the SMTP server if there is one. */
export const EmailSettingsForm = z
  .object({
    defaultDelivery: DeliveryMethod,
    host: z.string().trim().max(253, { error: 'The SMTP server name must be 253 characters or fewer' }),
    port: z.string().trim().max(5),
    security: z.enum(['starttls', 'tls', 'none']),
    user: z.string().trim().max(254, { error: 'The user name must be 254 characters or fewer' }),
    password: z.string().max(500, { error: 'The password must be 500 characters or fewer' }),
  })
  .transform((form, ctx) => {
    if (!form.host) {
      if (form.defaultDelivery === 'smtp') {
        ctx.addIssue({ code: 'custom', path: ['host'], message: 'Enter the SMTP server name to make SMTP the default' });
        return z.NEVER;
      }
      return { email: { defaultDelivery: form.defaultDelivery, smtp: null }, password: '' };
    }
    const smtp = SmtpSettings.safeParse({ host: form.host, port: Number(form.port || 'x'), security: form.security, user: form.user });
    if (!smtp.success) {
      for (const issue of smtp.error.issues)
        ctx.addIssue({ code: 'custom', path: [String(issue.path[0] ?? 'host')], message: issue.message });
      return z.NEVER;
    }
    return { email: { defaultDelivery: form.defaultDelivery, smtp: smtp.data }, password: form.password };
  });

/** Connecting Care: the licence warning level, the unit of the 5-day target, the allocation year's first month. */
export const CcSettingsForm = z
  .object({
    warnPercent: z.string().trim().max(10, { error: 'Enter a whole number from 1 to 100' }),
    targetUnit: z.enum(['working-days', 'calendar-days'], { error: 'Choose working days or calendar days' }),
    yearStartMonth: z.string(),
  })
  .transform((form, ctx) => {
    const percent = Number(form.warnPercent);
    if (!/^\d{1,3}$/.test(form.warnPercent) || percent < 1 || percent > 100) {
      ctx.addIssue({ code: 'custom', path: ['warnPercent'], message: 'Enter a whole number from 1 to 100' });
      return z.NEVER;
    }
    return { warnPercent: percent, targetUnit: form.targetUnit, yearStartMonth: Number(form.yearStartMonth) };
  });

/** The DoS team addresses, one row per region: both addresses or neither. */
export const DosTeamsForm = z
  .object({
    teams: z.array(
      z.object({
        region: z.string(),
        localEmail: z.string().trim().max(254, { error: 'The local DoS team email must be 254 characters or fewer' }),
        regionalEmail: z.string().trim().max(254, { error: 'The regional DoS team email must be 254 characters or fewer' }),
      }),
    ),
  })
  .superRefine((form, ctx) => {
    form.teams.forEach((t, i) => {
      if (!t.localEmail === !t.regionalEmail) return;
      const missing = t.localEmail ? 'regionalEmail' : 'localEmail';
      ctx.addIssue({
        code: 'custom',
        path: ['teams', i, missing],
        message: `Enter both the local and the regional DoS team email for ${t.region}, or neither.`,
      });
    });
  })
  .transform((form) => form.teams.filter((t) => t.localEmail || t.regionalEmail));
