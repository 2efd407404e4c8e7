import { countdownText, isReportOverdue, reportDeadline } from '@shared/domain/registers';
import type { EmergencyChange } from '@shared/models/registers';
import { ActionButton, ActionError } from '../../../components/action-button';
import { useAction } from '../../../components/use-action';
import { useSession } from '../../../session/store';
import { londonDateTime, reportNotQueued } from '../data/emergency';
import { useRegisterActions } from '../data/use-registers';
import { ReviewChange } from './review-change';
import { useDesk } from '../../../entities/desk/desk-context';

const OUTCOME_WORDS = { keep: 'keep the change', amend: 'amend the change', 'permanent-change': 'make a permanent change' } as const;

/** One logged emergency change: when it was made, its report to the DoS teams, and a lead's review. */
export function ChangeCard({ change, now }: { change: EmergencyChange; now: Date }) {
  const { operator } = useDesk();
  const actions = useRegisterActions();
  const announce = useSession((s) => s.announce);
  const report = useAction(async () => {
    await actions.report(change.id);
    announce(`The report of the change to ${change.serviceName} is in the outbox for the local and regional DoS teams.`);
  });
  const queueAgain = useAction(async () => {
    await actions.queueReportAgain(change.id);
    announce(`The report of the change to ${change.serviceName} is in the outbox for the local and regional DoS teams.`);
  });
  const made = new Date(change.madeAt);
  const overdue = isReportOverdue(made, change.reportedAt ? new Date(change.reportedAt) : null, now);
  const isLead = operator.approveUserRegions.includes(change.region);
  return (
    <div className="nhsuk-card">
      <div className="nhsuk-card__content">
        <h4 className="nhsuk-card__heading">
          {change.serviceName} ({change.region})
        </h4>
        <p className="nhsuk-body-s">
          {change.kinds.map((k) => (k === 'capacity' ? 'Capacity' : 'Demographic details')).join(' and ')} changed by {change.madeBy} on{' '}
          {londonDateTime(made)}.
          <br />
          {change.details} Why: {change.why}
        </p>
        {change.reportedAt ? (
          <p className="nhsuk-body-s">
            <strong className={`nhsuk-tag ${overdue ? 'nhsuk-tag--orange' : 'nhsuk-tag--green'}`}>
              {overdue ? 'Reported late' : 'Reported'}
            </strong>{' '}
            on {londonDateTime(new Date(change.reportedAt))}.
          </p>
        ) : (
          <p className="nhsuk-body-s">
            <strong className={`nhsuk-tag ${overdue ? 'nhsuk-tag--red' : 'nhsuk-tag--orange'}`} data-testid="countdown">
              {countdownText(made, now)}
            </strong>{' '}
            Report by {londonDateTime(reportDeadline(made))}.
          </p>
        )}
        <ActionError error={report.error} />
        {!change.reportedAt && (
          <ActionButton busy={report.busy} className="nhsuk-button nhsuk-button--small" onClick={() => void report.run()}>
            Send report to both DoS teams<span className="nhsuk-u-visually-hidden"> about {change.serviceName}</span>
          </ActionButton>
        )}
        {reportNotQueued(change) && (
          <>
            <p className="nhsuk-body-s" data-testid="report-not-queued">
              <strong className="nhsuk-tag nhsuk-tag--red">Email not queued</strong> The change is marked reported, but the report email is
              not in the outbox.
            </p>
            <ActionError error={queueAgain.error} />
            <ActionButton
              busy={queueAgain.busy}
              className="nhsuk-button nhsuk-button--small nhsuk-button--secondary"
              onClick={() => void queueAgain.run()}
            >
              Queue the email again<span className="nhsuk-u-visually-hidden"> about {change.serviceName}</span>
            </ActionButton>
          </>
        )}
        {change.review ? (
          <p className="nhsuk-body-s">
            Reviewed: {OUTCOME_WORDS[change.review.outcome]}
            {change.review.note ? ` (${change.review.note})` : ''}.
          </p>
        ) : (
          isLead && change.reportedAt && <ReviewChange change={change} />
        )}
      </div>
    </div>
  );
}
