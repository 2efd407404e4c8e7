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
