import Papa from 'papaparse';
import type { Operator } from '@shared/models/operator';
import { RequestInput, type RequestFields } from '@shared/models/request';
import type { DosDeskDb } from '../../../db/database';
import { InputError, managedRegions } from '../../../db/guards';
import { change } from '../../../entities/desk/change';
import { plainErrorMessage } from '../../../platform/plain-error';
import { assertInScope, assertNotDuplicate, newRequest, requestSubject } from './request-rules';

/** Importing requests from a CSV file: a preview that writes nothing, then the new rows in one change. */

export interface RequestImportRow {
  line: number;
  status: 'new' | 'duplicate' | 'invalid';
  reason: string | null;
  fields: RequestFields | null;
  raw: Record<string, string>;
}

export const REQUEST_CSV_COLUMNS = [
  'fullName',
  'email',
  'phone',
  'organisation',
  'jobTitle',
  'region',
  'userType',
  'reason',
  'servicesNeeded',
  'registeredOn',
  'emailValidatedOn',
] as const;

/** Sorts CSV rows into new, duplicate and invalid (with the reason), writing nothing. */
export async function previewRequestsCsv(db: DosDeskDb, operator: Operator, csv: string): Promise<RequestImportRow[]> {
  const parsed = Papa.parse<Record<string, string>>(csv.trim(), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const required = REQUEST_CSV_COLUMNS.filter((c) => !['phone', 'servicesNeeded', 'emailValidatedOn'].includes(c));
  const missing = required.filter((c) => !(parsed.meta.fields ?? []).includes(c));
  if (missing.length)
    throw new InputError(`The file needs the columns ${REQUEST_CSV_COLUMNS.join(', ')}. Missing: ${missing.join(', ')}.`, 'csv');
  const scope = managedRegions(operator);
  const seen = new Set<string>();
  const rows: RequestImportRow[] = [];
  for (const [i, raw] of parsed.data.entries()) {
    const line = i + 2;
    const candidate = {
      ...Object.fromEntries(REQUEST_CSV_COLUMNS.map((c) => [c, (raw[c] ?? '').trim()])),
      emailValidatedOn: (raw.emailValidatedOn ?? '').trim() || null,
    };
    const checked = RequestInput.safeParse(candidate);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      rows.push({ line, status: 'invalid', reason: `${issue.path.join('.')}: ${issue.message}`, fields: null, raw });
      continue;
    }
    const f = checked.data;
    if (!scope.has(f.region)) {
      rows.push({ line, status: 'invalid', reason: `region: you do not hold approveUser in ${f.region}`, fields: null, raw });
      continue;
    }
    try {
      if (seen.has(f.email)) throw new InputError('appears earlier in this file', 'email');
      await assertNotDuplicate(db, f.email, null);
      seen.add(f.email);
      rows.push({ line, status: 'new', reason: null, fields: f, raw });
    } catch (e) {
      rows.push({ line, status: 'duplicate', reason: plainErrorMessage(e), fields: f, raw });
    }
  }
  return rows;
}

/** Writes the new rows of a preview, all or nothing, each audited. */
export async function importRequests(
  db: DosDeskDb,
  operatorId: string | null,
  rows: readonly RequestImportRow[],
  now = new Date(),
): Promise<number> {
  const fresh = rows.filter((r) => r.status === 'new' && r.fields);
  return change(
    { db, operatorId },
    [db.requests, db.accounts],
    async (ctx) => {
      for (const row of fresh) {
        assertInScope(ctx.operator, row.fields!.region);
        await assertNotDuplicate(db, row.fields!.email, null);
        const request = newRequest(row.fields!, ctx.at);
        await db.requests.add(request);
        await ctx.audit({
          entity: 'request',
          entityId: request.id,
          subject: requestSubject(request),
          action: 'request.import',
          before: null,
          after: request,
        });
      }
      return fresh.length;
    },
    now,
  );
}
