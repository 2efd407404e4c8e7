import { useServicesDirectory } from '../data/use-registers';
import { EmergencyPage } from './emergency-page';

/** Loads the services directory for the emergency changes log. */
export function EmergencyRoute() {
  const services = useServicesDirectory();
  if (!services) return <p>Loading…</p>;
  return <EmergencyPage services={services} />;
}
