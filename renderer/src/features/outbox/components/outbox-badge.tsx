import { useOutboxBadge } from '../data/outbox';

/** Queued and failed counts for the header; nothing when the outbox has nothing waiting. */
export function OutboxBadge() {
  const { waiting, failed } = useOutboxBadge();
  if (!waiting && !failed) return null;
  const parts = [waiting ? `${waiting} waiting` : '', failed ? `${failed} failed` : ''].filter(Boolean).join(', ');
  return (
    <>
      {' '}
      <span className={`nhsuk-tag ${failed ? 'nhsuk-tag--red' : 'nhsuk-tag--white'} app-outbox-badge`} data-testid="outbox-badge">
        {parts}
      </span>
    </>
  );
}
