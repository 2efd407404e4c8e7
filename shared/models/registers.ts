import { z } from 'zod';
import { emailAddress, singleLine } from './text';

const isoDate = (what: string) => z.iso.date({ error: `Enter ${what}, like 2026-12-31` });
const longText = (what: string, max = 2000) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, { error: `Enter ${what}` })
    .max(max, { error: `${what[0]!.toUpperCase()}${what.slice(1)} must be ${max.toLocaleString('en-GB')} characters or fewer` });

/** An account needed for a limited time (seed 000, "Deleting DoS accounts"). */
export const TemporaryEntryInput = z
  .object({
    accountId: z.string({ error: 'Choose the account' }).min(1, { error: 'Choose the account' }).max(100),
    reason: longText('why the account is temporary', 500),
    reviewDate: isoDate('the date the account is no longer required'),
    keeper: z.enum(['local', 'regional'], { error: 'Choose who keeps this entry' }),
  })
  .strict();
export type TemporaryEntryInput = z.input<typeof TemporaryEntryInput>;

export const ExtendInput = z
  .object({
    reviewDate: isoDate('the new date'),
    reason: longText('why it is being extended', 500),
  })
  .strict();

export interface TemporaryEntry {
  id: string;
  accountId: string;
  /** Copied so the register reads well after the account is deleted. */
  accountName: string;
  region: string;
  reason: string;
  reviewDate: string;
  keeper: 'local' | 'regional';
  status: 'active' | 'closed';
  history: { at: string; operatorId: string; action: 'created' | 'extended' | 'account-deleted'; reviewDate: string; reason: string }[];
  /** Reminder stages already sent as system notifications, so restarts do not repeat them. */
  notified: string[];
  createdAt: string;
  updatedAt: string;
}

export const CHANGE_KINDS = ['capacity', 'demographic'] as const;

/** An emergency change made out of hours (seed 000, "Someone making emergency changes"). */
export const EmergencyChangeInput = z
  .object({
    accountId: z.string({ error: 'Choose who made the change' }).min(1, { error: 'Choose who made the change' }).max(100),
    /** ISO instant. */
    madeAt: z.iso.datetime({ offset: true, error: 'Enter when the change was made' }),
    serviceId: z.string({ error: 'Choose the service' }).min(1, { error: 'Choose the service that was changed' }).max(100),
    kinds: z.array(z.enum(CHANGE_KINDS)).min(1, { error: 'Choose what was changed: capacity, demographic details or both' }),
    details: longText('what changed'),
    why: longText('why the change was made'),
  })
  .strict();
export type EmergencyChangeInput = z.input<typeof EmergencyChangeInput>;

export const REVIEW_OUTCOMES = ['keep', 'amend', 'permanent-change'] as const;
export const ReviewInput = z
  .object({
    outcome: z.enum(REVIEW_OUTCOMES, { error: 'Choose the outcome of the review' }),
    note: z.string().trim().max(2000, { error: 'The note must be 2,000 characters or fewer' }),
  })
  .strict();

export interface EmergencyChange {
  id: string;
  accountId: string;
  madeBy: string;
  madeByEmail: string;
  madeAt: string;
  serviceId: string;
  serviceName: string;
  region: string;
  kinds: (typeof CHANGE_KINDS)[number][];
  details: string;
  why: string;
  reportedAt: string | null;
  reportOutboxId: string | null;
  review: { outcome: (typeof REVIEW_OUTCOMES)[number]; note: string; at: string; operatorId: string } | null;
  loggedBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A DoS team's addresses for one region: where emergency-change reports go. */
export const DosTeam = z
  .object({
    region: singleLine('the region', 80),
    localEmail: emailAddress('the local DoS team email address'),
    regionalEmail: emailAddress('the regional DoS team email address'),
  })
  .strict();
export type DosTeam = z.infer<typeof DosTeam>;
