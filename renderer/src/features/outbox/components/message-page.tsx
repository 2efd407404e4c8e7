import { useState } from 'react';
import { formatLondonTimestamp } from '@shared/domain/london-time';
import { DELIVERY_LABELS, MAY_HAVE_BEEN_SENT_ADVICE, type OutboxEntry } from '@shared/models/email';
import { useAction } from '../../../components/use-action';
import { PageHeading } from '../../../components/page-heading';
import { SummaryList } from '../../../components/summary-list';
import { downloadText } from '../../../platform/download';
import { useSession } from '../../../session/store';
import { useOutboxActions, useOutboxEntry } from '../data/outbox';
import { MessageView } from './message-view';
import { StatusTag } from './status-tag';
import { href, paths } from '../../../navigation/paths';

const when = (iso: string) => formatLondonTimestamp(new Date(iso), { seconds: true });

function mailboxes(list: OutboxEntry['to']): string {
  return list.map((b) => (b.name ? `${b.name} <${b.address}>` : b.address)).join(', ');
}

/** What a person pastes into webmail. */
export function copyableText(entry: OutboxEntry): string {
  const cc = entry.cc.length ? `Cc: ${mailboxes(entry.cc)}\n` : '';
  return `To: ${mailboxes(entry.to)}\n${cc}Subject: ${entry.subject}\n\n${entry.text}`;
}

const WARNING_HEADINGS: Partial<Record<OutboxEntry['status'], string>> = {
  retrying: 'Not sent yet',
  'may-have-been-sent': 'May have been sent',
  damaged: 'The outbox record of this email is damaged',
};

/** One message: its details, what happened to it, and what can be done next. */
export function MessagePage({ id }: { id: string }) {
  const { data: entry, error } = useOutboxEntry(id);
  const actions = useOutboxActions();
  const announce = useSession((s) => s.announce);
  const {
    run: runAction,
    busy,
    error: problem,
  } = useAction(async (work: () => Promise<unknown>, done: string) => {
    await work();
    announce(done);
  });
  const [manualCopy, setManualCopy] = useState(false);

  if (!entry) {
    return error ? (
      <>
        <PageHeading>Message not found</PageHeading>
        <p>{error}</p>
        <p>
          <a href={href(paths.outbox())}>Back to the outbox</a>
        </p>
      </>
    ) : (
      <p>Loading the message…</p>
    );
  }

  const run = (work: () => Promise<unknown>, done: string) => void runAction(work, done);
  const saveEml = () =>
    run(async () => {
      const eml = await actions.exportEml(entry.id);
      downloadText(eml.fileName, eml.content);
    }, 'The .eml file has been saved to your downloads.');
  const copy = () =>
    run(async () => {
      if (!(await actions.copyText(copyableText(entry)))) {
        setManualCopy(true);
        throw new Error(
          'DoS Desk could not copy to the clipboard. Select the text below, copy it with Ctrl+C, then choose "I have copied it".',
        );
      }
      await actions.change(entry.id, 'mark-copied');
    }, 'Copied. Paste it into a new email in your webmail, then send it.');
  const canRetry =
    ['retrying', 'needs-attention', 'cancelled', 'damaged'].includes(entry.status) ||
    (entry.delivery === 'mail-client' && entry.status === 'handed-to-mail-client');
  const canCancel = ['queued', 'retrying', 'needs-attention', 'damaged'].includes(entry.status);
  const maybeSent = entry.status === 'may-have-been-sent';
  const waitingToCopy = entry.delivery === 'copy' && ['queued', 'needs-attention'].includes(entry.status);

  return (
    <>
      <a className="nhsuk-back-link" href={href(paths.outbox())}>
        Back to the outbox
      </a>
      <PageHeading>{entry.subject}</PageHeading>
      {problem && (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="message-problem" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="message-problem">
            There is a problem
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{problem}</p>
          </div>
        </div>
      )}
      {entry.lastError && (
        <div className="nhsuk-warning-callout" data-testid="message-warning">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              {WARNING_HEADINGS[entry.status] ?? 'This message needs attention'}
            </span>
          </h2>
          {maybeSent && (
            <p>
              <strong>{MAY_HAVE_BEEN_SENT_ADVICE}.</strong>
            </p>
          )}
          <p>{entry.lastError}</p>
        </div>
      )}
      {entry.status === 'handed-to-mail-client' && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            The email was saved as a draft for your email program at <code>{entry.emlPath}</code>. Open it, check it, then send it from
            there. If it did not open, save the .eml file and open it yourself.
          </p>
        </div>
      )}
      <SummaryList
        rows={[
          { key: 'Status', value: <StatusTag status={entry.status} /> },
          { key: 'From', value: mailboxes([entry.from]) },
          { key: 'To', value: mailboxes(entry.to) },
          ...(entry.cc.length ? [{ key: 'Cc', value: mailboxes(entry.cc) }] : []),
          { key: 'How', value: DELIVERY_LABELS[entry.delivery] },
          { key: 'Format', value: entry.format === 'rich' ? 'Rich text (with a plain-text version)' : 'Plain text' },
          { key: 'Written', value: when(entry.createdAt) },
          ...(entry.sentAt ? [{ key: 'Sent', value: when(entry.sentAt) }] : []),
          ...(entry.delivery === 'smtp' ? [{ key: 'Tries', value: String(entry.attempts) }] : []),
          ...(entry.nextAttemptAt ? [{ key: 'Next try', value: when(entry.nextAttemptAt) }] : []),
          { key: 'Message-ID', value: <code>{entry.messageId}</code> },
        ]}
      />
      <div className="app-table-actions">
        {maybeSent && (
          <>
            <button
              type="button"
              disabled={busy}
              className="nhsuk-button"
              onClick={() => run(() => actions.change(entry.id, 'mark-sent'), 'Marked as sent. It will not be sent again.')}
            >
              It was sent
            </button>
            <button
              type="button"
              disabled={busy}
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => run(() => actions.change(entry.id, 'send-again'), 'The message will be sent again.')}
            >
              Send it again
            </button>
          </>
        )}
        {waitingToCopy && (
          <button type="button" disabled={busy} className="nhsuk-button" onClick={copy}>
            Copy email
          </button>
        )}
        {canRetry && (
          <button
            type="button"
            disabled={busy}
            className="nhsuk-button"
            onClick={() =>
              run(
                () => actions.change(entry.id, 'retry'),
                entry.delivery === 'mail-client' ? 'Handed to your email program again.' : 'The message will be sent again.',
              )
            }
          >
            {entry.delivery === 'mail-client' ? 'Open in email program again' : 'Retry'}
          </button>
        )}
        <button type="button" disabled={busy} className="nhsuk-button nhsuk-button--secondary" onClick={saveEml}>
          Save as .eml
        </button>
        {canCancel && (
          <button
            type="button"
            disabled={busy}
            className="nhsuk-button nhsuk-button--warning"
            onClick={() => run(() => actions.change(entry.id, 'cancel'), 'The message was cancelled. It will not be sent.')}
          >
            Cancel message
          </button>
        )}
      </div>
      {manualCopy && waitingToCopy && (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="manual-copy">
            Email to copy
          </label>
          <textarea
            className="nhsuk-textarea"
            id="manual-copy"
            rows={10}
            readOnly
            value={copyableText(entry)}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            disabled={busy}
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => run(() => actions.change(entry.id, 'mark-copied'), 'Marked as copied.')}
          >
            I have copied it
          </button>
        </div>
      )}
      <h2>The email</h2>
      <MessageView entry={entry} />
    </>
  );
}
