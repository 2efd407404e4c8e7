/** The emails to people who asked for a DoS account: validate your email, approved, rejected. */
import { z } from 'zod';
import { EMAIL_VALIDATION_DAYS } from '../../domain/requests';
import { addCalendarDays, formatDay } from '../../domain/london-time';
import type { EmailFormat } from '../../models/email';
import { singleLine } from '../../models/text';
import { link, paragraph, signature, typed } from '../blocks';
import { renderEmail, type RenderedEmail } from '../render';
import { Signature } from './common';

export const ActivationData = Signature.extend({
  recipientName: singleLine("the user's name", 100),
  region: singleLine('the region', 80),
  /** ISO date the request was registered; the 28-day deadline is counted from it. */
  registeredOn: z.iso.date({ error: 'Enter the date the user registered' }),
  /** The activation link from DoS, if the operator has it. */
  activationLink: z
    .url({ protocol: /^https$/, error: 'The activation link must be a web address starting https://' })
    .max(2000)
    .optional(),
});
export type ActivationData = z.infer<typeof ActivationData>;

export function renderActivation(d: ActivationData, format: EmailFormat): RenderedEmail {
  const deadline = formatDay(addCalendarDays(d.registeredOn, EMAIL_VALIDATION_DAYS));
  return renderEmail(
    {
      subject: 'Validate your email address to activate your DoS account',
      blocks: [
        paragraph(`Dear ${d.recipientName},`),
        paragraph(
          `You have asked for access to the Directory of Services (DoS) for ${d.region}. We cannot approve your DoS account until you have validated your email address.`,
        ),
        d.activationLink
          ? link('Please validate your email address by following this link:', d.activationLink, 'Validate my email address')
          : paragraph('Please validate your email address by following the link in the email you were sent when you registered.'),
        paragraph(
          'If you cannot find that email, check your junk mail folder. If the email address you entered on the DoS is not correct, reply to tell us.',
        ),
        paragraph(
          `Please validate your email address by ${deadline}. After that date your request will be rejected, and you will need to submit a new request and verify your email address if you still need access.`,
          true,
        ),
        signature(d),
      ],
    },
    format,
  );
}

export const RequestRejectedData = Signature.extend({
  recipientName: singleLine("the user's name", 100),
  region: singleLine('the region', 80),
  reason: z
    .string({ error: 'Enter the reason' })
    .trim()
    .min(1, { error: 'Enter the reason for rejecting the request' })
    .max(5000, { error: 'The reason must be 5,000 characters or fewer' }),
});
export type RequestRejectedData = z.infer<typeof RequestRejectedData>;

export function renderRequestRejected(d: RequestRejectedData, format: EmailFormat): RenderedEmail {
  return renderEmail(
    {
      subject: 'Your request for DoS access has been rejected',
      blocks: [
        paragraph(`Dear ${d.recipientName},`),
        paragraph(`Your request for access to the Directory of Services (DoS) for ${d.region} has been rejected.`),
        typed(d.reason, { label: 'Reason', links: true }),
        signature(d),
      ],
    },
    format,
  );
}

export const RequestApprovedData = Signature.extend({
  recipientName: singleLine("the user's name", 100),
  region: singleLine('the region', 80),
  roles: z.array(singleLine('a role', 80)).max(60),
});
export type RequestApprovedData = z.infer<typeof RequestApprovedData>;

export function renderRequestApproved(d: RequestApprovedData, format: EmailFormat): RenderedEmail {
  return renderEmail(
    {
      subject: 'Your DoS account has been approved',
      blocks: [
        paragraph(`Dear ${d.recipientName},`),
        paragraph(`Your request for access to the Directory of Services (DoS) for ${d.region} has been approved.`),
        paragraph(d.roles.length ? `You have been given these permissions: ${d.roles.join(', ')}.` : 'You have been given view access.'),
        signature(d),
      ],
    },
    format,
  );
}
