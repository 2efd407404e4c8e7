import { useLiveQuery } from 'dexie-react-hooks';
import { londonDate } from '@shared/domain/london-time';
import { CapacityInput, CloseInput, ReopenInput, SuspendInput, type CapacityReport, type Service } from '@shared/models/service';
import type { Operator } from '@shared/models/operator';
import type { DosDeskDb } from '../../../db/database';
import { useDb } from '../../../db/db-context';
import { InputError, inputErrorFrom } from '../../../db/guards';
import { change } from '../../../entities/desk/change';
import { serviceSubject } from './services';

/** Reads a service the operator covers, for a change of status; refuses one outside their regions. */
async function serviceToChange(db: DosDeskDb, operator: Operator, id: string): Promise<Service> {
  const service = await db.services.get(id);
  if (!service) throw new InputError('This service is no longer in the directory.', 'id');
  if (!operator.regions.includes(service.region))
    throw new InputError(`You do not cover ${service.region}, so you cannot change the status of its services.`, 'id');
  return service;
}

async function changeStatus(
  db: DosDeskDb,
  operatorId: string | null,
  id: string,
  action: string,
  next: (service: Service, at: string) => Service,
  now: Date,
): Promise<Service> {
  return change(
    { db, operatorId },
    [db.services],
    async (ctx) => {
      const before = await serviceToChange(db, ctx.operator, id);
      const after = { ...next(before, ctx.at), updatedAt: ctx.at };
      await db.services.put(after);
      const pick = (s: Service) => ({ status: s.status, suspension: s.suspension, closure: s.closure });
      await ctx.audit({
        entity: 'service',
        entityId: id,
        subject: serviceSubject(before),
        action,
        before: pick(before),
        after: pick(after),
      });
      return after;
    },
    now,
  );
}

/** Suspends a service with the reason and dates (until may be left open). Audited. */
export async function suspendService(
  db: DosDeskDb,
  operatorId: string | null,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<Service> {
  const parsed = SuspendInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'reason');
  return changeStatus(
    db,
    operatorId,
    id,
    'service.suspend',
    (s) => {
      if (s.status === 'closed') throw new InputError('This service is closed. Re-open it before suspending it.', 'reason');
      return { ...s, status: 'suspended', suspension: parsed.data };
    },
    now,
  );
}

/** Re-opens a suspended or closed service. Audited with the note. */
export async function reopenService(
  db: DosDeskDb,
  operatorId: string | null,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<Service> {
  const parsed = ReopenInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'note');
  const service = await changeStatus(
    db,
    operatorId,
    id,
    'service.reopen',
    (s) => {
      if (s.status === 'active') throw new InputError('This service is already open.', 'note');
      return { ...s, status: 'active', suspension: null, closure: null };
    },
    now,
  );
  return service;
}

/** Closes a service for good (it stays in the directory, marked closed). Audited. */
export async function closeService(
  db: DosDeskDb,
  operatorId: string | null,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<Service> {
  const parsed = CloseInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'reason');
  return changeStatus(
    db,
    operatorId,
    id,
    'service.close',
    (s) => {
      if (s.status === 'closed') throw new InputError('This service is already closed.', 'reason');
      return { ...s, status: 'closed', suspension: null, closure: parsed.data };
    },
    now,
  );
}

/**
 * Records today's capacity status (red, amber, green) for an open service, with who set it and
 * when: the service shows the latest, and the day's report counts it as reported. Audited.
 */
export async function setCapacity(
  db: DosDeskDb,
  operatorId: string | null,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<Service> {
  const parsed = CapacityInput.safeParse(input);
  if (!parsed.success) throw inputErrorFrom(parsed.error, 'rag');
  return change(
    { db, operatorId },
    [db.services, db.capacityReports],
    async ({ operator, at, audit }) => {
      const before = await serviceToChange(db, operator, id);
      // A suspension that has not started yet, or has ended, does not stop today's report.
      if (before.status === 'closed' || suspendedOn(before, londonDate(now)))
        throw new InputError(`This service is ${before.status}. Re-open it before reporting its capacity.`, 'rag');
      const capacity = { rag: parsed.data.rag, note: parsed.data.note, setBy: operator.fullName, setById: operator.id, at };
      const after: Service = { ...before, capacity, updatedAt: at };
      await db.services.put(after);
      const report: CapacityReport = {
        id: crypto.randomUUID(),
        serviceId: id,
        serviceName: before.name,
        region: before.region,
        date: londonDate(now),
        ...capacity,
        updatedAt: at,
      };
      await db.capacityReports.add(report);
      await audit({
        entity: 'service',
        entityId: id,
        subject: serviceSubject(before),
        action: 'service.capacity',
        before: before.capacity,
        after: capacity,
      });
      return after;
    },
    now,
  );
}

export interface CapacityDay {
  region: string;
  date: string;
  /** Open services with their latest report that day. */
  reported: { service: Service; report: CapacityReport }[];
  /** Open services with no report that day. */
  notReported: Service[];
  /** Services suspended that day. */
  suspended: Service[];
}

/** A suspension covers a date when it started on or before it and has not ended before it. */
export const suspendedOn = (s: Service, date: string) =>
  s.status === 'suspended' && !!s.suspension && s.suspension.from <= date && (!s.suspension.until || s.suspension.until >= date);

/** The daily capacity report for a region: which services reported that day, which did not, which are suspended. */
export async function capacityDay(db: DosDeskDb, region: string, date: string): Promise<CapacityDay> {
  const [services, reports] = await Promise.all([
    db.services.where('region').equals(region).toArray(),
    db.capacityReports.where('[region+date]').equals([region, date]).toArray(),
  ]);
  const latest = new Map<string, CapacityReport>();
  for (const r of reports.sort((a, b) => a.at.localeCompare(b.at))) latest.set(r.serviceId, r);
  const byName = (a: Service, b: Service) => a.name.localeCompare(b.name);
  const suspended = services.filter((s) => suspendedOn(s, date)).sort(byName);
  const open = services.filter((s) => s.status !== 'closed' && !suspendedOn(s, date)).sort(byName);
  return {
    region,
    date,
    reported: open.filter((s) => latest.has(s.id)).map((service) => ({ service, report: latest.get(service.id)! })),
    notReported: open.filter((s) => !latest.has(s.id)),
    suspended,
  };
}

export function useCapacityDay(region: string, date: string | null): CapacityDay | undefined {
  const db = useDb();
  return useLiveQuery(async () => (region && date ? capacityDay(db, region, date) : undefined), [db, region, date]);
}
