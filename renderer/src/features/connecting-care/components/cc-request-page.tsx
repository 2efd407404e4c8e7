import { formatDay, formatLondonDateTime, londonDate } from '@shared/domain/london-time';
import { PageHeading } from '../../../components/page-heading';
import { SummaryList } from '../../../components/summary-list';
import { useSession } from '../../../session/store';
import { ccEmailNotQueued, targetFor } from '../data/cc';
import { useBankHolidays, useCcActions, useCcRequest } from '../data/use-cc';
import { ActionButton, ActionError } from '../../../components/action-button';
import { useAction } from '../../../components/use-action';
import { Form, useZodForm } from '../../../components/form';
import { TextField } from '../../../components/text-field';
import { TrackForm } from '../schemas';
import { href, paths } from '../../../navigation/paths';
import { useDesk } from '../../../entities/desk/desk-context';

/** One request: what was sent, and its progress against the 5-day target. */
export function CcRequestPage({ id }: { id: string }) {
  const { settings } = useDesk();
  const request = useCcRequest(id);
  const holidays = useBankHolidays();
  const actions = useCcActions();
  const announce = useSession((s) => s.announce);
  const queueAgain = useAction(async (requestId: string) => {
    await actions.queueEmailAgain(requestId);
    announce('The email is in the outbox for the service desk.');
  });
  const form = useZodForm(TrackForm, { date: londonDate(new Date()), note: '' });
  if (request === undefined) return <p>Loading…</p>;
  if (!request) {
    return (
      <>
        <PageHeading>Request not found</PageHeading>
        <p>
          <a href={href(paths.connectingCare())}>Back to Connecting Care</a>
        </p>
      </>
    );
  }
  const target = holidays
    ? targetFor(request, settings.connectingCare.targetUnit, holidays, londonDate(new Date()))
    : { due: null, overdue: false };
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <a className="nhsuk-back-link" href={href(paths.connectingCare())}>
          Back to Connecting Care
        </a>
        <PageHeading>{request.sent.subject}</PageHeading>
        <SummaryList
          rows={[
            { key: 'Organisation', value: request.organisationName },
            { key: 'Authoriser', value: `${request.authoriser.name} (${request.authoriser.email})` },
            { key: 'Sent to', value: `${request.sent.to}, copied to ${request.sent.cc}` },
            { key: 'Sent', value: formatLondonDateTime(new Date(request.sentAt)) },
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
            <p>
              <ActionError error={queueAgain.error} />
            </p>
            <ActionButton
              busy={queueAgain.busy}
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => void queueAgain.run(request.id)}
            >
              Queue the email again
            </ActionButton>
          </div>
        )}
        {request.status !== 'actioned' && !ccEmailNotQueued(request) && (
          <>
            <h2>{request.status === 'sent' ? 'Record receipt by the back office' : 'Record that it was actioned'}</h2>
            <Form
              form={form}
              fieldOrder={['date', 'note']}
              serverFields={{ receivedOn: 'date', actionedOn: 'date', resolutionNote: 'note' }}
              submitLabel={request.status === 'sent' ? 'Record receipt' : 'Record actioned'}
              submitClassName="nhsuk-button nhsuk-button--secondary"
              onSubmit={async ({ date, note }) => {
                if (request.status === 'sent') {
                  await actions.received(request.id, date);
                  announce('Receipt by the back office recorded. The 5-day target starts now.');
                } else {
                  await actions.actioned(request.id, date, note);
                  announce('The request is recorded as actioned.');
                }
              }}
            >
              <TextField form={form} name="date" type="date" label="Date" width={10} />
              {request.status === 'received' && <TextField form={form} name="note" label="Resolution email (optional note)" />}
            </Form>
          </>
        )}
        <h2>What was sent</h2>
        <pre className="app-email-text" tabIndex={0} aria-label="The email sent to the service desk">
          {request.sent.text}
        </pre>
        {request.sent.outboxId && (
          <p>
            <a href={href(paths.message(request.sent.outboxId))}>Open it in the outbox</a>
          </p>
        )}
      </div>
    </div>
  );
}
