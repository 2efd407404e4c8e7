import { z } from 'zod';
import { emailAddress, singleLine } from './text';

/**
 * An NHS email address: NHSmail (`@nhs.net`) or an NHS organisation's own domain (`*.nhs.uk`).
 * Operators are individual people, never a shared mailbox (seed 000: individual accounts preserve
 * an accurate audit trail).
 */
export const NhsEmail = emailAddress('your NHS email address').refine(
  (value) => value.endsWith('@nhs.net') || /@([a-z0-9-]+\.)*nhs\.uk$/.test(value),
  { error: 'Enter an NHS email address ending in nhs.net or nhs.uk, like name@nhs.net' },
);

/** What a person types to create or edit an operator; drives the form and the write. */
export const OperatorInput = z
  .object({
    fullName: singleLine('your full name', 100),
    email: NhsEmail,
    jobRole: singleLine('your job role', 100),
    regions: z
      .array(z.string().max(80), { error: 'Select the regions you cover' })
      .min(1, { error: 'Select at least one region you cover' })
      .max(50),
    approveUserRegions: z.array(z.string().max(80)).max(50),
  })
  .refine((op) => op.approveUserRegions.every((r) => op.regions.includes(r)), {
    error: 'You can only hold approveUser in regions you cover',
    path: ['approveUserRegions'],
  });
export type OperatorInput = z.input<typeof OperatorInput>;
export type OperatorFields = z.output<typeof OperatorInput>;

export const Operator = z.object({
  id: z.string(),
  fullName: z.string(),
  email: z.string(),
  jobRole: z.string(),
  regions: z.array(z.string()),
  approveUserRegions: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Operator = z.infer<typeof Operator>;
