import type { Table } from 'dexie';
import type { SyncDoc, SyncTable } from '@shared/sync/doc';
import type { Desk } from '../entities/desk/change';
import { change } from '../entities/desk/change';
import { OperatorInput } from '@shared/models/operator';
import { InputError } from '../db/guards';
import type { SyncConflictRow } from '../db/sync-tables';
import { describeRecord } from './describe';
import type { SyncCore } from './push';
import type { ConflictDetail, ConflictSummary, ConflictVersion, Resolution } from './types';

export function summarise(row: SyncConflictRow, value: Record<string, unknown> | null): ConflictSummary {
  return {
    docId: row.id,
    table: row.table as SyncTable,
    key: row.key,
    subject: describeRecord(row.table, row.key, value),
    versions: row.revs.length,
  };
}

/** Every live version of a record in conflict, the winner first (the one every desk shows until it is resolved). */
export async function loadConflict(core: SyncCore, docId: string, deskNames: Record<string, string>): Promise<ConflictDetail | null> {
  const row = await core.db.syncConflicts.get(docId);
  if (!row) return null;
  const leaves = (await core.pouch.get(docId, { open_revs: 'all' })) as unknown as { ok?: SyncDoc }[];
  let winner: string | null = null;
  try {
    winner = (await core.pouch.get(docId))._rev ?? null;
  } catch {
    winner = null;
  }
  const list: ConflictVersion[] = leaves
    .flatMap((leaf) => (leaf.ok && !leaf.ok._deleted ? [leaf.ok] : []))
    .map((doc) => ({
      rev: doc._rev,
      winner: doc._rev === winner,
      deleted: false,
      value: (doc.v ?? null) as Record<string, unknown> | null,
      deskId: doc.desk,
      deskName: deskNames[doc.desk] ?? doc.desk,
      by: doc.by,
    }))
    .sort((a, b) => Number(b.winner) - Number(a.winner));
  if (list.length < 2) return null;
  return { ...summarise(row, list[0]!.value), versions: list.length, list };
}

/**
 * Resolves a conflict as the operator chose: one version kept as it is, or a combined record made
 * from the versions' fields. It is an ordinary change (audited, in the change log), made on the
 * winning revision, and the losing versions are closed on their own branches with the next push,
 * so every desk sees the same resolution.
 */
export async function resolveConflict(
  core: SyncCore,
  desk: Pick<Desk, 'db' | 'operatorId'>,
  docId: string,
  resolution: Resolution,
  deskNames: Record<string, string>,
  seen?: readonly string[],
): Promise<void> {
  const detail = await loadConflict(core, docId, deskNames);
  if (!detail) throw new InputError('This record is no longer in conflict: another desk or person has resolved it.', 'resolution');
  // Versions the operator did not see are never closed by their choice.
  if (
    seen &&
    [...seen].sort().join() !==
      detail.list
        .map((v) => v.rev)
        .sort()
        .join()
  )
    throw new InputError(
      'A new version of this record arrived while you were choosing: look at the versions again, then choose.',
      'resolution',
    );
  let value: Record<string, unknown>;
  if ('keep' in resolution) {
    const kept = detail.list.find((v) => v.rev === resolution.keep);
    if (!kept?.value)
      throw new InputError('That version is no longer one of the versions in conflict. Open the record again.', 'resolution');
    value = kept.value;
  } else {
    value = resolution.value;
    const fields = new Set(detail.list.flatMap((v) => Object.keys(v.value ?? {})));
    const stray = Object.keys(value).find((f) => !fields.has(f));
    if (stray) throw new InputError(`The combined record has a field (${stray}) that none of the versions has.`, 'resolution');
    for (const [field, chosen] of Object.entries(value))
      if (!detail.list.some((v) => JSON.stringify(v.value?.[field]) === JSON.stringify(chosen)))
        throw new InputError(`The combined record's ${field} is not the value of any version.`, 'resolution');
    const everywhere = [...fields].filter((f) => detail.list.every((v) => v.value && f in v.value));
    const dropped = everywhere.find((f) => !(f in value));
    if (dropped) throw new InputError(`The combined record leaves out ${dropped}, which every version has.`, 'resolution');
    // The rules a record of this kind must keep, where they can be checked on the whole record.
    if (detail.table === 'operators') {
      const checked = OperatorInput.safeParse(value);
      if (!checked.success)
        throw new InputError(`The combined record does not make a valid operator: ${checked.error.issues[0]!.message}.`, 'resolution');
    }
  }
  const table = core.db.table(detail.table) as Table<Record<string, unknown>, string>;
  const keyPath = table.schema.primKey.keyPath as string;
  if (String(value[keyPath]) !== detail.key) throw new InputError('The combined record must keep its id.', 'resolution');
  await change(desk, [table, core.db.syncPending], async (ctx) => {
    const before = await table.get(detail.key);
    // The resolution is a change made now: a record that says when it was last changed says so.
    await table.put('updatedAt' in value ? { ...value, updatedAt: ctx.at } : value);
    await core.db.syncPending.put({ id: docId, losers: detail.list.filter((v) => !v.winner).map((v) => v.rev) });
    await ctx.audit({
      entity: detail.table,
      entityId: detail.key,
      subject: detail.subject,
      action: 'sync.resolve-conflict',
      before: { shown: before ?? null, versions: detail.list.map((v) => ({ desk: v.deskName, by: v.by?.name ?? null, value: v.value })) },
      after: value,
    });
  });
}
