import { useLiveQuery } from 'dexie-react-hooks';
import { OperatorInput, type Operator } from '@shared/models/operator';
import type { DosDeskDb } from '../../../db/database';
import { NoOperatorError, recordAudit } from '../../../db/audit';
import { useDb } from '../../../db/db-context';
import { InputError, inputErrorFrom } from '../../../db/guards';

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

/**
 * Creates an operator and makes them the current one. The new operator is the actor of their own
 * creation in the audit trail. Refuses a second operator with the same email.
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
  await db.transaction('rw', db.operators, db.audit, db.settingsCache, async () => {
    if (await db.operators.where('email').equals(operator.email).count()) {
      throw new InputError('An operator with this email address already exists on this desk: switch to them instead', 'email');
    }
    await db.operators.add(operator);
    await recordAudit(db, {
      at,
      operatorId: operator.id,
      entity: 'operator',
      entityId: operator.id,
      action: 'operator.create',
      before: null,
      after: operator,
    });
    await db.settingsCache.put({ key: CURRENT_OPERATOR_KEY, value: operator.id });
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
  return db.transaction('rw', db.operators, db.audit, async () => {
    const before = await db.operators.get(id);
    if (!before) throw new InputError('This operator no longer exists on this desk', 'fullName');
    const clash = await db.operators.where('email').equals(fields.email).first();
    if (clash && clash.id !== id) throw new InputError('Another operator on this desk already uses this email address', 'email');
    const after: Operator = { ...before, ...fields, updatedAt: now.toISOString() };
    await db.operators.put(after);
    await recordAudit(db, {
      at: after.updatedAt,
      operatorId: actorId,
      entity: 'operator',
      entityId: id,
      action: 'operator.update',
      before,
      after,
    });
    return after;
  });
}

/** Makes `id` the operator at the desk; remembered across restarts and written to the audit trail. */
export async function switchOperator(db: DosDeskDb, id: string, now = new Date()): Promise<Operator> {
  return db.transaction('rw', db.operators, db.audit, db.settingsCache, async () => {
    const operator = await db.operators.get(id);
    if (!operator) throw new NoOperatorError();
    const previous = (await db.settingsCache.get(CURRENT_OPERATOR_KEY))?.value ?? null;
    await db.settingsCache.put({ key: CURRENT_OPERATOR_KEY, value: id });
    await recordAudit(db, {
      at: now.toISOString(),
      operatorId: id,
      entity: 'session',
      entityId: 'current-operator',
      action: 'operator.switch',
      before: previous,
      after: id,
    });
    return operator;
  });
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
