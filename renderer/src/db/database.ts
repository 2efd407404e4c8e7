import Dexie, { type Table } from 'dexie';
import type { AuditEntry } from '@shared/models/audit';
import type { Operator } from '@shared/models/operator';
import { UPGRADES } from './migrations';
import { SCHEMA_VERSIONS } from './schema';

export const DB_NAME = 'dos-desk';

export interface SettingsCacheRow {
  key: string;
  value: unknown;
}

/** The one Dexie class: all versions, all tables (GUIDE §3). */
export class DosDeskDb extends Dexie {
  operators!: Table<Operator, string>;
  settingsCache!: Table<SettingsCacheRow, string>;
  audit!: Table<AuditEntry, number>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const { version, stores } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      const upgrade = UPGRADES[version];
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

export type OpenResult = { ok: true; db: DosDeskDb } | { ok: false; error: Error };

/**
 * Opens the database and asks the browser to keep it (persistent storage, so it is not evicted
 * under disk pressure). Never throws: a failure comes back for the recovery screen.
 */
export async function openDatabase(name = DB_NAME): Promise<OpenResult> {
  const db = new DosDeskDb(name);
  try {
    await db.open();
  } catch (error) {
    db.close();
    return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
  try {
    await navigator.storage?.persist?.();
  } catch {
    // Persistence is a request; the app works without it.
  }
  return { ok: true, db };
}
