import { z } from 'zod';
import { UserType } from './account';
import { emailAddress, singleLine } from './text';

/** A request for DoS access, as entered or imported. */
export const RequestInput = z
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
    region: singleLine('the region requested', 80),
    userType: UserType,
    reason: z
      .string()
      .trim()
      .min(1, { error: 'Enter why they need access' })
      .max(2000, { error: 'Why they need access must be 2,000 characters or fewer' }),
    servicesNeeded: z.string().trim().max(2000, { error: 'The services they need must be 2,000 characters or fewer' }),
    registeredOn: z.iso.date({ error: 'Enter the date they registered, like 2026-11-21' }),
    emailValidatedOn: z.iso.date({ error: 'Enter the date they validated their email, like 2026-11-21' }).nullable(),
  })
  .strict()
  .refine((r) => !r.emailValidatedOn || r.emailValidatedOn >= r.registeredOn, {
    error: 'The email cannot have been validated before the date they registered',
    path: ['emailValidatedOn'],
  });
export type RequestInput = z.input<typeof RequestInput>;
export type RequestFields = z.output<typeof RequestInput>;

export type RequestStatus = 'outstanding' | 'approved' | 'rejected';

export interface UserRequest extends Omit<RequestFields, 'registeredOn'> {
  id: string;
  /** Registration instant (ISO). Entered dates are taken as 09:00 London time on that day. */
  registeredAt: string;
  status: RequestStatus;
  /** Each resend; `outboxId` is null until the email is in the outbox (the resend is written first). */
  activationResends: { at: string; format: 'plain' | 'rich'; outboxId: string | null }[];
  /** Moves between regions; `notified` is the DoS team address emailed, and `outboxId` that email once queued. */
  regionHistory: {
    at: string;
    from: string;
    to: string;
    note: string;
    operatorId: string;
    notified?: string | null;
    outboxId?: string | null;
  }[];
  rejection: { at: string; reason: string; outboxId: string | null } | null;
  approvedAccountId: string | null;
  /** The approval email in the outbox; null while it is not queued. Requests approved before issue 16 have none. */
  approvalOutboxId?: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}
