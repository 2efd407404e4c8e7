import { useDesk } from '../../../entities/desk/desk-context';
import { useServicesDirectory } from '../data/use-registers';
import { EmergencyPage } from './emergency-page';

/** Loads the services directory for the emergency changes log. */
export function EmergencyRoute() {
  const { operator, delivery, settings } = useDesk();
  const services = useServicesDirectory();
  if (!services) return <p>Loading…</p>;
  return <EmergencyPage operator={operator} delivery={delivery} teams={settings.dosTeams} services={services} />;
}
