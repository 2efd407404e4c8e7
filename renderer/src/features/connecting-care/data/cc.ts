import type { DosDeskApi } from '@shared/ipc/api';
import { actionDueDate, checkAllocation, isActionOverdue, type CcRequestType } from '@shared/domain/connecting-care';
import { londonDate } from '@shared/domain/london-time';
import {
  CcRequestInput,
  OrganisationInput,
  type CcLicence,
  type CcRequest,
  type CcRequestFields,
  type Organisation,
} from '@shared/models/connecting-care';
import type { DeliveryMethod } from '@shared/models/email';
import type { Operator } from '@shared/models/operator';
import type { Settings } from '@shared/models/settings';
import { recordAudit } from '../../../db/audit';
import type { DosDeskDb } from '../../../db/database';
import { InputError, inputErrorFrom, requireOperator } from '../../../db/guards';
import { queueEmailAudited } from '../../../db/outbox-writes';

/** Licences that count against an allocation: everything not yet deleted. */
export const COUNTED: readonly CcLicence['status'][] = ['requested', 'active', 'deletion-requested'];

/** Adds or updates a partner organisation, audited. */
export async function saveOrganisation(
  db: DosDeskDb,
  operatorId: string | null,
  input: unknown,
  id: string | null,
  now = new Date(),
): Promise<Organisation> {
  const parsed = OrganisationInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'name');
  return db.transaction('rw', [db.ccOrganisations, db.audit, db.operators], async () => {
    const operator = await requireOperator(db, operatorId);
    const at = now.toISOString();
    const before = id ? await db.ccOrganisations.get(id) : undefined;
    if (id && !before) throw new InputError('This organisation no longer exists.', 'name');
    const clash = (await db.ccOrganisations.toArray()).find((o) => o.name.toLowerCase() === parsed.data.name.toLowerCase() && o.id !== id);
    if (clash) throw new InputError('There is already an organisation with this name.', 'name');
    const after: Organisation = { ...(before ?? { id: crypto.randomUUID(), createdAt: at }), ...parsed.data, updatedAt: at };
    await db.ccOrganisations.put(after);
    await recordAudit(db, {
      at,
      operatorId: operator.id,
      entity: 'cc-organisation',
      entityId: after.id,
      action: before ? 'cc.organisation-update' : 'cc.organisation-create',
      before: before ?? null,
      after,
    });
    return after;
  });
}

/** Licences in use by an organisation. */
export async function licencesInUse(db: DosDeskDb, organisationId: string): Promise<number> {
  return (await db.ccLicences.where('organisationId').equals(organisationId).toArray()).filter((l) => COUNTED.includes(l.status)).length;
}

function assertAuthoriser(operator: Operator, org: Organisation): void {
  if (!org.authorisers.some((a) => a.email.toLowerCase() === operator.email.toLowerCase())) {
    throw new InputError(
      `Only ${org.name}'s nominated authorisers can make Connecting Care requests for it, and ${operator.email} is not one of them. Ask the organisation to add you, or switch to an authoriser.`,
      'organisationId',
    );
  }
}

function rowsFor(
  type: CcRequestType,
  f: CcRequestFields,
  org: Organisation,
  licence: CcLicence | null,
): { label: string; value: string }[] {
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

export interface FileResult {
  request: CcRequest;
}

/**
 * Files a Connecting Care request: checks it, emails it to the organisation's local service desk
 * through the outbox with the authoriser copied in, then records it (with a copy of what was sent)
 * and its effect on licences. Nothing is written or sent when a check fails.
 */
export async function fileCcRequest(
  s: { db: DosDeskDb; api: DosDeskApi; operatorId: string | null; delivery: DeliveryMethod },
  input: unknown,
  settings: Pick<Settings, 'connectingCare'>,
  now = new Date(),
): Promise<CcRequest> {
  const parsed = CcRequestInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'type');
  const f = parsed.data;
  const operator = await requireOperator(s.db, s.operatorId);
  const org = await s.db.ccOrganisations.get(f.organisationId);
  if (!org) throw new InputError('Choose an organisation that is set up on this desk.', 'organisationId');
  if (!org.serviceDeskEmail)
    throw new InputError(`${org.name} has no local service desk email. Add it to the organisation first.`, 'organisationId');
  assertAuthoriser(operator, org);
  let licence: CcLicence | null = null;
  if (f.type === 'new-user') {
    if (!org.roles.includes(f.role)) throw new InputError(`"${f.role}" is not one of ${org.name}'s Connecting Care roles.`, 'role');
    const duplicate = (await s.db.ccLicences.where('holderEmail').equals(f.workEmail.trim().toLowerCase()).toArray()).find(
      (l) => l.organisationId === org.id && COUNTED.includes(l.status),
    );
    if (duplicate)
      throw new InputError(`${duplicate.holderName} already has a licence at ${org.name}. Make an amendment instead.`, 'workEmail');
    const check = checkAllocation(await licencesInUse(s.db, org.id), org.allocationPerYear, settings.connectingCare.warnPercent);
    if (check.over && !f.overAllocationConfirmed) {
      throw new InputError(
        `${org.name} has ${check.used} of its ${check.allocation} licences in use. This request would go over the allocation: confirm that you want to go over it.`,
        'overAllocationConfirmed',
      );
    }
  } else {
    licence = (await s.db.ccLicences.get(f.licenceId)) ?? null;
    if (!licence || licence.organisationId !== org.id || !['requested', 'active'].includes(licence.status)) {
      throw new InputError(
        `That person has no current Connecting Care licence at ${org.name}, so there is nothing to ${f.type === 'amendment' ? 'amend' : 'delete'}.`,
        'licenceId',
      );
    }
    if (f.type === 'amendment' && f.changeKind === 'role-change' && !org.roles.includes(f.newRole))
      throw new InputError(`"${f.newRole}" is not one of ${org.name}'s Connecting Care roles.`, 'newRole');
  }
  const subjectName = f.type === 'new-user' ? f.fullName.trim() : licence!.holderName;
  const authoriser = org.authorisers.find((a) => a.email.toLowerCase() === operator.email.toLowerCase())!;
  const entry = await queueEmailAudited(s.db, s.api, operator.id, {
    template: 'cc-request',
    data: {
      type: f.type,
      subjectName,
      organisation: org.name,
      rows: rowsFor(f.type, f, org, licence),
      authoriserName: authoriser.name,
      authoriserEmail: authoriser.email,
    },
    from: { name: operator.fullName, address: operator.email },
    to: [{ name: `${org.name} service desk`, address: org.serviceDeskEmail }],
    cc: [{ name: authoriser.name, address: authoriser.email }],
    format: 'plain',
    delivery: s.delivery,
    relatedTo: null,
  });
  const sentCopy = await s.api.getOutboxEntry(entry.id);
  return s.db.transaction('rw', [s.db.ccRequests, s.db.ccLicences, s.db.audit, s.db.operators], async () => {
    const at = now.toISOString();
    const id = crypto.randomUUID();
    let licenceId = licence?.id ?? null;
    if (f.type === 'new-user') {
      const created: CcLicence = {
        id: crypto.randomUUID(),
        organisationId: org.id,
        holderName: f.fullName.trim(),
        holderEmail: f.workEmail.trim().toLowerCase(),
        role: f.role,
        startDate: f.startDate,
        finishingDate: f.temporary === 'yes' ? f.finishingDate : null,
        status: 'requested',
        requestIds: [id],
        createdAt: at,
        updatedAt: at,
      };
      await s.db.ccLicences.add(created);
      licenceId = created.id;
    } else {
      const current = (await s.db.ccLicences.get(licence!.id))!;
      await s.db.ccLicences.put({
        ...current,
        status: f.type === 'deletion' ? 'deletion-requested' : current.status,
        requestIds: [...current.requestIds, id],
        updatedAt: at,
      });
    }
    const request: CcRequest = {
      id,
      type: f.type,
      organisationId: org.id,
      organisationName: org.name,
      authoriser,
      fields: f,
      subjectName,
      licenceId,
      status: 'sent',
      sentAt: at,
      receivedOn: null,
      actionedOn: null,
      resolutionNote: '',
      sent: {
        subject: entry.subject,
        text: sentCopy.ok ? sentCopy.data.text : '',
        to: org.serviceDeskEmail,
        cc: authoriser.email,
        outboxId: entry.id,
      },
      createdAt: at,
      updatedAt: at,
    };
    await s.db.ccRequests.add(request);
    await recordAudit(s.db, {
      at,
      operatorId: operator.id,
      entity: 'cc-request',
      entityId: id,
      action: `cc.request-${f.type}`,
      before: null,
      after: request,
    });
    return request;
  });
}

/** Tracking: the back office received it (the 5-day target starts), then actioned it. */
export async function trackCcRequest(
  db: DosDeskDb,
  operatorId: string | null,
  id: string,
  step: { receivedOn: string } | { actionedOn: string; resolutionNote: string },
  now = new Date(),
): Promise<CcRequest> {
  const date = 'receivedOn' in step ? step.receivedOn : step.actionedOn;
  const field = 'receivedOn' in step ? 'receivedOn' : 'actionedOn';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new InputError('Enter the date, like 2026-11-21', field);
  if (date > londonDate(now)) throw new InputError('The date cannot be in the future.', field);
  return db.transaction('rw', [db.ccRequests, db.ccLicences, db.audit, db.operators], async () => {
    const operator = await requireOperator(db, operatorId);
    const before = await db.ccRequests.get(id);
    if (!before) throw new InputError('This request no longer exists.', field);
    const at = now.toISOString();
    let after: CcRequest;
    if ('receivedOn' in step) {
      if (before.status !== 'sent') throw new InputError('The receipt by the back office is already recorded.', field);
      if (date < before.sentAt.slice(0, 10)) throw new InputError('The back office cannot have received it before it was sent.', field);
      after = { ...before, status: 'received', receivedOn: date, updatedAt: at };
    } else {
      if (before.status !== 'received') throw new InputError('Record when the back office received the request first.', field);
      if (date < before.receivedOn!) throw new InputError('It cannot have been actioned before it was received.', field);
      after = { ...before, status: 'actioned', actionedOn: date, resolutionNote: step.resolutionNote.trim().slice(0, 2000), updatedAt: at };
      if (before.licenceId) {
        const licence = await db.ccLicences.get(before.licenceId);
        if (licence) {
          const f = before.fields;
          const next: CcLicence =
            before.type === 'new-user'
              ? { ...licence, status: 'active' }
              : before.type === 'deletion'
                ? { ...licence, status: 'deleted' }
                : f.changeKind === 'role-change'
                  ? { ...licence, role: f.newRole }
                  : licence;
          await db.ccLicences.put({ ...next, updatedAt: at });
        }
      }
    }
    await db.ccRequests.put(after);
    await recordAudit(db, {
      at,
      operatorId: operator.id,
      entity: 'cc-request',
      entityId: id,
      action: `cc.${after.status}`,
      before: { status: before.status },
      after: { status: after.status, date, note: after.resolutionNote },
    });
    return after;
  });
}

/** The date the back office should action a received request by, and whether it is overdue. */
export function targetFor(
  request: CcRequest,
  unit: 'working-days' | 'calendar-days',
  holidays: ReadonlySet<string>,
  today: string,
): { due: string | null; overdue: boolean } {
  if (!request.receivedOn) return { due: null, overdue: false };
  const due = actionDueDate(request.receivedOn, unit, holidays);
  return { due, overdue: isActionOverdue(due, request.actionedOn, today) };
}
