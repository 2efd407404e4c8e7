import { z } from 'zod';
import { EmergencyChangeInput } from '@shared/models/registers';

/** A datetime-local value (the desk's clock is London time) as an ISO instant; '' when it is not a time. */
function instantFrom(local: string): string {
  const at = local ? new Date(local) : null;
  return at && !Number.isNaN(at.getTime()) ? at.toISOString() : '';
}

/** The "log an emergency change" form: the fields as typed, checked against the model on submit. */
export const LogChangeForm = z
  .object({
    accountId: z.string(),
    madeAt: z.string(),
    serviceId: z.string(),
    kinds: z.array(z.string()),
    details: z.string(),
    why: z.string(),
  })
  .transform((form, ctx) => {
    const parsed = EmergencyChangeInput.safeParse({ ...form, madeAt: instantFrom(form.madeAt) });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path.map(String), message: issue.message });
      return z.NEVER;
    }
    return parsed.data;
  });

/** The current local time as a datetime-local value (the desk's clock is London time). */
export function nowForInput(): string {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
