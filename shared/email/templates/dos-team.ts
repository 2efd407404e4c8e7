/** Emails to DoS teams: a note typed by the operator, and the report of an emergency change. */
import { z } from 'zod';
import type { EmailFormat } from '../../models/email';
import { singleLine } from '../../models/text';
import { paragraph, rows, signature, typed } from '../blocks';
import { renderEmail, type RenderedEmail } from '../render';
import { Signature } from './common';

const MAX_BODY = 50_000;

export const DosTeamNoteData = Signature.extend({
  subject: singleLine('a subject', 200),
  body: z
    .string({ error: 'Enter the message' })
    .trim()
    .min(1, { error: 'Enter the message' })
    .max(MAX_BODY, { error: `The message must be ${MAX_BODY.toLocaleString('en-GB')} characters or fewer` }),
});
export type DosTeamNoteData = z.infer<typeof DosTeamNoteData>;

export function renderDosTeamNote(d: DosTeamNoteData, format: EmailFormat): RenderedEmail {
  return renderEmail({ subject: d.subject, blocks: [typed(d.body), signature(d, { closing: null })] }, format);
}

export const EmergencyReportData = Signature.extend({
  madeBy: singleLine('who made the change', 100),
  madeByEmail: singleLine('their email address', 254),
  madeAt: singleLine('when it was made', 80),
  service: singleLine('the service', 200),
  region: singleLine('the region', 80),
  kinds: z.array(z.enum(['capacity', 'demographic'])).min(1),
  details: z.string().trim().min(1).max(2000),
  why: z.string().trim().min(1).max(2000),
  deadline: singleLine('the report deadline', 80),
});
export type EmergencyReportData = z.infer<typeof EmergencyReportData>;

/**
 * The report of an emergency change to the local and regional DoS teams, "to allow DoS leads to
 * review and amend changes as necessary" (seed 000).
 */
export function renderEmergencyReport(d: EmergencyReportData, format: EmailFormat): RenderedEmail {
  const what = d.kinds.map((k) => (k === 'capacity' ? 'capacity' : 'demographic details')).join(' and ');
  return renderEmail(
    {
      subject: `Emergency DoS change: ${d.service} (${d.region})`,
      blocks: [
        paragraph(
          `An emergency change was made to the DoS out of hours. It is reported to the local and regional DoS teams within 24 hours of the change (by ${d.deadline}) so that DoS leads can review and amend it as necessary, and decide whether it warrants a more permanent change.`,
        ),
        rows([
          ['Service', d.service],
          ['Region', d.region],
          ['Made by', `${d.madeBy} (${d.madeByEmail})`],
          ['When', d.madeAt],
          ['What changed', what],
          ['Details', d.details],
          ['Why', d.why],
        ]),
        signature(d),
      ],
    },
    format,
  );
}
