import { useState } from 'react';
import { toCsv } from '@shared/domain/csv';
import { formatDay, formatLondonTime, londonDate } from '@shared/domain/london-time';
import { PageHeading } from '../../../components/page-heading';
import { downloadText } from '../../../platform/download';
import { useCapacityDay, type CapacityDay } from '../data/service-status';
import { CapacityTag } from './service-tags';
import { href, paths } from '../../../navigation/paths';
import { useDesk } from '../../../entities/desk/desk-context';

const time = (iso: string) => formatLondonTime(new Date(iso));

function reportCsv(day: CapacityDay): string {
  return toCsv(
    ['region', 'date', 'service', 'serviceType', 'result', 'capacity', 'setBy', 'setAt', 'note'],
    [
      ...day.reported.map(({ service, report }) => [
        day.region,
        day.date,
        service.name,
        service.serviceType,
        'reported',
        report.rag,
        report.setBy,
        report.at,
        report.note,
      ]),
      ...day.notReported.map((s) => [day.region, day.date, s.name, s.serviceType, 'not reported', '', '', '', '']),
      ...day.suspended.map((s) => [day.region, day.date, s.name, s.serviceType, 'suspended', '', '', '', s.suspension?.reason ?? '']),
    ],
  );
}

/** The daily capacity (RAG) report for a region: who reported today, who did not, what is suspended. */
export function CapacityReportPage({ today = londonDate(new Date()) }: { today?: string }) {
  const { operator } = useDesk();
  const [region, setRegion] = useState(operator.regions[0] ?? '');
  const [date, setDate] = useState(today);
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const day = useCapacityDay(region, validDate ? date : null);
  return (
    <>
      <a className="nhsuk-back-link" href={href(paths.services())}>
        Back to services
      </a>
      <PageHeading>Daily capacity report</PageHeading>
      <p>
        Which services in the region reported their capacity status (red, amber or green) on the day, which did not, and which are
        suspended.
      </p>
      <div className="app-filters">
        <div className="nhsuk-form-group app-filter">
          <label className="nhsuk-label" htmlFor="report-region">
            Region
          </label>
          <select className="nhsuk-select" id="report-region" value={region} onChange={(e) => setRegion(e.target.value)}>
            {operator.regions.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </div>
        <div className="nhsuk-form-group app-filter">
          <label className="nhsuk-label" htmlFor="report-date">
            Date
          </label>
          <input
            className="nhsuk-input nhsuk-input--width-10"
            id="report-date"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
      </div>
      {!region ? (
        <p>You do not cover any region. Add your regions to your operator profile.</p>
      ) : !validDate ? (
        <p>Enter a date to see its report.</p>
      ) : !day ? (
        <p>Loading…</p>
      ) : (
        <>
          <p role="status" data-testid="capacity-summary">
            {day.reported.length} reported, {day.notReported.length} not reported, {day.suspended.length} suspended.
          </p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => downloadText(`capacity-${region.toLowerCase().replace(/ /g, '-')}-${date}.csv`, reportCsv(day), 'text/csv')}
          >
            Download as CSV
          </button>
          <h2>Not reported</h2>
          {day.notReported.length ? (
            <ul className="nhsuk-list nhsuk-list--bullet" data-testid="not-reported">
              {day.notReported.map((s) => (
                <li key={s.id}>
                  <a href={href(paths.service(s.id))}>{s.name}</a> ({s.serviceType})
                </li>
              ))}
            </ul>
          ) : (
            <p>Every open service has reported.</p>
          )}
          <h2>Reported</h2>
          {day.reported.length ? (
            <table className="nhsuk-table" data-testid="reported">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
                Services that reported on {formatDay(date, { weekday: true })}
              </caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">
                    Service
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    Capacity
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    Set by
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {day.reported.map(({ service, report }) => (
                  <tr className="nhsuk-table__row" key={service.id}>
                    <td className="nhsuk-table__cell">
                      <a href={href(paths.service(service.id))}>{service.name}</a>
                    </td>
                    <td className="nhsuk-table__cell">
                      <CapacityTag rag={report.rag} />
                      {report.note && <div className="nhsuk-body-s nhsuk-u-margin-bottom-0">{report.note}</div>}
                    </td>
                    <td className="nhsuk-table__cell">
                      {report.setBy} at {time(report.at)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>No service has reported on this day.</p>
          )}
          <h2>Suspended</h2>
          {day.suspended.length ? (
            <ul className="nhsuk-list nhsuk-list--bullet" data-testid="suspended">
              {day.suspended.map((s) => (
                <li key={s.id}>
                  <a href={href(paths.service(s.id))}>{s.name}</a>: {s.suspension?.reason}
                  {s.suspension?.until ? ` (until ${formatDay(s.suspension.until)})` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p>No service is suspended on this day.</p>
          )}
        </>
      )}
    </>
  );
}
