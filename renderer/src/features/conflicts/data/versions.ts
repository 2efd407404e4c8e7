import { formatDay, formatLondonDateTime } from '@shared/domain/london-time';
import type { SyncTable } from '@shared/sync/doc';
import type { ConflictVersion } from '../../../sync/types';

/** Each shared table's record in words, for the inbox. */
export const TABLE_WORDS: Record<SyncTable, string> = {
  operators: 'Operator',
  services: 'Service',
  accounts: 'User account',
  requests: 'Request',
  temporaryAccounts: 'Temporary account',
  emergencyChanges: 'Emergency change',
  ccOrganisations: 'Connecting Care organisation',
  ccRequests: 'Connecting Care request',
  ccLicences: 'Connecting Care licence',
  capacityReports: 'Capacity report',
  pharmacyProfiles: 'Pharmacy profile',
  pharmacyChanges: 'Pharmacy change',
  audit: 'Audit entry',
};

/**
 * Bookkeeping every record carries: not offered as a choice when combining (the combined record keeps
 * the shown version's), and `updatedAt` is shown in each version's heading rather than as a field.
 */
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt']);

/** A field's name in words: `jobTitle` is "Job title", `serviceIds` is "Service ids". */
export function fieldWords(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A field's value as a person reads it; a field a version does not have is "(not set)". */
export function valueWords(value: unknown): string {
  if (value === undefined || value === null) return '(not set)';
  if (value === '') return '(blank)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value);
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatLondonDateTime(new Date(value));
    return value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value))
    return value.length === 0 ? '(none)' : value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  return JSON.stringify(value);
}

/** The same value, whatever order an object's keys were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** The fields to set side by side: every field any version has, in the order they first appear. */
export function fieldsOf(list: readonly ConflictVersion[]): string[] {
  const keys: string[] = [];
  for (const v of list) for (const k of Object.keys(v.value ?? {})) if (!BOOKKEEPING.has(k) && !keys.includes(k)) keys.push(k);
  return keys;
}

/** The fields whose value differs between the versions that were not deleted. */
export function differingFields(list: readonly ConflictVersion[]): Set<string> {
  const kept = list.filter((v) => !v.deleted && v.value);
  return new Set(fieldsOf(kept).filter((k) => kept.some((v) => !sameValue(v.value![k], kept[0]!.value![k]))));
}

/** The version every desk shows for now, else the first one with a value: the base a combination starts from. */
export function baseVersion(list: readonly ConflictVersion[]): ConflictVersion | undefined {
  return list.find((v) => v.winner && !v.deleted && v.value) ?? list.find((v) => !v.deleted && v.value);
}

/**
 * The record the operator combined: the base version, with each differing field taken from the
 * version they chose for it (a field the chosen version lacks is left out).
 */
export function combine(list: readonly ConflictVersion[], choices: Readonly<Record<string, string>>): Record<string, unknown> {
  const base = baseVersion(list);
  const value: Record<string, unknown> = { ...(base?.value ?? {}) };
  for (const [field, rev] of Object.entries(choices)) {
    const from = list.find((v) => v.rev === rev)?.value;
    if (!from) continue;
    if (Object.prototype.hasOwnProperty.call(from, field)) value[field] = from[field];
    else delete value[field];
  }
  return value;
}

function deskWords(v: ConflictVersion, thisDeskId: string | null): string {
  return v.deskId === thisDeskId ? `this desk (${v.deskName})` : v.deskName;
}

/** Who made a version and where: "By Priya Shah on Lead's desk", "Deleted on this desk (Laptop) by Sam Jones". */
export function versionTitle(v: ConflictVersion, thisDeskId: string | null): string {
  const who = v.by?.name ?? 'no operator';
  return v.deleted ? `Deleted on ${deskWords(v, thisDeskId)} by ${who}` : `By ${who} on ${deskWords(v, thisDeskId)}`;
}
