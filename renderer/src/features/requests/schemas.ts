import { z } from 'zod';
import { RequestInput, type RequestFields } from '@shared/models/request';

const text = z.string().max(10_000, { error: 'This is too long' });

/** The request form: every field as typed, checked against the request model on submit. */
export const RequestForm = z
  .object({
    fullName: text,
    email: text,
    phone: text,
    organisation: text,
    jobTitle: text,
    region: text,
    userType: text,
    reason: text,
    servicesNeeded: text,
    registeredOn: text,
    emailValidatedOn: text,
  })
  .transform((form, ctx): RequestFields => {
    const parsed = RequestInput.safeParse({ ...form, emailValidatedOn: form.emailValidatedOn || null });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path.map(String), message: issue.message });
      return z.NEVER;
    }
    return parsed.data;
  });

/** Resending the activation email: plain or rich text. */
export const ResendForm = z.object({ format: z.enum(['plain', 'rich'], { error: 'Choose plain or rich text' }) });

/** Recording the date a user validated their email (the data layer checks it against the request). */
export const ValidationForm = z.object({
  validatedOn: z.iso.date({ error: 'Enter the date they validated their email, like 2026-11-21' }),
});

/** Rejecting a request: a ready reason, or one written here; it is emailed to the requester. */
export const RejectForm = z.object({
  choice: z.string(),
  reason: z
    .string()
    .trim()
    .min(1, { error: 'Enter the reason for rejecting the request. It is emailed to the requester.' })
    .max(5000, { error: 'The reason must be 5,000 characters or fewer' }),
});

/** Moving a request to another region, optionally telling that region's DoS team. */
export const RegionForm = z
  .object({
    region: z.string().min(1, { error: 'Choose the new region' }),
    note: z.string().trim().max(2000, { error: 'The note must be 2,000 characters or fewer' }),
    notify: z.boolean(),
    notifyTeam: z.string().trim().max(254, { error: "That team's email address must be 254 characters or fewer" }),
  })
  .superRefine((form, ctx) => {
    if (form.notify && !form.notifyTeam)
      ctx.addIssue({ code: 'custom', path: ['notifyTeam'], message: "Enter the email address of that region's DoS team" });
  })
  .transform((form) => ({ region: form.region, note: form.note, notifyTeam: form.notify ? form.notifyTeam : null }));
