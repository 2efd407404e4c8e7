import { z } from 'zod';
import { ATTESTATIONS, SECONDARY_PURPOSE_STOP, type CcRequestType } from '../domain/connecting-care';
import { emailAddress, singleLine } from './text';

const Person = z.object({ name: singleLine('the name', 100), email: emailAddress() }).strict();

/** A partner organisation: its local service desk, licence allocation, authorisers and roles. */
export const OrganisationInput = z
  .object({
    name: singleLine('the organisation name', 200),
    serviceDeskEmail: emailAddress("the local service desk's email address"),
    allocationPerYear: z
      .number({ error: 'Enter the licence allocation as a whole number' })
      .int({ error: 'Enter the licence allocation as a whole number' })
      .min(0, { error: 'The licence allocation cannot be negative' })
      .max(100_000),
    authorisers: z.array(Person).min(1, { error: 'Add at least one nominated authoriser' }).max(100),
    roles: z.array(singleLine('a Connecting Care role', 120)).min(1, { error: 'Add at least one Connecting Care role' }).max(100),
  })
  .strict();
export type OrganisationInput = z.input<typeof OrganisationInput>;

export interface Organisation extends z.output<typeof OrganisationInput> {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export const ATTESTATION_IDS = ATTESTATIONS.map((a) => a.id) as [string, ...string[]];
const isoDate = (what: string) => z.iso.date({ error: `Enter ${what}, like 2026-12-31` });

/**
 * One request form for the three types. Fields that belong to another type are ignored; the
 * checks below name each missing or wrong field.
 */
export const CcRequestInput = z
  .object({
    type: z.enum(['new-user', 'amendment', 'deletion'], { error: 'Choose the type of request' }),
    organisationId: z.string().min(1, { error: 'Choose the organisation' }).max(100),
    purpose: z.enum(['direct-care', 'secondary'], { error: 'Say what the access is for' }),
    fullName: z.string().max(100).default(''),
    jobTitle: z.string().max(120).default(''),
    workEmail: z.string().max(254).default(''),
    role: z.string().max(120).default(''),
    startDate: z.string().max(10).default(''),
    temporary: z.enum(['yes', 'no']).default('no'),
    finishingDate: z.string().max(10).default(''),
    licenceId: z.string().max(100).default(''),
    changeKind: z.enum(['role-change', 'suspension', 'other', '']).default(''),
    newRole: z.string().max(120).default(''),
    changeDetails: z.string().max(2000).default(''),
    deletionReason: z.enum(['leaver', 'not-used', '']).default(''),
    lastWorkingDay: z.string().max(10).default(''),
    attestations: z.array(z.string()).default([]),
    overAllocationConfirmed: z.boolean().default(false),
  })
  .strict()
  .superRefine((r, ctx) => {
    const need = (ok: boolean, path: string, message: string) => ok || ctx.addIssue({ code: 'custom', path: [path], message });
    if (r.purpose === 'secondary') {
      ctx.addIssue({ code: 'custom', path: ['purpose'], message: SECONDARY_PURPOSE_STOP });
      return;
    }
    if (r.type === 'new-user') {
      need(singleLine('x', 100).safeParse(r.fullName).success, 'fullName', 'Enter the full name of the user, on one line');
      need(singleLine('x', 120).safeParse(r.jobTitle).success, 'jobTitle', 'Enter their job title');
      need(emailAddress().safeParse(r.workEmail).success, 'workEmail', 'Enter their work email address, like name@nhs.net');
      need(r.role.trim() !== '', 'role', 'Choose the Connecting Care role');
      need(isoDate('x').safeParse(r.startDate).success, 'startDate', 'Enter the start date, like 2026-12-01');
      if (r.temporary === 'yes') {
        const ok = isoDate('x').safeParse(r.finishingDate).success;
        need(ok, 'finishingDate', 'Temporary staff need a finishing date');
        if (ok && r.startDate && r.finishingDate < r.startDate)
          need(false, 'finishingDate', 'The finishing date must be on or after the start date');
      }
    } else {
      need(r.licenceId !== '', 'licenceId', 'Choose the licence holder');
    }
    if (r.type === 'amendment') {
      need(r.changeKind !== '', 'changeKind', 'Choose what is changing');
      if (r.changeKind === 'role-change') need(r.newRole.trim() !== '', 'newRole', 'Choose the new Connecting Care role');
      need(r.changeDetails.trim() !== '', 'changeDetails', 'Describe the change');
    }
    if (r.type === 'deletion') {
      need(r.deletionReason !== '', 'deletionReason', 'Choose why the licence is being removed');
      need(isoDate('x').safeParse(r.lastWorkingDay).success, 'lastWorkingDay', 'Enter the last working day, like 2026-12-31');
    }
    const missing = ATTESTATION_IDS.filter((id) => !r.attestations.includes(id));
    need(missing.length === 0, 'attestations', 'Confirm each of your responsibilities as an authoriser');
  });
export type CcRequestInput = z.input<typeof CcRequestInput>;
export type CcRequestFields = z.output<typeof CcRequestInput>;

/**
 * `not-queued`: the request is saved (with its effect on licences) but its email to the service
 * desk is not in the outbox yet, because main could not queue it; "Queue the email again" puts it
 * there and the request becomes `sent`. Records from before this state existed are never in it.
 */
export type CcStatus = 'not-queued' | 'sent' | 'received' | 'actioned';

export interface CcRequest {
  id: string;
  type: CcRequestType;
  organisationId: string;
  organisationName: string;
  authoriser: { name: string; email: string };
  fields: CcRequestFields;
  /** Who the request is about (new user, or the licence holder). */
  subjectName: string;
  licenceId: string | null;
  status: CcStatus;
  /** When it was filed; when its email is queued again later, when that was. */
  sentAt: string;
  receivedOn: string | null;
  actionedOn: string | null;
  resolutionNote: string;
  /**
   * A copy of what is sent to the service desk. `outboxId` is the email in the outbox, null while
   * it is not queued; `rows` are what the email lists, kept so that it can be queued again exactly
   * as filed (absent on older records, whose email was always queued before they were written).
   */
  sent: {
    subject: string;
    text: string;
    to: string;
    cc: string;
    outboxId: string | null;
    rows?: { label: string; value: string }[];
  };
  createdAt: string;
  updatedAt: string;
}

export type LicenceStatus = 'requested' | 'active' | 'deletion-requested' | 'deleted';

export interface CcLicence {
  id: string;
  organisationId: string;
  holderName: string;
  holderEmail: string;
  role: string;
  startDate: string;
  finishingDate: string | null;
  status: LicenceStatus;
  requestIds: string[];
  createdAt: string;
  updatedAt: string;
}
