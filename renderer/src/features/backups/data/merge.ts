import { upToDateTables, type ParsedBackup } from '../../../db/backup';
import { SHARED_TABLES } from '../../../db/change-log';
import type { DosDeskDb } from '../../../db/database';
import { change } from '../../../entities/desk/change';

/** Tables merged from a team member's export: the shared records (those the change log follows), each with an id and an updatedAt. */
export const MERGED_TABLES = SHARED_TABLES;

/** A record of each merged table in words, for the audit trail, from its label. */
const SUBJECT: Record<(typeof MERGED_TABLES)[number], (label: string) => string> = {
  operators: (l) => `operator ${l}`,
  services: (l) => `service ${l}`,
  accounts: (l) => `${l}'s account`,
  requests: (l) => `request from ${l}`,
  temporaryAccounts: (l) => `${l}'s temporary account`,
  emergencyChanges: (l) => `emergency change to ${l}`,
  ccOrganisations: (l) => `Connecting Care organisation ${l}`,
  ccRequests: (l) => `Connecting Care request for ${l}`,
  ccLicences: (l) => `${l}'s Connecting Care licence`,
  capacityReports: (l) => `capacity report ${l}`,
  pharmacyProfiles: (l) => `pharmacy profile ${l}`,
  pharmacyChanges: (l) => `pharmacy change ${l}`,
};

type Row = { id: string; updatedAt?: string } & Record<string, unknown>;

export interface MergeItem {
  table: string;
  id: string;
  label: string;
  outcome: 'new' | 'theirs-newer' | 'ours-newer' | 'same';
  theirs: Row;
}

export interface MergePlan {
  items: MergeItem[];
  counts: Record<MergeItem['outcome'], number>;
  /** Records that differ on both desks: the newer change wins; listed for the operator. */
  conflicts: MergeItem[];
}

function label(row: Row): string {
  return String(
    row.fullName ?? row.name ?? row.accountName ?? row.serviceName ?? row.subjectName ?? row.holderName ?? row.pharmacyName ?? row.id,
  );
}

const same = (a: Row, b: Row) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Compares a team member's export with this desk, record by record (by id): new records are added;
 * where both have the record and they differ, the newer change (by updatedAt) wins. The audit trail
 * and cached settings are not merged: each desk keeps its own chain.
 */
export async function planMerge(db: DosDeskDb, backup: ParsedBackup): Promise<MergePlan> {
  const tables = await upToDateTables(backup);
  const items: MergeItem[] = [];
  for (const name of MERGED_TABLES) {
    const theirs = (tables[name] ?? []) as Row[];
    const ours = new Map(((await db.table(name).toArray()) as Row[]).map((r) => [r.id, r]));
    for (const row of theirs) {
      const mine = ours.get(row.id);
      const outcome: MergeItem['outcome'] = !mine
        ? 'new'
        : same(mine, row)
          ? 'same'
          : (row.updatedAt ?? '') > (mine.updatedAt ?? '')
            ? 'theirs-newer'
            : 'ours-newer';
      items.push({ table: name, id: row.id, label: label(row), outcome, theirs: row });
    }
  }
  const counts = { new: 0, 'theirs-newer': 0, 'ours-newer': 0, same: 0 };
  for (const i of items) counts[i.outcome]++;
  return { items, counts, conflicts: items.filter((i) => i.outcome === 'theirs-newer' || i.outcome === 'ours-newer') };
}

/** Applies a plan as one change, auditing each record taken from the export. */
export async function applyMerge(db: DosDeskDb, operatorId: string | null, plan: MergePlan, now = new Date()): Promise<number> {
  const take = plan.items.filter((i) => i.outcome === 'new' || i.outcome === 'theirs-newer');
  return change(
    { db, operatorId },
    MERGED_TABLES.map((t) => db.table(t)),
    async (ctx) => {
      for (const item of take) {
        const before: unknown = await db.table(item.table).get(item.id);
        await db.table(item.table).put(item.theirs);
        await ctx.audit({
          entity: item.table,
          entityId: item.id,
          subject: (SUBJECT[item.table as keyof typeof SUBJECT] ?? ((l: string) => `${item.table} ${l}`))(item.label),
          action: 'merge.import',
          before: before ?? null,
          after: item.theirs,
        });
      }
      return take.length;
    },
    now,
  );
}
