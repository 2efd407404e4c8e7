import { useLiveQuery } from 'dexie-react-hooks';
import Papa from 'papaparse';
import { ServiceInput, type Service, type ServiceFields } from '@shared/models/service';
import { wouldCycle } from '@shared/domain/service-tree';
import type { DosDeskDb } from '../../../db/database';
import { useDb } from '../../../db/db-context';
import { InputError, inputErrorFrom } from '../../../db/guards';
import { change } from '../../../entities/desk/change';

/** A service in words, for the audit trail. */
export const serviceSubject = (service: Pick<Service, 'name'>) => `service ${service.name}`;

/** A service starts active, with no suspension, closure or capacity status yet. */
const NEW_SERVICE_STATE = { status: 'active', suspension: null, closure: null, capacity: null } as const;

async function checkService(db: DosDeskDb, fields: ServiceFields, id: string | null, regions: readonly string[]): Promise<void> {
  if (!regions.includes(fields.region)) throw new InputError(`"${fields.region}" is not one of this desk's regions`, 'region');
  if (fields.parentId) {
    const parent = await db.services.get(fields.parentId);
    if (!parent) throw new InputError('The parent service no longer exists. Choose another parent.', 'parentId');
    if (id && wouldCycle(id, fields.parentId, await db.services.toArray()))
      throw new InputError('A service cannot sit under itself or one of its own child services.', 'parentId');
  }
}

/** Adds a service to the directory, audited. */
export async function createService(
  db: DosDeskDb,
  operatorId: string | null,
  input: unknown,
  regions: readonly string[],
  now = new Date(),
): Promise<Service> {
  const parsed = ServiceInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'name');
  return change(
    { db, operatorId },
    [db.services],
    async (ctx) => {
      await checkService(db, parsed.data, null, regions);
      const service: Service = { id: crypto.randomUUID(), ...parsed.data, ...NEW_SERVICE_STATE, createdAt: ctx.at, updatedAt: ctx.at };
      await db.services.add(service);
      await ctx.audit({
        entity: 'service',
        entityId: service.id,
        subject: serviceSubject(service),
        action: 'service.create',
        before: null,
        after: service,
      });
      return service;
    },
    now,
  );
}

export async function updateService(
  db: DosDeskDb,
  operatorId: string | null,
  id: string,
  input: unknown,
  regions: readonly string[],
  now = new Date(),
): Promise<Service> {
  const parsed = ServiceInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'name');
  return change(
    { db, operatorId },
    [db.services],
    async (ctx) => {
      const before = await db.services.get(id);
      if (!before) throw new InputError('This service no longer exists.', 'name');
      await checkService(db, parsed.data, id, regions);
      const after: Service = { ...before, ...parsed.data, updatedAt: ctx.at };
      await db.services.put(after);
      await ctx.audit({ entity: 'service', entityId: id, subject: serviceSubject(after), action: 'service.update', before, after });
      return after;
    },
    now,
  );
}

export interface ImportRow {
  line: number;
  status: 'new' | 'duplicate' | 'invalid';
  reason: string | null;
  fields: ServiceFields | null;
  raw: Record<string, string>;
}

const HEADERS = ['name', 'serviceType', 'odsCode', 'region', 'parentOdsCode'] as const;

/**
 * Reads a services CSV (columns: name, serviceType, odsCode, region, parentOdsCode) and sorts each
 * row into new, duplicate (same ODS code, or same name in the same region, already there or
 * earlier in the file) or invalid with its reason. Writes nothing.
 */
export async function previewServicesCsv(db: DosDeskDb, csv: string, regions: readonly string[]): Promise<ImportRow[]> {
  const parsed = Papa.parse<Record<string, string>>(csv.trim(), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const missing = HEADERS.filter((h) => h !== 'parentOdsCode' && !(parsed.meta.fields ?? []).includes(h));
  if (missing.length) throw new InputError(`The file needs the columns ${HEADERS.join(', ')}. Missing: ${missing.join(', ')}.`, 'csv');
  const existing = await db.services.toArray();
  const byOds = new Map(existing.filter((s) => s.odsCode).map((s) => [s.odsCode, s]));
  const seenOds = new Set<string>();
  const seenName = new Set(existing.map((s) => `${s.region}|${s.name.toLowerCase()}`));
  const fileOds = new Set<string>();
  return parsed.data.map((raw, i) => {
    const line = i + 2;
    const parentOds = (raw.parentOdsCode ?? '').trim().toUpperCase();
    const candidate = {
      name: raw.name ?? '',
      serviceType: raw.serviceType ?? '',
      odsCode: raw.odsCode ?? '',
      region: (raw.region ?? '').trim(),
      parentId: null,
    };
    const checked = ServiceInput.safeParse(candidate);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      return { line, status: 'invalid', reason: `${issue.path.join('.')}: ${issue.message}`, fields: null, raw };
    }
    const fields = checked.data;
    if (!regions.includes(fields.region))
      return { line, status: 'invalid', reason: `region: "${fields.region}" is not one of this desk's regions`, fields: null, raw };
    if (
      parentOds &&
      !byOds.has(parentOds) &&
      !fileOds.has(parentOds) &&
      !parsed.data.some((r) => (r.odsCode ?? '').trim().toUpperCase() === parentOds)
    )
      return { line, status: 'invalid', reason: `parentOdsCode: no service with ODS code ${parentOds}`, fields: null, raw };
    const nameKey = `${fields.region}|${fields.name.toLowerCase()}`;
    if ((fields.odsCode && (byOds.has(fields.odsCode) || seenOds.has(fields.odsCode))) || seenName.has(nameKey)) {
      return {
        line,
        status: 'duplicate',
        reason:
          fields.odsCode && byOds.has(fields.odsCode)
            ? `ODS code ${fields.odsCode} is already in the directory`
            : 'already in the directory or earlier in this file',
        fields,
        raw,
      };
    }
    if (fields.odsCode) {
      seenOds.add(fields.odsCode);
      fileOds.add(fields.odsCode);
    }
    seenName.add(nameKey);
    return { line, status: 'new', reason: null, fields: { ...fields, parentId: parentOds || null }, raw };
  });
}

/**
 * Writes the new rows of a preview in one transaction (all or nothing), linking parents by ODS
 * code, with one audit entry per service.
 */
export async function importServices(
  db: DosDeskDb,
  operatorId: string | null,
  rows: readonly ImportRow[],
  now = new Date(),
): Promise<number> {
  const fresh = rows.filter((r) => r.status === 'new' && r.fields);
  return change(
    { db, operatorId },
    [db.services],
    async ({ at, audit }) => {
      const byOds = new Map((await db.services.toArray()).filter((s) => s.odsCode).map((s) => [s.odsCode, s.id]));
      const created: Service[] = fresh.map((r) => ({
        id: crypto.randomUUID(),
        ...r.fields!,
        ...NEW_SERVICE_STATE,
        createdAt: at,
        updatedAt: at,
      }));
      for (const s of created) if (s.odsCode) byOds.set(s.odsCode, s.id);
      for (const s of created) {
        // parentId holds the parent's ODS code until now.
        s.parentId = s.parentId ? (byOds.get(s.parentId) ?? null) : null;
        await db.services.add(s);
        await audit({ entity: 'service', entityId: s.id, subject: serviceSubject(s), action: 'service.import', before: null, after: s });
      }
      return created.length;
    },
    now,
  );
}

export function useServices(): Service[] | undefined {
  const db = useDb();
  return useLiveQuery(() => db.services.orderBy('name').toArray(), [db]);
}

export function useService(id: string | undefined): Service | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (id ? ((await db.services.get(id)) ?? null) : null), [db, id]);
}
