import { z } from 'zod';
import type { EmailFormat } from '../models/email';
import { singleLine } from '../models/text';
import { escapeHtml, textToHtmlParagraphs } from './escape';

/**
 * Every email DoS Desk writes: subject, plain text and HTML, filled from typed data. Later issues add
 * theirs here. HTML is built only from escaped values. Wording follows the seeds where they give it.
 */

const MAX_BODY = 50_000;

const Signature = z.object({
  senderName: singleLine('your name', 100),
  senderRole: singleLine('your job role', 100),
});

export interface RenderedEmail {
  subject: string;
  text: string;
  /** Null for plain-text messages. */
  html: string | null;
}

/** The seed's advice: allow 28 days for a user to validate their email (seed 000, "Validating email addresses"). */
export { EMAIL_VALIDATION_DAYS } from '../domain/requests';
import { EMAIL_VALIDATION_DAYS } from '../domain/requests';
import { serviceDeskSubject } from '../domain/connecting-care';

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

export const DosTeamNoteData = Signature.extend({
  subject: singleLine('a subject', 200),
  body: z
    .string({ error: 'Enter the message' })
    .trim()
    .min(1, { error: 'Enter the message' })
    .max(MAX_BODY, { error: `The message must be ${MAX_BODY.toLocaleString('en-GB')} characters or fewer` }),
});
export type DosTeamNoteData = z.infer<typeof DosTeamNoteData>;

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
}

function signatureText(d: z.infer<typeof Signature>): string {
  return `${d.senderName}\n${d.senderRole}`;
}

function wrapHtml(title: string, bodyHtml: string): string {
  return [
    '<!doctype html>',
    '<html lang="en-GB"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    // No inline styles: the message looks the same in DoS Desk's strict-CSP viewer as in the recipient's mail program.
    '</head><body>',
    bodyHtml,
    '</body></html>',
  ].join('\n');
}

export function renderActivation(d: ActivationData, format: EmailFormat): RenderedEmail {
  const deadline = addDays(d.registeredOn, EMAIL_VALIDATION_DAYS);
  const subject = 'Validate your email address to activate your DoS account';
  const paragraphs = [
    `Dear ${d.recipientName},`,
    `You have asked for access to the Directory of Services (DoS) for ${d.region}. We cannot approve your DoS account until you have validated your email address.`,
    d.activationLink
      ? `Please validate your email address by following this link:\n${d.activationLink}`
      : 'Please validate your email address by following the link in the email you were sent when you registered.',
    'If you cannot find that email, check your junk mail folder. If the email address you entered on the DoS is not correct, reply to tell us.',
    `Please validate your email address by ${deadline}. After that date your request will be rejected, and you will need to submit a new request and verify your email address if you still need access.`,
    'Kind regards,',
    signatureText(d),
  ];
  const text = paragraphs.join('\n\n');
  if (format === 'plain') return { subject, text, html: null };
  const linkHtml = d.activationLink
    ? `<p>Please validate your email address by following this link:<br><a href="${escapeHtml(d.activationLink)}">Validate my email address</a></p>`
    : `<p>${escapeHtml(paragraphs[2]!)}</p>`;
  const html = wrapHtml(
    subject,
    [
      `<p>${escapeHtml(paragraphs[0]!)}</p>`,
      `<p>${escapeHtml(paragraphs[1]!)}</p>`,
      linkHtml,
      `<p>${escapeHtml(paragraphs[3]!)}</p>`,
      `<p><strong>${escapeHtml(paragraphs[4]!)}</strong></p>`,
      `<p>Kind regards,<br>${escapeHtml(d.senderName)}<br>${escapeHtml(d.senderRole)}</p>`,
    ].join('\n'),
  );
  return { subject, text, html };
}

export function renderDosTeamNote(d: DosTeamNoteData, format: EmailFormat): RenderedEmail {
  const text = `${d.body}\n\n${signatureText(d)}`;
  if (format === 'plain') return { subject: d.subject, text, html: null };
  const html = wrapHtml(d.subject, `${textToHtmlParagraphs(d.body)}\n<p>${escapeHtml(d.senderName)}<br>${escapeHtml(d.senderRole)}</p>`);
  return { subject: d.subject, text, html };
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

/** Escaped text with https links made clickable. */
function linkify(text: string): string {
  return textToHtmlParagraphs(text).replace(/https:\/\/[^\s<"']+/g, (url) => `<a href="${url}">${url}</a>`);
}

export function renderRequestRejected(d: RequestRejectedData, format: EmailFormat): RenderedEmail {
  const subject = 'Your request for DoS access has been rejected';
  const intro = `Your request for access to the Directory of Services (DoS) for ${d.region} has been rejected.`;
  const text = [`Dear ${d.recipientName},`, intro, `Reason: ${d.reason}`, 'Kind regards,', signatureText(d)].join('\n\n');
  if (format === 'plain') return { subject, text, html: null };
  const html = wrapHtml(
    subject,
    [
      `<p>${escapeHtml(`Dear ${d.recipientName},`)}</p>`,
      `<p>${escapeHtml(intro)}</p>`,
      '<p><strong>Reason:</strong></p>',
      linkify(d.reason),
      `<p>Kind regards,<br>${escapeHtml(d.senderName)}<br>${escapeHtml(d.senderRole)}</p>`,
    ].join('\n'),
  );
  return { subject, text, html };
}

export const RequestApprovedData = Signature.extend({
  recipientName: singleLine("the user's name", 100),
  region: singleLine('the region', 80),
  roles: z.array(singleLine('a role', 80)).max(60),
});
export type RequestApprovedData = z.infer<typeof RequestApprovedData>;

export function renderRequestApproved(d: RequestApprovedData, format: EmailFormat): RenderedEmail {
  const subject = 'Your DoS account has been approved';
  const intro = `Your request for access to the Directory of Services (DoS) for ${d.region} has been approved.`;
  const roles = d.roles.length ? `You have been given these permissions: ${d.roles.join(', ')}.` : 'You have been given view access.';
  const text = [`Dear ${d.recipientName},`, intro, roles, 'Kind regards,', signatureText(d)].join('\n\n');
  if (format === 'plain') return { subject, text, html: null };
  const html = wrapHtml(
    subject,
    [
      `<p>${escapeHtml(`Dear ${d.recipientName},`)}</p>`,
      `<p>${escapeHtml(intro)}</p>`,
      `<p>${escapeHtml(roles)}</p>`,
      `<p>Kind regards,<br>${escapeHtml(d.senderName)}<br>${escapeHtml(d.senderRole)}</p>`,
    ].join('\n'),
  );
  return { subject, text, html };
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
  const subject = `Emergency DoS change: ${d.service} (${d.region})`;
  const rows: [string, string][] = [
    ['Service', d.service],
    ['Region', d.region],
    ['Made by', `${d.madeBy} (${d.madeByEmail})`],
    ['When', d.madeAt],
    ['What changed', what],
    ['Details', d.details],
    ['Why', d.why],
  ];
  const intro = `An emergency change was made to the DoS out of hours. It is reported to the local and regional DoS teams within 24 hours of the change (by ${d.deadline}) so that DoS leads can review and amend it as necessary, and decide whether it warrants a more permanent change.`;
  const text = [intro, rows.map(([k, v]) => `${k}: ${v}`).join('\n'), 'Kind regards,', signatureText(d)].join('\n\n');
  if (format === 'plain') return { subject, text, html: null };
  const table = `<table>${rows.map(([k, v]) => `<tr><th scope="row" align="left">${escapeHtml(k)}</th><td>${escapeHtml(v).replace(/\n/g, '<br>')}</td></tr>`).join('')}</table>`;
  const html = wrapHtml(
    subject,
    [`<p>${escapeHtml(intro)}</p>`, table, `<p>Kind regards,<br>${escapeHtml(d.senderName)}<br>${escapeHtml(d.senderRole)}</p>`].join('\n'),
  );
  return { subject, text, html };
}

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
 * The request to the organisation's local service desk. Its title is fixed by the guide:
 * "Connecting Care (starter|change|leaver) Full name of user".
 */
export function renderCcRequest(d: CcRequestData, _format: EmailFormat): RenderedEmail {
  const subject = serviceDeskSubject(d.type, d.subjectName);
  const text = [
    `Please validate this Connecting Care user request from a nominated authoriser for ${d.organisation} and forward it to the Connecting Care back office.`,
    d.rows.map((r) => `${r.label}: ${r.value || '–'}`).join('\n'),
    `Authorised by: ${d.authoriserName} (${d.authoriserEmail})`,
  ].join('\n\n');
  return { subject, text, html: null };
}

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

const rowsText = (rows: [string, string][]) => rows.map(([k, v]) => `${k}: ${v}`).join('\n');
const rowsHtml = (rows: [string, string][]) =>
  `<table>${rows.map(([k, v]) => `<tr><th scope="row" align="left">${escapeHtml(k)}</th><td>${escapeHtml(v).replace(/\n/g, '<br>')}</td></tr>`).join('')}</table>`;

/**
 * Out of hours, a contractor could not use Profile Manager, so the on-call DoS support made the
 * change in DoS: the local DoS team is told (regional team copied, which also reports the
 * emergency change within 24 hours) and asked to inform NHS.UK through the service desk (seed 002).
 */
export function renderPharmacyOnCall(d: PharmacyOnCallData, format: EmailFormat): RenderedEmail {
  const subject = `Out-of-hours pharmacy change: ${d.pharmacyName} (${d.odsCode})`;
  const rows: [string, string][] = [
    ['Pharmacy', `${d.pharmacyName} (${d.odsCode})`],
    ['Address', d.address],
    ['Region', d.region],
    ['Who called', d.contractorName],
    ['What changed', d.kind],
    ['Details', d.details],
    ['DoS entries changed', d.entries.join('\n')],
    ['Changed by', `${d.madeBy} (${d.madeByEmail})`],
    ['When', d.madeAt],
  ];
  const intro =
    'A pharmacy contractor could not use NHS Profile Manager for technical reasons, out of hours, so the on-call DoS support made this change in DoS following the usual process. It is recorded as an emergency change and reported here within 24 hours (by ' +
    `${d.deadline}).`;
  const ask = `Please inform NHS.UK through the NHS website service desk (${d.serviceDeskEmail}) at the earliest opportunity, so that the NHS website shows the same information as DoS.`;
  const text = [intro, rowsText(rows), ask, 'Kind regards,', signatureText(d)].join('\n\n');
  if (format === 'plain') return { subject, text, html: null };
  const html = wrapHtml(
    subject,
    [
      `<p>${escapeHtml(intro)}</p>`,
      rowsHtml(rows),
      `<p>${escapeHtml(ask)}</p>`,
      `<p>Kind regards,<br>${escapeHtml(d.senderName)}<br>${escapeHtml(d.senderRole)}</p>`,
    ].join('\n'),
  );
  return { subject, text, html };
}

export const PharmacyServiceDeskData = Signature.extend({ ...PharmacyFacts.omit({ entries: true }).shape });
export type PharmacyServiceDeskData = z.infer<typeof PharmacyServiceDeskData>;

/** The local DoS team's follow-up: tells the NHS website service desk what was changed in DoS, so NHS.UK matches. */
export function renderPharmacyServiceDesk(d: PharmacyServiceDeskData, format: EmailFormat): RenderedEmail {
  const subject = `Pharmacy change made in DoS out of hours: ${d.pharmacyName} (${d.odsCode})`;
  const rows: [string, string][] = [
    ['Pharmacy', `${d.pharmacyName} (${d.odsCode})`],
    ['Address', d.address],
    ['What changed', d.kind],
    ['Details', d.details],
    ['When it was changed in DoS', d.madeAt],
  ];
  const intro = `The pharmacy below could not use NHS Profile Manager, so the on-call DoS support made this change in the Directory of Services out of hours. Please make the same change on the NHS website so that NHS.UK and DoS show the same information.`;
  const text = [intro, rowsText(rows), `Kind regards,`, `${signatureText(d)}\n${d.region} DoS team`].join('\n\n');
  if (format === 'plain') return { subject, text, html: null };
  const html = wrapHtml(
    subject,
    [
      `<p>${escapeHtml(intro)}</p>`,
      rowsHtml(rows),
      `<p>Kind regards,<br>${escapeHtml(d.senderName)}<br>${escapeHtml(d.senderRole)}<br>${escapeHtml(d.region)} DoS team</p>`,
    ].join('\n'),
  );
  return { subject, text, html };
}

/** The template table: id → data schema and renderer. */
export const TEMPLATES = {
  activation: { label: 'Activation email', data: ActivationData, render: renderActivation },
  'dos-team-note': { label: 'Note to a DoS team', data: DosTeamNoteData, render: renderDosTeamNote },
  'request-rejected': { label: 'Request rejected', data: RequestRejectedData, render: renderRequestRejected },
  'request-approved': { label: 'Request approved', data: RequestApprovedData, render: renderRequestApproved },
  'cc-request': { label: 'Connecting Care request', data: CcRequestData, render: renderCcRequest },
  'emergency-change-report': { label: 'Emergency change report', data: EmergencyReportData, render: renderEmergencyReport },
  'pharmacy-on-call': { label: 'Out-of-hours pharmacy change', data: PharmacyOnCallData, render: renderPharmacyOnCall },
  'pharmacy-service-desk': {
    label: 'Pharmacy change for the NHS website service desk',
    data: PharmacyServiceDeskData,
    render: renderPharmacyServiceDesk,
  },
} as const;

export type TemplateId = keyof typeof TEMPLATES;
export const TEMPLATE_IDS = Object.keys(TEMPLATES) as [TemplateId, ...TemplateId[]];

/** Validates data for a template and renders it; throws the zod error on bad data. */
export function renderTemplate(template: TemplateId, data: unknown, format: EmailFormat): RenderedEmail {
  const entry = TEMPLATES[template];
  const parsed = entry.data.parse(data);
  return (entry.render as (d: typeof parsed, f: EmailFormat) => RenderedEmail)(parsed, format);
}
