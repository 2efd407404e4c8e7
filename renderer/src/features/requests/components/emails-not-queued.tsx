import type { UserRequest } from '@shared/models/request';
import { ActionButton, ActionError } from '../../../components/action-button';
import { useAction } from '../../../components/use-action';
import { useSession } from '../../../session/store';
import { emailsNotQueued } from '../data/requests';
import type { useRequestActions } from '../data/use-requests';

/**
 * Says which emails this request caused that are not in the outbox (the change was saved, then main
 * could not queue the email), and queues them again on request. Shows nothing when all are queued.
 */
export function EmailsNotQueued({ request, actions }: { request: UserRequest; actions: ReturnType<typeof useRequestActions> }) {
  const announce = useSession((s) => s.announce);
  const { run, busy, error } = useAction(() => actions.queueNotQueued(request.id));
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
      <p>
        <ActionError error={error} />
      </p>
      <ActionButton
        busy={busy}
        busyLabel="Queueing…"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={async () => {
          const done = await run();
          if (done.ok) announce(`${done.value === 1 ? 'The email is' : `${done.value} emails are`} now in the outbox.`);
        }}
      >
        Queue the email again
      </ActionButton>
    </div>
  );
}
