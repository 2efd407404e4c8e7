import type { CcLicence, CcRequest, CcRequestFields, Organisation } from '@shared/models/connecting-care';
import type { DosDeskDb } from '../../../db/database';
import { InputError } from '../../../db/guards';

/** Licences that count against an allocation: everything not yet deleted. */
export const COUNTED: readonly CcLicence['status'][] = ['requested', 'active', 'deletion-requested'];

/** Licences in use by an organisation. */
export async function licencesInUse(db: DosDeskDb, organisationId: string): Promise<number> {
  return (await db.ccLicences.where('organisationId').equals(organisationId).toArray()).filter((l) => COUNTED.includes(l.status)).length;
}

/** Refuses a starter who already holds a licence at the organisation. */
export async function assertNoLicenceYet(db: DosDeskDb, org: Organisation, workEmail: string): Promise<void> {
  const duplicate = (await db.ccLicences.where('holderEmail').equals(workEmail.trim().toLowerCase()).toArray()).find(
    (l) => l.organisationId === org.id && COUNTED.includes(l.status),
  );
  if (duplicate)
    throw new InputError(`${duplicate.holderName} already has a licence at ${org.name}. Make an amendment instead.`, 'workEmail');
}

/** The current licence an amendment or deletion is about; refuses when there is none. */
export async function currentLicence(db: DosDeskDb, org: Organisation, f: CcRequestFields): Promise<CcLicence> {
  const licence = await db.ccLicences.get(f.licenceId);
  if (!licence || licence.organisationId !== org.id || !['requested', 'active'].includes(licence.status)) {
    throw new InputError(
      `That person has no current Connecting Care licence at ${org.name}, so there is nothing to ${f.type === 'amendment' ? 'amend' : 'delete'}.`,
      'licenceId',
    );
  }
  return licence;
}

/**
 * What filing a request does to licences (call inside the change that files it): a starter adds a
 * requested licence; an amendment or deletion notes the request on the licence, and a deletion
 * marks it deletion-requested. Returns the licence's id.
 */
export async function licenceOnFiling(
  db: DosDeskDb,
  requestId: string,
  org: Organisation,
  f: CcRequestFields,
  licence: CcLicence | null,
  at: string,
): Promise<string> {
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
      requestIds: [requestId],
      createdAt: at,
      updatedAt: at,
    };
    await db.ccLicences.add(created);
    return created.id;
  }
  const current = (await db.ccLicences.get(licence!.id))!;
  await db.ccLicences.put({
    ...current,
    status: f.type === 'deletion' ? 'deletion-requested' : current.status,
    requestIds: [...current.requestIds, requestId],
    updatedAt: at,
  });
  return current.id;
}

/**
 * What the back office actioning a request does to its licence (call inside that change): a
 * starter's licence becomes active, a leaver's deleted, a role change takes the new role.
 */
export async function licenceOnActioned(db: DosDeskDb, request: CcRequest, at: string): Promise<void> {
  if (!request.licenceId) return;
  const licence = await db.ccLicences.get(request.licenceId);
  if (!licence) return;
  const f = request.fields;
  const next: CcLicence =
    request.type === 'new-user'
      ? { ...licence, status: 'active' }
      : request.type === 'deletion'
        ? { ...licence, status: 'deleted' }
        : f.changeKind === 'role-change'
          ? { ...licence, role: f.newRole }
          : licence;
  await db.ccLicences.put({ ...next, updatedAt: at });
}
