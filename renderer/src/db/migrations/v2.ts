import type { Transaction } from 'dexie';
import type { AuditEntry } from '@shared/models/audit';
import { hashEntry } from '@shared/domain/audit-chain';

/**
 * v2: the audit trail becomes a hash chain. Entries written by v1 are linked in id order, so the
 * chain covers everything from the first entry.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const table = tx.table<AuditEntry, number>('audit');
  const entries = await table.orderBy(':id').toArray();
  let prevHash = '';
  for (const entry of entries) {
    const hash = hashEntry(entry, prevHash);
    await table.put({ ...entry, prevHash, hash });
    prevHash = hash;
  }
}
