import { useState } from 'react';
import { formatLondonTimestamp } from '@shared/domain/london-time';
import { DELIVERY_LABELS, MAY_HAVE_BEEN_SENT_ADVICE, OutboxStatus, STATUS_LABELS } from '@shared/models/email';
import { PageHeading } from '../../../components/page-heading';
import { useOutboxCounts, useOutboxList } from '../data/outbox';
import { StatusTag } from './status-tag';
import { href, paths } from '../../../navigation/paths';

const when = (iso: string) => formatLondonTimestamp(new Date(iso));

const plural = (n: number) => (n === 1 ? '1 message' : `${n} messages`);

/** Every email DoS Desk has written: status, counts, a filter, and a link to each. */
export function OutboxPage() {
  const [filter, setFilter] = useState<OutboxStatus | ''>('');
  const { data: entries, error } = useOutboxList(filter || undefined);
  const { data: counts } = useOutboxCounts();
  return (
    <>
      <PageHeading>Outbox</PageHeading>
      <p>Emails wait here until they have gone. Messages for SMTP are retried automatically when the connection comes back.</p>
      <a className="nhsuk-button nhsuk-button--secondary" href={href(paths.newNote())} draggable={false}>
        Write a note to a DoS team
      </a>
      {counts && counts.byStatus['may-have-been-sent'] + counts.byStatus.damaged > 0 && (
        <div className="nhsuk-inset-text" data-testid="outbox-needs-person">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          {counts.byStatus['may-have-been-sent'] > 0 && (
            <p>
              {plural(counts.byStatus['may-have-been-sent'])} may have been sent. {MAY_HAVE_BEEN_SENT_ADVICE}, then open each one and choose
              &ldquo;It was sent&rdquo; or &ldquo;Send it again&rdquo;. DoS Desk does not send them again on its own.
            </p>
          )}
          {counts.byStatus.damaged > 0 && (
            <p>
              {plural(counts.byStatus.damaged)} could not be read back from the outbox records. Each email is kept: open it to send it, save
              it as an .eml file, or cancel it.
            </p>
          )}
        </div>
      )}
      {counts && (
        <ul className="nhsuk-list app-table-actions" aria-label="Messages by status">
          {OutboxStatus.options
            .filter((s) => counts.byStatus[s] > 0)
            .map((s) => (
              <li key={s}>
                <StatusTag status={s} /> {counts.byStatus[s]}
              </li>
            ))}
        </ul>
      )}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="outbox-filter">
          Show
        </label>
        <select className="nhsuk-select" id="outbox-filter" value={filter} onChange={(e) => setFilter(e.target.value as OutboxStatus | '')}>
          <option value="">All messages{counts ? ` (${counts.total})` : ''}</option>
          {OutboxStatus.options.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
              {counts ? ` (${counts.byStatus[s]})` : ''}
            </option>
          ))}
        </select>
      </div>
      {error && <p className="nhsuk-error-message">{error}</p>}
      {entries === undefined ? (
        <p>Loading the outbox…</p>
      ) : entries.length === 0 ? (
        <p>{filter ? 'No messages with this status.' : 'The outbox is empty.'}</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Messages in the outbox, newest first</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Subject
              </th>
              <th scope="col" className="nhsuk-table__header">
                To
              </th>
              <th scope="col" className="nhsuk-table__header">
                How
              </th>
              <th scope="col" className="nhsuk-table__header">
                Written
              </th>
              <th scope="col" className="nhsuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {entries.map((e) => (
              <tr className="nhsuk-table__row" key={e.id}>
                <td className="nhsuk-table__cell">
                  <a href={href(paths.message(e.id))}>{e.subject}</a>
                </td>
                <td className="nhsuk-table__cell">{e.to.map((t) => t.address).join(', ')}</td>
                <td className="nhsuk-table__cell">{DELIVERY_LABELS[e.delivery]}</td>
                <td className="nhsuk-table__cell">{when(e.createdAt)}</td>
                <td className="nhsuk-table__cell">
                  <StatusTag status={e.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
