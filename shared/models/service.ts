import { z } from 'zod';
import { singleLine } from './text';

/** ODS codes are letters and digits, like FA123 or RYE. */
export const OdsCode = z
  .string()
  .trim()
  .toUpperCase()
  .max(12, { error: 'The ODS code must be 12 characters or fewer' })
  .refine((v) => v === '' || /^[A-Z0-9]{3,12}$/.test(v), { error: 'Enter the ODS code as letters and numbers only, like FA123' });

/** A DoS service (an entry in the directory); a child service has a parent. */
export const ServiceInput = z.object({
  name: singleLine('the service name', 200),
  serviceType: singleLine('the service type', 120),
  odsCode: OdsCode,
  region: singleLine('the region', 80),
  parentId: z.string().max(100).nullable(),
  /**
   * Reduced opening hours for a clinical service on this entry (blank when none), so a Profile
   * Manager update that would overwrite them can be warned about (seed 002).
   */
  reducedHours: z
    .string()
    .trim()
    .max(500, { error: 'Reduced hours must be 500 characters or fewer' })
    .refine((v) => !/[<>]/.test(v), { error: 'Reduced hours must not contain < or >' })
    .default(''),
});
export type ServiceInput = z.input<typeof ServiceInput>;
export type ServiceFields = z.output<typeof ServiceInput>;

export const SERVICE_STATUSES = ['active', 'suspended', 'closed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
export const RAG = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAG)[number];

export const RAG_LABELS: Record<Rag, string> = {
  red: 'Red: no capacity',
  amber: 'Amber: under pressure',
  green: 'Green: has capacity',
};

export interface Service extends ServiceFields {
  id: string;
  status: ServiceStatus;
  /** Why and from when a service is suspended (until may be open-ended). */
  suspension: { reason: string; from: string; until: string | null } | null;
  closure: { reason: string; on: string } | null;
  /** The latest daily capacity status, with who set it and when. */
  capacity: { rag: Rag; note: string; setBy: string; setById: string; at: string } | null;
  createdAt: string;
  updatedAt: string;
}

const isoDate = (what: string) => z.iso.date({ error: `Enter ${what}, like 2026-12-31` });
const reasonText = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, { error: `Enter ${what}` })
    .max(1000, { error: `${what[0]!.toUpperCase()}${what.slice(1)} must be 1,000 characters or fewer` });

export const SuspendInput = z
  .object({
    reason: reasonText('why the service is suspended'),
    from: isoDate('the date the suspension starts'),
    until: z.union([z.literal(''), isoDate('the date the service re-opens')]).transform((v) => v || null),
  })
  .strict()
  .refine((v) => !v.until || v.until >= v.from, { error: 'The re-open date must be on or after the start date', path: ['until'] });

export const ReopenInput = z.object({ note: reasonText('why the service is re-opening') }).strict();

export const CloseInput = z.object({ reason: reasonText('why the service is closed'), on: isoDate('the date it closed') }).strict();

export const CapacityInput = z
  .object({
    rag: z.enum(RAG, { error: 'Choose the capacity status: red, amber or green' }),
    note: z.string().trim().max(500, { error: 'The note must be 500 characters or fewer' }),
  })
  .strict();

/** One capacity status report: the daily record behind "which services reported today". */
export interface CapacityReport {
  id: string;
  serviceId: string;
  serviceName: string;
  region: string;
  /** The London date it was reported on. */
  date: string;
  rag: Rag;
  note: string;
  setBy: string;
  setById: string;
  at: string;
  updatedAt: string;
}
