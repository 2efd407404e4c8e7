import { z } from 'zod';
import { missingRequirements, sortRoles, unknownRoles } from '../domain/permissions';
import { USER_TYPE_IDS } from '../domain/user-types';
import { emailAddress, singleLine } from './text';

export const UserType = z.enum(USER_TYPE_IDS, { error: 'Choose the type of DoS user' });

/**
 * A DoS user account as a lead amends it: details, regions, user type, roles and service
 * relationships. Unknown role names and editClinical without viewClinical are refused here, so
 * every writer (form, import, IPC) gets the same answer.
 */
export const AccountInput = z
  .object({
    fullName: singleLine('the full name', 100),
    email: emailAddress('the email address'),
    phone: z
      .string()
      .trim()
      .max(30, { error: 'The phone number must be 30 characters or fewer' })
      .refine((v) => v === '' || /^[0-9 +()-]{6,30}$/.test(v), { error: 'Enter the phone number using digits, spaces and + ( ) - only' }),
    organisation: singleLine('the organisation', 200),
    jobTitle: singleLine('the job title', 120),
    userType: UserType,
    regions: z.array(z.string().max(80)).min(1, { error: 'Choose at least one region: region-based roles need one' }).max(50),
    roles: z
      .array(z.string().max(80))
      .max(60)
      .superRefine((roles, ctx) => {
        const unknown = unknownRoles(roles);
        if (unknown.length)
          ctx.addIssue({
            code: 'custom',
            message: `Unknown role${unknown.length > 1 ? 's' : ''}: ${unknown.slice(0, 5).join(', ')}. Use the role names from the DoS guidance.`,
          });
        for (const message of missingRequirements(roles)) ctx.addIssue({ code: 'custom', message });
      })
      .transform((roles) => sortRoles(roles)),
    serviceIds: z.array(z.string().max(100)).max(500),
  })
  .strict();
export type AccountInput = z.input<typeof AccountInput>;
export type AccountFields = z.output<typeof AccountInput>;

export type AccountStatus = 'active' | 'deleted';

export interface Account extends AccountFields {
  id: string;
  status: AccountStatus;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  deleteReason: string | null;
  /** The last date the user logged in to DoS (entered or imported), if known. */
  lastLoginOn?: string | null;
}

export const DeleteReason = singleLine('the reason for deleting the account', 500);
