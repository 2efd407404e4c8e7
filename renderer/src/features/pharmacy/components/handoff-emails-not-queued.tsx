import { useState } from 'react';
import { useSession } from '../../../session/store';
import { plainErrorMessage } from '../../../platform/plain-error';
import { handoffEmailsNotQueued } from '../data/handoff-emails';
import { usePharmacyActions, usePharmacyChange } from '../data/use-pharmacy';

/**
 * Shown only while an email a pharmacy change caused is not in the outbox (the change was saved,
 * then main could not queue the email): says which, and offers to queue it again.
 */
export function HandoffEmailsNotQueued({ changeId }: { changeId: string }) {
  const change = usePharmacyChange(changeId);
  const actions = usePharmacyActions();
  const announce = useSession((s) => s.announce);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const missing = change ? handoffEmailsNotQueued(change) : [];
  if (!missing.length) return null;
  return (
    <div className="nhsuk-u-margin-top-2" data-testid="emails-not-queued">
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
        <strong className="nhsuk-tag nhsuk-tag--red">Email not queued</strong> The change is saved, but {missing.join(' and ')}{' '}
        {missing.length > 1 ? 'are' : 'is'} not in the outbox.
      </p>
      {problem && (
        <span className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
        </span>
      )}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        disabled={busy}
        onClick={async () => {
          setProblem(null);
          setBusy(true);
          try {
            await actions.queueEmailsAgain(changeId);
            announce(`The email about ${change!.pharmacyName} is in the outbox.`);
          } catch (e) {
            setProblem(plainErrorMessage(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        Queue the email again<span className="nhsuk-u-visually-hidden"> about {change!.pharmacyName}</span>
      </button>
    </div>
  );
}
