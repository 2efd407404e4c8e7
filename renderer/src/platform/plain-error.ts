/**
 * Errors the browser or Dexie raise are written for programmers ("QuotaExceededError",
 * "DatabaseClosedError: Database has been closed"). This turns them into what happened and what to
 * do. Errors DoS Desk wrote for a person (InputError, a main-process message…) pass
 * through unchanged.
 */

const DISK_FULL =
  'The computer’s disk is full, so DoS Desk could not save this. Nothing was changed. Free some space (for example empty the Recycle Bin or delete old downloads), then try again.';
const ALREADY_SAVED =
  'This would save a record a second time: one with the same details is already saved. Nothing was changed. Check the list for it, then try again.';
const CLOSED =
  'DoS Desk’s records were closed while this was being saved (perhaps another DoS Desk window updated them). Nothing was changed. Close and reopen DoS Desk, then try again.';
const UNEXPECTED =
  'Something unexpected went wrong, so this was not finished. Try again; if it keeps happening, close and reopen DoS Desk.';

/** Raised by IndexedDB, Dexie or the JavaScript engine: never shown as they are. */
const TECHNICAL = new Set([
  'AbortError',
  'BulkError',
  'ConstraintError',
  'DataCloneError',
  'DataError',
  'DatabaseClosedError',
  'EvalError',
  'ForeignAwaitError',
  'InternalError',
  'InvalidAccessError',
  'InvalidStateError',
  'InvalidTableError',
  'MissingAPIError',
  'ModifyError',
  'NotFoundError',
  'OpenFailedError',
  'PrematureCommitError',
  'QuotaExceededError',
  'RangeError',
  'ReadOnlyError',
  'ReferenceError',
  'SchemaError',
  'SubTransactionError',
  'SyntaxError',
  'TimeoutError',
  'TransactionInactiveError',
  'TypeError',
  'UnknownError',
  'UpgradeError',
  'URIError',
  'VersionChangeError',
  'VersionError',
]);

/** The error's name, the names of what it wraps (Dexie's `inner`, `cause`, a bulk write's failures). */
function names(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 5) return [];
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown; message?: unknown };
  const own = typeof e.name === 'string' ? [e.name] : [];
  // Chromium reports a full disk inside an AbortError's message on some paths.
  if (typeof e.message === 'string' && /QuotaExceeded|quota/i.test(e.message)) own.push('QuotaExceededError');
  const failures = Array.isArray(e.failures) ? e.failures.slice(0, 5) : [];
  return [...own, ...[e.inner, e.cause, ...failures].flatMap((inner) => names(inner, depth + 1))];
}

/** A sentence a person can act on, for anything caught around a save or a load. */
export function plainErrorMessage(error: unknown): string {
  if (typeof error === 'string') return error;
  const all = names(error);
  if (all.includes('QuotaExceededError')) return DISK_FULL;
  if (all.includes('ConstraintError')) return ALREADY_SAVED;
  if (all.some((n) => n === 'DatabaseClosedError' || n === 'OpenFailedError' || n === 'VersionChangeError')) return CLOSED;
  // A schema check that escaped its form: its own messages are written for people.
  const issues = (error as { name?: unknown; issues?: unknown }).issues;
  if ((error as { name?: unknown }).name === 'ZodError' && Array.isArray(issues) && issues.length)
    return issues.map((i: { message?: unknown }) => String(i.message)).join(' ');
  if (!(error instanceof Error) || TECHNICAL.has(error.name) || all.some((n) => TECHNICAL.has(n))) return UNEXPECTED;
  return error.message;
}
