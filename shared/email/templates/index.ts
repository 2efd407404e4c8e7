/**
 * Every email DoS Desk writes: subject, plain text and HTML, filled from typed data. Each template
 * lists its blocks once (`../blocks.ts`) and one renderer (`../render.ts`) writes them as text and
 * as HTML; HTML is built only from escaped values. Wording follows the seeds where they give it.
 * Later issues add theirs to the table below.
 */
import type { EmailFormat } from '../../models/email';
import type { RenderedEmail } from '../render';
import { CcRequestData, renderCcRequest } from './connecting-care';
import { DosTeamNoteData, EmergencyReportData, renderDosTeamNote, renderEmergencyReport } from './dos-team';
import { PharmacyOnCallData, PharmacyServiceDeskData, renderPharmacyOnCall, renderPharmacyServiceDesk } from './pharmacy';
import {
  ActivationData,
  RequestApprovedData,
  RequestRejectedData,
  renderActivation,
  renderRequestApproved,
  renderRequestRejected,
} from './requests';

export type { RenderedEmail } from '../render';
/** The seed's advice: allow 28 days for a user to validate their email (seed 000, "Validating email addresses"). */
export { EMAIL_VALIDATION_DAYS } from '../../domain/requests';
export * from './connecting-care';
export * from './dos-team';
export * from './pharmacy';
export * from './requests';

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
