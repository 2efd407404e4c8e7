import type { Transaction } from 'dexie';

/**
 * v7: services gain a status (all existing services are active), suspension and closure details,
 * the latest capacity status (none yet) and reduced hours (none recorded).
 */
export async function upgradeToV7(tx: Transaction): Promise<void> {
  await tx
    .table('services')
    .toCollection()
    .modify((service: Record<string, unknown>) => {
      service.status ??= 'active';
      service.suspension ??= null;
      service.closure ??= null;
      service.capacity ??= null;
      service.reducedHours ??= '';
    });
}
