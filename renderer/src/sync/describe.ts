import type { SharedTable } from '../db/change-log';

/** Each shared record in words, from its label (the conflict inbox, the audit trail). */
const SUBJECT: Record<SharedTable, (label: string) => string> = {
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

function label(row: Record<string, unknown> | null, key: string): string {
  const found =
    row && (row.fullName ?? row.name ?? row.accountName ?? row.serviceName ?? row.subjectName ?? row.holderName ?? row.pharmacyName);
  return typeof found === 'string' && found.trim() ? found : key;
}

export function describeRecord(table: string, key: string, row: Record<string, unknown> | null): string {
  const words = SUBJECT[table as SharedTable];
  return words ? words(label(row, key)) : `${table} ${key}`;
}
