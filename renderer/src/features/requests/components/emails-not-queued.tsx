import { useState } from 'react';
import type { UserRequest } from '@shared/models/request';
import { plainErrorMessage } from '../../../platform/plain-error';
import { useSession } from '../../../session/store';
import { emailsNotQueued } from '../data/requests';
import type { useRequestActions } from '../data/use-requests';

/**
 * Says which emails this request caused that are not in the outbox (the change was saved, then main
 * could not queue the email), and queues them again on request. Shows nothing when all are queued.
 */
export function EmailsNotQueued({ request, actions }: { request: UserRequest; actions: ReturnType<typeof useRequestActions> }) {
  const announce = useSession((s) => s.announce);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const missing = emailsNotQueued(request);
  if (!missing.length) return null;
  return (
    <div className="nhsuk-warning-callout" data-testid="emails-not-queued">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          Email not in the outbox
        </span>
      </h2>
      <p>
        This request was saved, but {missing.join(' and ')} could not be queued, so nobody has been emailed yet. Queue it again once the
        problem is put right (for example, the email settings).
      </p>
      {error && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </p>
      )}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        disabled={busy}
        aria-disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            const queued = await actions.queueNotQueued(request.id);
            announce(`${queued === 1 ? 'The email is' : `${queued} emails are`} now in the outbox.`);
          } catch (e) {
            setError(plainErrorMessage(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? 'Queueing…' : 'Queue the email again'}
      </button>
    </div>
  );
}
