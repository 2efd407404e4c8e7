import type { EmergencyChange } from '@shared/models/registers';

/**
 * Emergency changes are logged by the registers (by hand) and by the pharmacy handoff (on-call
 * changes); both name them the same way in the audit trail.
 */

/** An emergency change in words, for the audit trail. */
export function emergencySubject(change: Pick<EmergencyChange, 'serviceName' | 'region' | 'madeBy'>): string {
  return `emergency change to ${change.serviceName} (${change.region}) by ${change.madeBy}`;
}
