import { z } from 'zod';
import { OrganisationInput } from '@shared/models/connecting-care';

/** The organisation form: authorisers and roles one per line. */
export const OrganisationForm = z
  .object({
    name: z.string().max(500),
    serviceDeskEmail: z.string().max(500),
    allocationPerYear: z.string().max(10),
    authorisers: z.string().max(20_000),
    roles: z.string().max(20_000),
  })
  .transform((form, ctx) => {
    const lines = (text: string) =>
      text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
    const authorisers = lines(form.authorisers).map((line) => {
      const at = line.lastIndexOf(',');
      return at === -1 ? { name: '', email: line } : { name: line.slice(0, at).trim(), email: line.slice(at + 1).trim() };
    });
    const parsed = OrganisationInput.safeParse({
      name: form.name,
      serviceDeskEmail: form.serviceDeskEmail,
      allocationPerYear: form.allocationPerYear.trim() === '' ? NaN : Number(form.allocationPerYear),
      authorisers,
      roles: lines(form.roles),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [field, index] = issue.path;
        const where = typeof index === 'number' ? `Line ${index + 1}: ` : '';
        const message =
          field === 'authorisers' && typeof index === 'number'
            ? `${where}write each authoriser as "Full name, email address". ${issue.message}`
            : `${where}${issue.message}`;
        ctx.addIssue({ code: 'custom', path: [String(field)], message });
      }
      return z.NEVER;
    }
    return parsed.data;
  });

/** Recording receipt by the back office, or that a request was actioned (with an optional note). */
export const TrackForm = z.object({
  date: z.iso.date({ error: 'Enter the date, like 2026-11-21' }),
  note: z.string().trim().max(2000, { error: 'The note must be 2,000 characters or fewer' }),
});
