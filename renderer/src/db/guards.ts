import type { IpcResult } from '@shared/ipc/result';
import type { Operator } from '@shared/models/operator';
import { NoOperatorError } from './audit';
import type { DosDeskDb } from './database';

/** The operator making a change; refuses when there is none (nothing is written without one). */
export async function requireOperator(db: DosDeskDb, operatorId: string | null | undefined): Promise<Operator> {
  const operator = operatorId ? await db.operators.get(operatorId) : undefined;
  if (!operator) throw new NoOperatorError();
  return operator;
}

/** Regions where the operator may manage DoS accounts. */
export function managedRegions(operator: Operator): Set<string> {
  return new Set(operator.approveUserRegions);
}

/**
 * The one error for a change refused because of what was asked: a value that is wrong, or a record
 * or region the operator may not act on (seed 000: "You will only see requests for regions you have
 * access to"). It names the field the person should look at, so a form shows it there. Nothing has
 * been written when it is thrown.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** First zod issue as an InputError naming the field. */
export function inputErrorFrom(error: { issues: { path: PropertyKey[]; message: string }[] }, fallbackField: string): InputError {
  const issue = error.issues[0]!;
  return new InputError(issue.message, issue.path.map(String).join('.') || fallbackField);
}

/**
 * Main refused or could not finish a call. When it names a field (main's `fields`), this is an
 * InputError for that field; otherwise an Error carrying main's sentence, which is written for a
 * person.
 */
export function refusedByMain(error: { message: string; fields?: readonly { path: string }[] }): Error {
  const field = error.fields?.[0]?.path;
  return field ? new InputError(error.message, field) : new Error(error.message);
}

/** What main answered, or its refusal thrown (`refusedByMain`). */
export function fromMain<T>(result: IpcResult<T>): T {
  if (!result.ok) throw refusedByMain(result.error);
  return result.data;
}
