import type { z } from 'zod';

/** Why a call was refused or failed. */
export type IpcErrorCode = 'unknown-channel' | 'forbidden' | 'invalid-args' | 'failed';

/** A field-level problem: `path` names the field (`regions.2`), `message` says what is wrong. */
export interface FieldProblem {
  path: string;
  message: string;
}

export interface IpcError {
  code: IpcErrorCode;
  /** A sentence a person can act on. */
  message: string;
  fields?: FieldProblem[];
}

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };

export function ok<T>(data: T): IpcResult<T> {
  return { ok: true, data };
}

export function fail(code: IpcErrorCode, message: string, fields?: FieldProblem[]): IpcResult<never> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}

/** Turns zod issues into field problems and one sentence naming every field. */
export function describeZodError(error: z.ZodError, what: string): IpcError {
  const fields = error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(argument)',
    message: issue.message,
  }));
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
  return { code: 'invalid-args', message: `${what} was refused. ${summary}`, fields };
}
