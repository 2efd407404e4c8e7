import type { CcRequestType } from '@shared/domain/connecting-care';
import { CcRequestData, renderCcRequest } from '@shared/email/templates';
import type { CcLicence, CcRequest, CcRequestFields, Organisation } from '@shared/models/connecting-care';
import type { Operator } from '@shared/models/operator';
import { inputErrorFrom } from '../../../db/guards';
import type { EmailDraft } from '../../../entities/email/change-then-email';

/** The email to an organisation's local service desk that a Connecting Care request is. */

type Rows = { label: string; value: string }[];

/** What the email lists for each type of request. */
export function rowsFor(type: CcRequestType, f: CcRequestFields, org: Organisation, licence: CcLicence | null): Rows {
  const common = [
    {
      label: 'Request type',
      value: type === 'new-user' ? 'New user (starter)' : type === 'amendment' ? 'Amendment (change)' : 'Deletion (leaver)',
    },
    { label: 'Organisation', value: org.name },
    { label: 'Purpose', value: 'Direct care' },
  ];
  if (type === 'new-user') {
    return [
      ...common,
      { label: 'Full name', value: f.fullName.trim() },
      { label: 'Job title', value: f.jobTitle.trim() },
      { label: 'Work email', value: f.workEmail.trim().toLowerCase() },
      { label: 'Connecting Care role', value: f.role },
      { label: 'Start date', value: f.startDate },
      { label: 'Temporary staff', value: f.temporary === 'yes' ? 'Yes' : 'No' },
      ...(f.temporary === 'yes' ? [{ label: 'Finishing date', value: f.finishingDate }] : []),
    ];
  }
  const holder = [
    { label: 'Licence holder', value: licence!.holderName },
    { label: 'Licence holder email', value: licence!.holderEmail },
    { label: 'Current role', value: licence!.role },
  ];
  if (type === 'amendment') {
    const kind = { 'role-change': 'Role change', suspension: 'Suspension to report', other: 'Other change', '': '' }[f.changeKind];
    return [
      ...common,
      ...holder,
      { label: 'What changes', value: kind },
      ...(f.changeKind === 'role-change' ? [{ label: 'New role', value: f.newRole }] : []),
      { label: 'Details', value: f.changeDetails.trim() },
    ];
  }
  return [
    ...common,
    ...holder,
    { label: 'Reason', value: f.deletionReason === 'leaver' ? 'Leaver' : 'Licence not used' },
    { label: 'Last working day', value: f.lastWorkingDay },
  ];
}

type Filed = Pick<CcRequest, 'id' | 'type' | 'subjectName' | 'organisationName' | 'authoriser'> & {
  serviceDeskEmail: string;
  rows: Rows;
};

function templateData(r: Filed): CcRequestData {
  const parsed = CcRequestData.safeParse({
    type: r.type,
    subjectName: r.subjectName,
    organisation: r.organisationName,
    rows: r.rows,
    authoriserName: r.authoriser.name,
    authoriserEmail: r.authoriser.email,
  });
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'type');
  return parsed.data;
}

/**
 * The copy of the email kept on the request, rendered as main renders it (the same template), so
 * that the request shows what goes to the service desk whether or not it is queued yet. Refuses,
 * before anything is written, data that main would refuse.
 */
export function sentCopy(r: Filed): CcRequest['sent'] {
  const email = renderCcRequest(templateData(r), 'plain');
  return { subject: email.subject, text: email.text, to: r.serviceDeskEmail, cc: r.authoriser.email, outboxId: null, rows: r.rows };
}

/** The email itself, from the operator, to the service desk with the authoriser copied in. */
export function ccDraft(r: Filed, operator: Operator): EmailDraft {
  return {
    template: 'cc-request',
    data: templateData(r),
    from: { name: operator.fullName, address: operator.email },
    to: [{ name: `${r.organisationName} service desk`, address: r.serviceDeskEmail }],
    cc: [{ name: r.authoriser.name, address: r.authoriser.email }],
    format: 'plain',
    relatedTo: r.id,
  };
}
