import { useState } from 'react';
import { toCsv } from '@shared/domain/csv';
import { formatDay, formatLondonTime, londonDate } from '@shared/domain/london-time';
import type { PharmacyChange } from '@shared/models/pharmacy';
import { PageHeading } from '../../../components/page-heading';
import { downloadText } from '../../../platform/download';
import { useChangesOn } from '../data/use-pharmacy';
import { KIND_LABELS } from './pharmacy-tags';
import { href, paths } from '../../../navigation/paths';
import { useDesk } from '../../../entities/desk/desk-context';

const time = (iso: string) => formatLondonTime(new Date(iso));

function reportCsv(changes: readonly PharmacyChange[]): string {
  return toCsv(
    ['date', 'time', 'region', 'odsCode', 'pharmacy', 'change', 'summary', 'by', 'localTeamEmailed', 'nhsUkInformed'],
    changes.map((c) => [
      c.date,
      time(c.at),
      c.region,
      c.odsCode,
      c.pharmacyName,
      KIND_LABELS[c.kind],
      c.summary,
      c.operatorName,
      c.kind === 'on-call-change' ? (c.localTeamOutboxId ? 'yes' : 'no') : '',
      c.followUp ? (c.followUp.status === 'done' ? 'yes' : 'not yet') : '',
    ]),
  );
}

/** The day's pharmacy changes in the operator's regions (profile changes and on-call changes), on screen and as CSV. */
export function PharmacyReportPage({ today = londonDate(new Date()) }: { today?: string }) {
  const { operator } = useDesk();
  const [date, setDate] = useState(today);
  const changes = useChangesOn(date, operator.regions);
  return (
    <>
      <a className="nhsuk-back-link" href={href(paths.pharmacies())}>
        Back to pharmacies
      </a>
      <PageHeading>Daily report of pharmacy changes</PageHeading>
      <p>Profile changes and on-call changes made on the day in {operator.regions.join(', ') || 'your regions'}.</p>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="pharmacy-report-date">
          Date
        </label>
        <input
          className="nhsuk-input nhsuk-input--width-10"
          id="pharmacy-report-date"
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
      </div>
      {changes === undefined ? (
        <p>Loading…</p>
      ) : changes.length === 0 ? (
        <p>No pharmacy changes were made on {formatDay(date, { weekday: true })}.</p>
      ) : (
        <>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => downloadText(`pharmacy-changes-${date}.csv`, reportCsv(changes), 'text/csv')}
          >
            Download as CSV
          </button>
          <table className="nhsuk-table" data-testid="pharmacy-report">
            <caption className="nhsuk-table__caption">{`${changes.length} change${changes.length === 1 ? '' : 's'} on ${formatDay(date, { weekday: true })}`}</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">
                  Time
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Pharmacy
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Change
                </th>
                <th scope="col" className="nhsuk-table__header">
                  By
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {changes.map((c) => (
                <tr className="nhsuk-table__row" key={c.id}>
                  <td className="nhsuk-table__cell">{time(c.at)}</td>
                  <td className="nhsuk-table__cell">
                    <a href={href(paths.pharmacy(c.profileId))}>{c.pharmacyName}</a> ({c.odsCode}), {c.region}
                  </td>
                  <td className="nhsuk-table__cell">
                    <strong>{KIND_LABELS[c.kind]}</strong>
                    <div className="nhsuk-body-s nhsuk-u-margin-bottom-0">{c.summary}</div>
                    {c.followUp && (
                      <div className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                        NHS.UK {c.followUp.status === 'done' ? 'informed' : 'not informed yet'}
                      </div>
                    )}
                  </td>
                  <td className="nhsuk-table__cell">{c.operatorName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
