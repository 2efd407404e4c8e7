/** The Connecting Care request to an organisation's local service desk (seed 003). */
import { z } from 'zod';
import { serviceDeskSubject } from '../../domain/connecting-care';
import type { EmailFormat } from '../../models/email';
import { singleLine } from '../../models/text';
import { paragraph, rows } from '../blocks';
import { renderEmail, type RenderedEmail } from '../render';

export const CcRequestData = z.object({
  type: z.enum(['new-user', 'amendment', 'deletion']),
  subjectName: singleLine('the name of the user', 100),
  organisation: singleLine('the organisation', 200),
  rows: z
    .array(
      z.object({
        label: singleLine('a label', 80),
        value: z
          .string()
          .max(2000)
          .refine((v) => !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(v), { error: 'Values must not contain control characters' }),
      }),
    )
    .max(40),
  authoriserName: singleLine("the authoriser's name", 100),
  authoriserEmail: singleLine("the authoriser's email", 254),
});
export type CcRequestData = z.infer<typeof CcRequestData>;

/**
 * The request to the organisation's local service desk, always plain text. Its title is fixed by
 * the guide: "Connecting Care (starter|change|leaver) Full name of user".
 */
export function renderCcRequest(d: CcRequestData, format: EmailFormat): RenderedEmail {
  return renderEmail(
    {
      subject: serviceDeskSubject(d.type, d.subjectName),
      plainOnly: true,
      blocks: [
        paragraph(
          `Please validate this Connecting Care user request from a nominated authoriser for ${d.organisation} and forward it to the Connecting Care back office.`,
        ),
        rows(d.rows.map((r) => [r.label, r.value || '–'] as const)),
        paragraph(`Authorised by: ${d.authoriserName} (${d.authoriserEmail})`),
      ],
    },
    format,
  );
}
