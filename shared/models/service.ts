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
});
export type ServiceInput = z.input<typeof ServiceInput>;
export type ServiceFields = z.output<typeof ServiceInput>;

export interface Service extends ServiceFields {
  id: string;
  createdAt: string;
  updatedAt: string;
}
