import { z } from 'zod';
import { DeliveryMethod, EmailFormat } from '@shared/models/email';
import { DosTeamNoteData } from '@shared/email/templates';
import { emailAddress } from '@shared/models/text';

const address = emailAddress();

/** Recipients typed as one line, separated by commas or semicolons; each is checked. */
export const RecipientList = z
  .string()
  .max(5000, { error: 'The list of recipients is too long' })
  .transform((text, ctx) => {
    const parts = text
      .split(/[,;]+/)
      .map((p) => p.trim())
      .filter(Boolean);
    if (!parts.length) {
      ctx.addIssue({ code: 'custom', message: 'Enter the email address of the DoS team, like london.dos@nhs.net' });
      return z.NEVER;
    }
    if (parts.length > 20) {
      ctx.addIssue({ code: 'custom', message: 'Send to 20 recipients or fewer' });
      return z.NEVER;
    }
    const checked = parts.map((p) => address.safeParse(p));
    const bad = checked.findIndex((c) => !c.success);
    if (bad !== -1) {
      ctx.addIssue({
        code: 'custom',
        message: `"${parts[bad]!.slice(0, 60)}" is not a valid email address. Enter addresses like london.dos@nhs.net`,
      });
      return z.NEVER;
    }
    return checked.map((c) => ({ address: c.data! }));
  });

/** The "note to a DoS team" form. */
export const NoteForm = z.object({
  to: RecipientList,
  subject: DosTeamNoteData.shape.subject,
  body: DosTeamNoteData.shape.body,
  format: EmailFormat,
  delivery: DeliveryMethod,
});
