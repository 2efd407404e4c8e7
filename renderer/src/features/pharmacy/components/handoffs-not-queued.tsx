import { useHandoffsWithEmailsNotQueued } from '../data/use-pharmacy';
import { HandoffEmailsNotQueued } from './handoff-emails-not-queued';

/** Out-of-hours pharmacy changes whose email to the local DoS team or the service desk is not in the outbox. */
export function HandoffsNotQueued({ covered }: { covered: readonly string[] }) {
  const changes = useHandoffsWithEmailsNotQueued(covered);
  if (!changes?.length) return null;
  return (
    <section aria-labelledby="not-queued-heading" className="nhsuk-card nhsuk-u-padding-4" data-testid="handoffs-not-queued">
      <h2 id="not-queued-heading">Emails not queued ({changes.length})</h2>
      <ul className="nhsuk-list">
        {changes.map((c) => (
          <li key={c.id}>
            <strong>{c.pharmacyName}</strong> ({c.odsCode}), {c.region}: {c.summary}
            <HandoffEmailsNotQueued changeId={c.id} />
          </li>
        ))}
      </ul>
    </section>
  );
}
