import { useState } from 'react';
import { londonDate } from '@shared/domain/london-time';
import type { Settings } from '@shared/models/settings';
import { PageHeading } from '../../../components/page-heading';
import { SummaryList } from '../../../components/summary-list';
import { useSession } from '../../../session/store';
import { ccEmailNotQueued, targetFor } from '../data/cc';
import { deskDelivery, useBankHolidays, useCcActions, useCcRequest } from '../data/use-cc';
import { formatDay } from '@shared/domain/dates';
import { plainErrorMessage } from '../../../platform/plain-error';

/** One request: what was sent, and its progress against the 5-day target. */
export function CcRequestPage({ id, settings }: { id: string; settings: Settings }) {
  const request = useCcRequest(id);
  const holidays = useBankHolidays();
  const actions = useCcActions(deskDelivery(settings), settings);
  const announce = useSession((s) => s.announce);
  const [date, setDate] = useState(londonDate(new Date()));
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (request === undefined) return <p>Loading…</p>;
  if (!request) {
    return (
      <>
        <PageHeading>Request not found</PageHeading>
        <p>
          <a href="#/cc">Back to Connecting Care</a>
        </p>
      </>
    );
  }
  const target = holidays
    ? targetFor(request, settings.connectingCare.targetUnit, holidays, londonDate(new Date()))
    : { due: null, overdue: false };
  const run = async (work: () => Promise<unknown>, done: string) => {
    setProblem(null);
    try {
      await work();
      announce(done);
    } catch (e) {
      setProblem(plainErrorMessage(e));
    }
  };
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <a className="nhsuk-back-link" href="#/cc">
          Back to Connecting Care
        </a>
        <PageHeading>{request.sent.subject}</PageHeading>
        <SummaryList
          rows={[
            { key: 'Organisation', value: request.organisationName },
            { key: 'Authoriser', value: `${request.authoriser.name} (${request.authoriser.email})` },
            { key: 'Sent to', value: `${request.sent.to}, copied to ${request.sent.cc}` },
            { key: 'Sent', value: new Date(request.sentAt).toLocaleString('en-GB', { timeZone: 'Europe/London' }) },
            { key: 'Received by the back office', value: request.receivedOn ? formatDay(request.receivedOn) : 'Not yet' },
            {
              key: 'Action by',
              value: target.due
                ? `${formatDay(target.due)}${target.overdue ? ' (overdue)' : ''}`
                : 'Starts when the back office receives it',
            },
            {
              key: 'Actioned',
              value: request.actionedOn
                ? `${formatDay(request.actionedOn)}${request.resolutionNote ? `: ${request.resolutionNote}` : ''}`
                : 'Not yet',
            },
          ]}
        />
        {ccEmailNotQueued(request) && (
          <div className="nhsuk-warning-callout" data-testid="cc-email-not-queued">
            <h2 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>The email is not queued
              </span>
            </h2>
            <p>
              This request is saved, but its email to {request.sent.to} could not be put in the outbox, so the service desk does not have it
              yet.
            </p>
            {problem && (
              <p className="nhsuk-error-message" role="alert">
                <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
              </p>
            )}
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => run(() => actions.queueEmailAgain(request.id), 'The email is in the outbox for the service desk.')}
            >
              Queue the email again
            </button>
          </div>
        )}
        {request.status !== 'actioned' && !ccEmailNotQueued(request) && (
          <div className={`nhsuk-form-group${problem ? ' nhsuk-form-group--error' : ''}`}>
            <h2>{request.status === 'sent' ? 'Record receipt by the back office' : 'Record that it was actioned'}</h2>
            {problem && (
              <span className="nhsuk-error-message" role="alert">
                <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
              </span>
            )}
            <label className="nhsuk-label" htmlFor="cc-track-date">
              Date
            </label>
            <input
              className="nhsuk-input nhsuk-input--width-10"
              id="cc-track-date"
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
            />
            {request.status === 'received' && (
              <>
                <label className="nhsuk-label nhsuk-u-margin-top-3" htmlFor="cc-track-note">
                  Resolution email (optional note)
                </label>
                <input className="nhsuk-input" id="cc-track-note" value={note} onChange={(e) => setNote(e.target.value)} />
              </>
            )}
            <div className="nhsuk-u-margin-top-3">
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                onClick={() =>
                  request.status === 'sent'
                    ? run(() => actions.received(request.id, date), 'Receipt by the back office recorded. The 5-day target starts now.')
                    : run(() => actions.actioned(request.id, date, note), 'The request is recorded as actioned.')
                }
              >
                {request.status === 'sent' ? 'Record receipt' : 'Record actioned'}
              </button>
            </div>
          </div>
        )}
        <h2>What was sent</h2>
        <pre className="app-email-text" tabIndex={0} aria-label="The email sent to the service desk">
          {request.sent.text}
        </pre>
        {request.sent.outboxId && (
          <p>
            <a href={`#/outbox/${request.sent.outboxId}`}>Open it in the outbox</a>
          </p>
        )}
      </div>
    </div>
  );
}
