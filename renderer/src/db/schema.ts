/**
 * Every schema version DoS Desk has shipped, oldest first. Versions only move forward: a change is
 * a new entry (with its data move in `migrations/vN.ts`), never an edit of an old one (GUIDE §3).
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // Operators of this desk; email is unique so one person cannot be set up twice.
      operators: 'id, &email, fullName',
      // Copies of main-process settings and this desk's own small values (current operator).
      settingsCache: 'key',
      // The audit trail: newest first by time, per operator, and per record.
      audit: '++id, at, operatorId, [entity+entityId]',
    },
  },
  {
    version: 2,
    stores: {
      // The services directory; children point at their parent.
      services: 'id, name, region, parentId, odsCode',
      // DoS user accounts; multi-entry indexes find accounts by any of their regions or roles.
      accounts: 'id, email, fullName, status, userType, *regions, *roles',
      // The audit trail gains a hash chain (migrations/v2.ts links existing entries) and an action index.
      audit: '++id, at, operatorId, [entity+entityId], action',
    },
  },
  {
    version: 3,
    stores: {
      // Requests for DoS access; the queue reads outstanding requests by region.
      requests: 'id, email, status, region, registeredAt, [status+region]',
    },
  },
  {
    version: 4,
    stores: {
      // Accounts needed for a limited time, by review date.
      temporaryAccounts: 'id, accountId, status, reviewDate, region',
      // Emergency changes made out of hours, newest first, by region.
      emergencyChanges: 'id, madeAt, region, accountId',
    },
  },
  {
    version: 5,
    stores: {
      // Connecting Care: partner organisations, authorisers' requests and the licences they hold.
      ccOrganisations: 'id, name',
      ccRequests: 'id, organisationId, status, createdAt',
      ccLicences: 'id, organisationId, status, holderEmail',
    },
  },
  {
    version: 6,
    stores: {
      // The queue reads one page of a region's outstanding requests in date order straight from this index.
      requests: 'id, email, status, region, registeredAt, [status+region], [status+region+registeredAt]',
    },
  },
  {
    version: 7,
    stores: {
      // Services gain a status (active, suspended, closed); migrations/v7.ts fills it in.
      services: 'id, name, region, parentId, odsCode, status',
      // Daily capacity status reports, read per region and London date.
      capacityReports: 'id, serviceId, [region+date], at',
      // Pharmacy profiles, one per ODS code; overdue checks are read per region in due-date order.
      pharmacyProfiles: 'id, &odsCode, name, region, [region+nextCheckDue]',
      // Pharmacy changes by London date (the daily report) and open follow-up tasks.
      pharmacyChanges: 'id, profileId, date, at, kind',
    },
  },
  {
    version: 8,
    stores: {
      // The change log: every committed write to a shared record, in order (db/change-log.ts). Team
      // sync reads what came after the last seq it took.
      changes: '++seq, table',
    },
  },
  {
    version: 9,
    stores: {
      // Team sync's own records of this desk (renderer/src/sync/): never shared, never backed up.
      // The PouchDB revision each shared record here reflects (the base of this desk's next edit).
      syncRevs: 'id',
      // Records with versions in conflict, for the header count and the conflict inbox.
      syncConflicts: 'id, table',
      // Positions and settings of the sync engine (how far the change log was taken, …).
      syncState: 'key',
      // Revisions made here and not yet written to the team folder, oldest first.
      syncOutgoing: '++n',
      // A conflict resolved here: the losing revisions to close with the next push.
      syncPending: 'id',
      // Other desks' audit entries, read-only copies: each desk's chain verifies on its own.
      teamAudit: '[desk+id], desk, at',
      // What this desk has shown (reminder notifications), kept off the shared records.
      deskFlags: 'key',
    },
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
