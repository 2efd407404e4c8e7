import { OrganisationInput, type Organisation } from '@shared/models/connecting-care';
import type { Operator } from '@shared/models/operator';
import type { DosDeskDb } from '../../../db/database';
import { InputError, inputErrorFrom } from '../../../db/guards';
import { change } from '../../../entities/desk/change';

/** A partner organisation in words, for the audit trail. */
export function organisationSubject(org: Pick<Organisation, 'name'>): string {
  return `Connecting Care organisation ${org.name}`;
}

/** Adds or updates a partner organisation, as one change. */
export async function saveOrganisation(
  db: DosDeskDb,
  operatorId: string | null,
  input: unknown,
  id: string | null,
  now = new Date(),
): Promise<Organisation> {
  const parsed = OrganisationInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'name');
  return change(
    { db, operatorId },
    [db.ccOrganisations],
    async (ctx) => {
      const before = id ? await db.ccOrganisations.get(id) : undefined;
      if (id && !before) throw new InputError('This organisation no longer exists.', 'name');
      const clash = (await db.ccOrganisations.toArray()).find(
        (o) => o.name.toLowerCase() === parsed.data.name.toLowerCase() && o.id !== id,
      );
      if (clash) throw new InputError('There is already an organisation with this name.', 'name');
      const after: Organisation = { ...(before ?? { id: crypto.randomUUID(), createdAt: ctx.at }), ...parsed.data, updatedAt: ctx.at };
      await db.ccOrganisations.put(after);
      await ctx.audit({
        entity: 'cc-organisation',
        entityId: after.id,
        subject: organisationSubject(after),
        action: before ? 'cc.organisation-update' : 'cc.organisation-create',
        before: before ?? null,
        after,
      });
      return after;
    },
    now,
  );
}

/** Refuses an operator who is not one of the organisation's nominated authorisers. */
export function assertAuthoriser(operator: Operator, org: Organisation): void {
  if (!org.authorisers.some((a) => a.email.toLowerCase() === operator.email.toLowerCase())) {
    throw new InputError(
      `Only ${org.name}'s nominated authorisers can make Connecting Care requests for it, and ${operator.email} is not one of them. Ask the organisation to add you, or switch to an authoriser.`,
      'organisationId',
    );
  }
}
