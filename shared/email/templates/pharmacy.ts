/**
 * The pharmacy handoff emails (seed 002): out of hours, a contractor could not use Profile Manager,
 * so the on-call DoS support made the change in DoS; the local DoS team is told, and then tells the
 * NHS website service desk so NHS.UK matches.
 */
import { z } from 'zod';
import type { EmailFormat } from '../../models/email';
import { singleLine } from '../../models/text';
import { paragraph, rows, signature } from '../blocks';
import { renderEmail, type RenderedEmail } from '../render';
import { Signature } from './common';

const PharmacyFacts = z.object({
  pharmacyName: singleLine('the pharmacy name', 200),
  odsCode: singleLine('the ODS code', 12),
  address: z.string().trim().min(1).max(600),
  region: singleLine('the region', 80),
  kind: singleLine('what was changed', 80),
  details: z.string().trim().min(1).max(2000),
  madeAt: singleLine('when it was made', 80),
  entries: z.array(singleLine('a DoS entry', 300)).min(1).max(50),
});

export const PharmacyOnCallData = Signature.extend({
  ...PharmacyFacts.shape,
  contractorName: singleLine('who called', 120),
  madeBy: singleLine('who made the change', 100),
  madeByEmail: singleLine('their email address', 254),
  deadline: singleLine('the report deadline', 80),
  serviceDeskEmail: singleLine('the service desk email', 254),
});
export type PharmacyOnCallData = z.infer<typeof PharmacyOnCallData>;

/**
 * To the local DoS team (regional team copied, which also reports the emergency change within 24
 * hours), asking them to inform NHS.UK through the service desk.
 */
export function renderPharmacyOnCall(d: PharmacyOnCallData, format: EmailFormat): RenderedEmail {
  return renderEmail(
    {
      subject: `Out-of-hours pharmacy change: ${d.pharmacyName} (${d.odsCode})`,
      blocks: [
        paragraph(
          `A pharmacy contractor could not use NHS Profile Manager for technical reasons, out of hours, so the on-call DoS support made this change in DoS following the usual process. It is recorded as an emergency change and reported here within 24 hours (by ${d.deadline}).`,
        ),
        rows([
          ['Pharmacy', `${d.pharmacyName} (${d.odsCode})`],
          ['Address', d.address],
          ['Region', d.region],
          ['Who called', d.contractorName],
          ['What changed', d.kind],
          ['Details', d.details],
          ['DoS entries changed', d.entries.join('\n')],
          ['Changed by', `${d.madeBy} (${d.madeByEmail})`],
          ['When', d.madeAt],
        ]),
        paragraph(
          `Please inform NHS.UK through the NHS website service desk (${d.serviceDeskEmail}) at the earliest opportunity, so that the NHS website shows the same information as DoS.`,
        ),
        signature(d),
      ],
    },
    format,
  );
}

export const PharmacyServiceDeskData = Signature.extend({ ...PharmacyFacts.omit({ entries: true }).shape });
export type PharmacyServiceDeskData = z.infer<typeof PharmacyServiceDeskData>;

/** The local DoS team's follow-up: tells the NHS website service desk what was changed in DoS, so NHS.UK matches. */
export function renderPharmacyServiceDesk(d: PharmacyServiceDeskData, format: EmailFormat): RenderedEmail {
  return renderEmail(
    {
      subject: `Pharmacy change made in DoS out of hours: ${d.pharmacyName} (${d.odsCode})`,
      blocks: [
        paragraph(
          'The pharmacy below could not use NHS Profile Manager, so the on-call DoS support made this change in the Directory of Services out of hours. Please make the same change on the NHS website so that NHS.UK and DoS show the same information.',
        ),
        rows([
          ['Pharmacy', `${d.pharmacyName} (${d.odsCode})`],
          ['Address', d.address],
          ['What changed', d.kind],
          ['Details', d.details],
          ['When it was changed in DoS', d.madeAt],
        ]),
        signature(d, { extra: [`${d.region} DoS team`] }),
      ],
    },
    format,
  );
}
