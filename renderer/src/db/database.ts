import Dexie, { type Table } from 'dexie';
import type { AuditEntry } from '@shared/models/audit';
import type { Account } from '@shared/models/account';
import type { Operator } from '@shared/models/operator';
import type { CcLicence, CcRequest, Organisation } from '@shared/models/connecting-care';
import type { EmergencyChange, TemporaryEntry } from '@shared/models/registers';
import type { UserRequest } from '@shared/models/request';
import type { CapacityReport, Service } from '@shared/models/service';
import type { PharmacyChange, PharmacyProfile } from '@shared/models/pharmacy';
import { auditMiddleware, type ChainHead, type HeadSink } from './audit-witness';
import { changeLogMiddleware, type ChangeRow } from './change-log';
import { UPGRADES } from './migrations';
import type { DeskFlagRow, SyncConflictRow, SyncOutgoingRow, SyncPendingRow, SyncRevRow, SyncStateRow, TeamAuditRow } from './sync-tables';
import { LATEST_VERSION, SCHEMA_VERSIONS } from './schema';

export const DB_NAME = 'dos-desk';

export interface SettingsCacheRow {
  key: string;
  value: unknown;
}

/** The one Dexie class: all versions, all tables (GUIDE §3). */
export class DosDeskDb extends Dexie implements HeadSink {
  /** Set at start to send each committed audit head to main's witness (audit-witness.ts). */
  onAuditHead: ((head: ChainHead) => void) | null = null;
  operators!: Table<Operator, string>;
  settingsCache!: Table<SettingsCacheRow, string>;
  audit!: Table<AuditEntry, number>;
  services!: Table<Service, string>;
  accounts!: Table<Account, string>;
  requests!: Table<UserRequest, string>;
  temporaryAccounts!: Table<TemporaryEntry, string>;
  emergencyChanges!: Table<EmergencyChange, string>;
  ccOrganisations!: Table<Organisation, string>;
  ccRequests!: Table<CcRequest, string>;
  ccLicences!: Table<CcLicence, string>;
  capacityReports!: Table<CapacityReport, string>;
  pharmacyProfiles!: Table<PharmacyProfile, string>;
  pharmacyChanges!: Table<PharmacyChange, string>;
  changes!: Table<ChangeRow, number>;
  syncRevs!: Table<SyncRevRow, string>;
  syncConflicts!: Table<SyncConflictRow, string>;
  syncState!: Table<SyncStateRow, string>;
  syncOutgoing!: Table<SyncOutgoingRow, number>;
  syncPending!: Table<SyncPendingRow, string>;
  teamAudit!: Table<TeamAuditRow, [string, number]>;
  deskFlags!: Table<DeskFlagRow, string>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const { version, stores } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      const upgrade = UPGRADES[version];
      if (upgrade) declared.upgrade(upgrade);
    }
    // The audit trail only grows, whoever writes (audit-witness.ts).
    this.use(auditMiddleware(this));
    // Every write to a shared record is noted in the change log, in its own transaction (change-log.ts).
    this.use(changeLogMiddleware());
  }
}

export type OpenResult = { ok: true; db: DosDeskDb } | { ok: false; error: Error };

/**
 * Opens the database and asks the browser to keep it (persistent storage, so it is not evicted
 * under disk pressure). Never throws: a failure comes back for the recovery screen.
 */
export async function openDatabase(name = DB_NAME): Promise<OpenResult> {
  const newer = await newerVersionOnDisk(name);
  if (newer !== null) {
    const error = new Error(
      `The records on this computer are at database version ${newer}, and this copy of DoS Desk understands up to version ${LATEST_VERSION}.`,
    );
    error.name = 'VersionError';
    return { ok: false, error };
  }
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

/**
 * The schema version of an existing database when it is newer than this code knows, else null.
 * Dexie 4 would open a newer database anyway and patch its schema; after a downgrade that risks the
 * newer version's data (GUIDE §6, electron#24882), so it is checked first and never opened.
 */
async function newerVersionOnDisk(name: string): Promise<number | null> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return null;
  const existing = (await indexedDB.databases()).find((info) => info.name === name);
  // Dexie stores version n as native version n * 10.
  const version = existing?.version ? existing.version / 10 : 0;
  return version > LATEST_VERSION ? version : null;
}
