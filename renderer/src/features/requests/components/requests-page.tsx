import { useState } from 'react';
import { daysSinceRegistration, UNVALIDATED_LABEL } from '@shared/domain/requests';
import { getSuggestedSet } from '@shared/domain/user-types';
import { PageHeading } from '../../../components/page-heading';
import { lastQueuePage, standsOut } from '../data/requests';
import { useQueueCounts, useQueueRows } from '../data/use-requests';
import { ImportRequests } from './import-requests';
import { href, paths } from '../../../navigation/paths';
import { useDesk } from '../../../entities/desk/desk-context';

/** Outstanding requests for the regions where the operator holds approveUser. */
export function RequestsPage({ now = new Date() }: { now?: Date }) {
  const { operator } = useDesk();
  const [oldestFirst, setOldestFirst] = useState(true);
  const [page, setPage] = useState(0);
  // The rows are read first, straight from the index, and shown as soon as they are there; the
  // counts (which IndexedDB works out by walking the index) fill in beside them.
  const rows = useQueueRows(operator, page, oldestFirst);
  const counts = useQueueCounts(operator);
  const last = counts ? lastQueuePage(counts.total) : null;
  // Requests can leave the queue while a later page is shown: go back to the last page there is.
  if (last !== null && page > last) setPage(last);
  if (!operator.approveUserRegions.length) {
    return (
      <>
        <PageHeading>Outstanding user requests</PageHeading>
        <p>
          You will only see requests for regions where you hold the approveUser permission, and you hold it in none. If you do,{' '}
          <a href={href(paths.operator(operator.id))}>update your operator profile</a>.
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading>Outstanding user requests</PageHeading>
      <p>
        Requests for DoS access in {operator.approveUserRegions.join(', ')}. <a href={href(paths.newRequest())}>Enter a request</a>
      </p>
      <ul className="nhsuk-list app-table-actions" aria-label="Outstanding requests by region" data-testid="region-counts">
        {(counts?.perRegion ?? []).map((r) => (
          <li key={r.region}>
            {r.region}: <strong>{r.count}</strong>
          </li>
        ))}
      </ul>
      {counts?.total === 0 ? (
        <p>There are no outstanding requests.</p>
      ) : rows === undefined || rows.length === 0 ? (
        <p>Loading requests…</p>
      ) : (
        <table className="nhsuk-table" data-testid="request-queue">
          <caption className="nhsuk-table__caption">
            {counts && last !== null
              ? `${counts.total} outstanding request${counts.total === 1 ? '' : 's'}${last > 0 ? `, page ${page + 1} of ${last + 1}` : ''}`
              : 'Outstanding requests'}
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Name
              </th>
              <th scope="col" className="nhsuk-table__header">
                Region
              </th>
              <th scope="col" className="nhsuk-table__header">
                User type asked for
              </th>
              <th scope="col" className="nhsuk-table__header" aria-sort={oldestFirst ? 'descending' : 'ascending'}>
                <button
                  type="button"
                  className="app-link-button"
                  onClick={() => {
                    setOldestFirst((v) => !v);
                    setPage(0);
                  }}
                >
                  Days since registration
                  <span className="nhsuk-u-visually-hidden">
                    , sorted {oldestFirst ? 'oldest first' : 'newest first'}; select to reverse
                  </span>
                </button>
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {rows.map((r) => {
              const overdue = standsOut(r, now);
              return (
                <tr className={`nhsuk-table__row${overdue ? ' app-row-overdue' : ''}`} key={r.id}>
                  <td className="nhsuk-table__cell">
                    <a href={href(paths.request(r.id))}>{r.fullName}</a>
                    {!r.emailValidatedOn && <div className="nhsuk-body-s nhsuk-u-margin-bottom-0">{UNVALIDATED_LABEL}</div>}
                  </td>
                  <td className="nhsuk-table__cell">{r.region}</td>
                  <td className="nhsuk-table__cell">{getSuggestedSet(r.userType).label}</td>
                  <td className="nhsuk-table__cell">
                    {daysSinceRegistration(new Date(r.registeredAt), now)}
                    {overdue && <strong className="nhsuk-tag nhsuk-tag--red app-inline-tag">Unvalidated 28 days or more</strong>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {last !== null && last > 0 && (
        <nav className="app-table-actions" aria-label="Pages of requests">
          {page > 0 && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setPage(page - 1)}>
              Previous page
            </button>
          )}
          {page < last && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setPage(page + 1)}>
              Next page
            </button>
          )}
        </nav>
      )}
      <ImportRequests operator={operator} />
    </>
  );
}
