import type { Operator } from '@shared/models/operator';
import { NoOperatorError } from './audit';
import type { DosDeskDb } from './database';

/** The operator making a change; refuses when there is none (nothing is written without one). */
export async function requireOperator(db: DosDeskDb, operatorId: string | null | undefined): Promise<Operator> {
  const operator = operatorId ? await db.operators.get(operatorId) : undefined;
  if (!operator) throw new NoOperatorError();
  return operator;
}

/**
 * Raised when an operator acts outside the regions where they hold approveUser (seed 000: "You will
 * only see requests for regions you have access to"; users with approveUser manage permissions).
 */
export class ScopeError extends Error {
  constructor(
    message: string,
    readonly field = 'regions',
  ) {
    super(message);
    this.name = 'ScopeError';
  }
}

/** Regions where the operator may manage DoS accounts. */
export function managedRegions(operator: Operator): Set<string> {
  return new Set(operator.approveUserRegions);
}

/** A problem with input, naming its field. Nothing has been written when it is thrown. */
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
