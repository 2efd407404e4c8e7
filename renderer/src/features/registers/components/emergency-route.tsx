import type { DeliveryMethod } from '@shared/models/email';
import type { Operator } from '@shared/models/operator';
import type { DosTeam } from '@shared/models/registers';
import { useServicesDirectory } from '../data/use-registers';
import { EmergencyPage } from './emergency-page';

/** Loads the services directory for the emergency changes log. */
export function EmergencyRoute(props: { operator: Operator; delivery: DeliveryMethod; teams: readonly DosTeam[] }) {
  const services = useServicesDirectory();
  if (!services) return <p>Loading…</p>;
  return <EmergencyPage {...props} services={services} />;
}
