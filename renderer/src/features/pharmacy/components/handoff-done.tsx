import { href, paths } from '../../../navigation/paths';
import type { PharmacyChange } from '@shared/models/pharmacy';
import { usePharmacyChange } from '../data/use-pharmacy';
import { HandoffEmailsNotQueued } from './handoff-emails-not-queued';

/** What happened after the handoff: the call recorded, or the change logged with its email and follow-up. */
export function HandoffDone({ change: saved }: { change: PharmacyChange }) {
  const change = usePharmacyChange(saved.id) ?? saved;
  const onCall = change.kind === 'on-call-change';
  return (
    <>
      <div className="nhsuk-card nhsuk-card--feature" data-testid="handoff-done">
        <div className="nhsuk-card__content nhsuk-card__content--feature">
          <h2 className="nhsuk-card__heading nhsuk-card__heading--feature">{onCall ? 'Change recorded' : 'Call recorded'}</h2>
          {onCall ? (
            <>
              {change.localTeamOutboxId ? (
                <p>
                  The change to {change.pharmacyName} is logged as an emergency change, and the email to the {change.region} local DoS team
                  is in the <a href={href(paths.outbox())}>outbox</a>.
                </p>
              ) : (
                <p>The change to {change.pharmacyName} is logged as an emergency change.</p>
              )}
              <HandoffEmailsNotQueued changeId={change.id} />
              <p>
                A follow-up task is open for the local DoS team to inform NHS.UK through the NHS website service desk. It is on the{' '}
                <a href={href(paths.pharmacies())}>Pharmacies</a> page.
              </p>
            </>
          ) : (
            <p>The contractor was directed to the NHS website service desk. The call is in today&apos;s report.</p>
          )}
        </div>
      </div>
      <p>
        <a href={href(paths.pharmacies())}>Back to pharmacies</a>
      </p>
    </>
  );
}
