import { isReportOverdue } from '@shared/domain/registers';
import type { Service } from '@shared/models/service';
import { PageHeading } from '../../../components/page-heading';
import { reportNotQueued } from '../data/emergency';
import { useEmergencyLog } from '../data/use-registers';
import { ChangeCard } from './change-card';
import { LogChange } from './log-change';
import { RegisterTabs } from './register-tabs';
import { useDesk } from '../../../entities/desk/desk-context';

interface Props {
  services: readonly Service[];
}

/** Emergency changes made out of hours, each reported to the DoS teams within 24 hours. */
export function EmergencyPage({ services }: Props) {
  const { operator } = useDesk();
  const log = useEmergencyLog(operator);
  const now = new Date();
  // A change whose report email is not in the outbox waits here until it is.
  const waiting = (log ?? []).filter((c) => !c.reportedAt || reportNotQueued(c));
  const reported = (log ?? []).filter((c) => c.reportedAt && !reportNotQueued(c));
  return (
    <>
      <PageHeading>Registers</PageHeading>
      <RegisterTabs current="/registers/emergency" />
      <h2>Emergency changes</h2>
      <p>
        Changes made out of hours by someone with emergency permissions, including the Director on Call, must be reported to the local and
        regional DoS teams within 24 hours of the change being made. DoS leads then review them.
      </p>
      <h3>Waiting to be reported</h3>
      {waiting.length === 0 ? (
        <p data-testid="nothing-waiting">Every logged change has been reported.</p>
      ) : (
        <ul className="nhsuk-list" data-testid="waiting-reports">
          {waiting.map((c) => (
            <li key={c.id} className={isReportOverdue(new Date(c.madeAt), null, now) ? 'app-row-overdue' : ''}>
              <ChangeCard change={c} now={now} />
            </li>
          ))}
        </ul>
      )}
      <LogChange operator={operator} services={services} />
      <h3>Reported changes</h3>
      {reported.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <ul className="nhsuk-list" data-testid="reported-changes">
          {reported.map((c) => (
            <li key={c.id}>
              <ChangeCard change={c} now={now} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
