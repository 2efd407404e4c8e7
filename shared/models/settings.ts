import { z } from 'zod';
import { NHS_ENGLAND_REGIONS } from '../domain/regions';
import { DeliveryMethod } from './email';
import { DosTeam } from './registers';
import { singleLine } from './text';

export const RegionName = singleLine('a region name', 80);

/** An SMTP server. The password is never part of settings: main keeps it apart (issue 3). */
export const SmtpSettings = z
  .object({
    host: singleLine('the SMTP server name', 253).refine((h) => /^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/.test(h), {
      error: 'Enter the SMTP server name, like smtp.example.nhs.uk',
    }),
    port: z
      .number({ error: 'Enter the SMTP port as a number, like 587' })
      .int({ error: 'Enter the SMTP port as a whole number' })
      .min(1, { error: 'The SMTP port must be from 1 to 65535' })
      .max(65535, { error: 'The SMTP port must be from 1 to 65535' }),
    /** `starttls` (usually port 587), `tls` (usually 465) or `none` (only for a server on this computer). */
    security: z.enum(['starttls', 'tls', 'none'], { error: 'Choose how to secure the SMTP connection' }),
    /** Sign-in name; empty for a server that needs none. */
    user: z
      .string()
      .trim()
      .max(254)
      .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { error: 'The user name must not contain line breaks' }),
  })
  .strict();
export type SmtpSettings = z.infer<typeof SmtpSettings>;

export const EmailSettings = z
  .object({
    defaultDelivery: DeliveryMethod,
    smtp: SmtpSettings.nullable(),
  })
  .strict();
export type EmailSettings = z.infer<typeof EmailSettings>;

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
    email: EmailSettings,
    /** Local and regional DoS team addresses per region, for emergency-change reports. */
    dosTeams: z.array(DosTeam).max(50),
    /** Connecting Care: licence warning level, the unit of the 5-day target, and when the allocation year starts. */
    connectingCare: z
      .object({
        warnPercent: z
          .number()
          .int()
          .min(1, { error: 'The warning level must be from 1 to 100 per cent' })
          .max(100, { error: 'The warning level must be from 1 to 100 per cent' }),
        targetUnit: z.enum(['working-days', 'calendar-days']),
        yearStartMonth: z.number().int().min(1).max(12),
      })
      .strict(),
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

/** A change to some settings; unknown keys are refused rather than silently dropped. */
export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = {
  regions: [...NHS_ENGLAND_REGIONS],
  email: { defaultDelivery: 'mail-client', smtp: null },
  dosTeams: [],
  connectingCare: { warnPercent: 90, targetUnit: 'working-days', yearStartMonth: 4 },
};

/**
 * The groups of settings, in the words the operator sees, in the order the Settings page shows
 * them. Used to say what went back to its default when a damaged settings file was set aside.
 */
export const SETTINGS_GROUP_NAMES = {
  regions: 'your regions (the regions operators can cover)',
  'email.defaultDelivery': 'how emails are sent by default',
  'email.smtp': 'the SMTP server (name, port, security and user name)',
  dosTeams: 'the DoS team email addresses',
  connectingCare: 'the Connecting Care settings (licence warning level, 5-day target and allocation year)',
} as const;
export type SettingsGroup = keyof typeof SETTINGS_GROUP_NAMES;

/**
 * A settings file DoS Desk could not read at start: it was set aside, never deleted, and the
 * defaults were used instead. Shown on Home and Settings until the operator dismisses it.
 */
export interface SettingsProblem {
  /** The full path of the damaged copy, kept exactly as it was found. */
  setAsidePath: string;
  /** When it was set aside, as an ISO 8601 instant. */
  at: string;
  /** True when the file could not be read at all (not JSON), so every setting went back to its default. */
  allReset: boolean;
  /** What went back to its default, in words (from SETTINGS_GROUP_NAMES). */
  reset: string[];
}
