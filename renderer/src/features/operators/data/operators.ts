import { useLiveQuery } from 'dexie-react-hooks';
import { OperatorInput, type Operator } from '@shared/models/operator';
import type { DosDeskDb } from '../../../db/database';
import { NoOperatorError } from '../../../db/audit';
import { useDb } from '../../../db/db-context';
import { InputError, inputErrorFrom } from '../../../db/guards';
import { change } from '../../../entities/desk/change';

export const CURRENT_OPERATOR_KEY = 'currentOperatorId';

function parseInput(input: unknown, allowedRegions: readonly string[]) {
  const parsed = OperatorInput.safeParse(input);
  if (!parsed.success) {
    throw inputErrorFrom(parsed.error, 'fullName');
  }
  const unknown = parsed.data.regions.find((r) => !allowedRegions.includes(r));
  if (unknown) throw new InputError(`"${unknown}" is not one of this desk's regions`, 'regions');
  return parsed.data;
}

/** An operator in words, for the audit trail. */
export function operatorSubject(operator: Pick<Operator, 'fullName'>): string {
  return `operator ${operator.fullName}`;
}

/**
 * Creates an operator and makes them the current one. Refuses a second operator with the same
 * email.
 *
 * The first-run path (and the only path: an operator always adds themselves): the new operator is
 * the actor of their own creation in the audit trail, and there may be no other operator yet (a
 * new desk). `change()` resolves its operator before it runs, so their record is added first in an
 * outer transaction, and `change()`, as them, audits it and makes them current inside that same
 * transaction (Dexie nests it): the record, its audit entry and the change log stand or fall together.
 */
export async function createOperator(
  db: DosDeskDb,
  input: unknown,
  allowedRegions: readonly string[],
  now = new Date(),
): Promise<Operator> {
  const fields = parseInput(input, allowedRegions);
  const at = now.toISOString();
  const operator: Operator = { id: crypto.randomUUID(), ...fields, createdAt: at, updatedAt: at };
  await db.transaction('rw', [db.operators, db.audit, db.settingsCache], async () => {
    if (await db.operators.where('email').equals(operator.email).count()) {
      throw new InputError('An operator with this email address already exists on this desk: switch to them instead', 'email');
    }
    await db.operators.add(operator);
    await change(
      { db, operatorId: operator.id },
      [db.settingsCache],
      async (ctx) => {
        await ctx.audit({
          entity: 'operator',
          entityId: operator.id,
          subject: operatorSubject(operator),
          action: 'operator.create',
          before: null,
          after: operator,
        });
        await db.settingsCache.put({ key: CURRENT_OPERATOR_KEY, value: operator.id });
      },
      now,
    );
  });
  return operator;
}

/** Updates an operator's profile; the actor must be an existing operator. */
export async function updateOperator(
  db: DosDeskDb,
  actorId: string | null,
  id: string,
  input: unknown,
  allowedRegions: readonly string[],
  now = new Date(),
): Promise<Operator> {
  if (!actorId) throw new NoOperatorError();
  const fields = parseInput(input, allowedRegions);
  return change(
    { db, operatorId: actorId },
    [db.operators],
    async (ctx) => {
      const before = await db.operators.get(id);
      if (!before) throw new InputError('This operator no longer exists on this desk', 'fullName');
      const clash = await db.operators.where('email').equals(fields.email).first();
      if (clash && clash.id !== id) throw new InputError('Another operator on this desk already uses this email address', 'email');
      const after: Operator = { ...before, ...fields, updatedAt: ctx.at };
      await db.operators.put(after);
      await ctx.audit({
        entity: 'operator',
        entityId: id,
        subject: operatorSubject(before),
        action: 'operator.update',
        before,
        after,
      });
      return after;
    },
    now,
  );
}

/**
 * Makes `id` the operator at the desk; remembered across restarts and written to the audit trail.
 * The operator taking over is the actor of the switch.
 */
export async function switchOperator(db: DosDeskDb, id: string, now = new Date()): Promise<Operator> {
  return change(
    { db, operatorId: id },
    [db.settingsCache],
    async (ctx) => {
      const previous = (await db.settingsCache.get(CURRENT_OPERATOR_KEY))?.value ?? null;
      await db.settingsCache.put({ key: CURRENT_OPERATOR_KEY, value: id });
      await ctx.audit({
        entity: 'session',
        entityId: 'current-operator',
        subject: 'the operator at this desk',
        action: 'operator.switch',
        before: previous,
        after: id,
      });
      return ctx.operator;
    },
    now,
  );
}

/** The remembered current operator, if they still exist. */
export async function loadCurrentOperatorId(db: DosDeskDb): Promise<string | null> {
  const row = await db.settingsCache.get(CURRENT_OPERATOR_KEY);
  if (typeof row?.value !== 'string') return null;
  return (await db.operators.get(row.value)) ? row.value : null;
}

/** All operators, by name. `undefined` while loading. */
export function useOperators(): Operator[] | undefined {
  const db = useDb();
  return useLiveQuery(() => db.operators.orderBy('fullName').toArray(), [db]);
}

export function useOperator(id: string | null | undefined): Operator | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (id ? ((await db.operators.get(id)) ?? null) : null), [db, id]);
}
