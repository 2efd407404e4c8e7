import { useEffect, useMemo, useRef, useState } from 'react';
import { ROLE_NAMES } from '@shared/domain/permissions';
import { getSuggestedSet, SUGGESTED_SETS } from '@shared/domain/user-types';
import { PageHeading } from '../../../components/page-heading';
import { useRowWindow } from '../../../components/use-row-window';
import { useAccountsInScope } from '../data/accounts';
import { AccountSearch, type AccountSort } from '../data/account-search';
import { href, paths } from '../../../navigation/paths';
import { useDesk } from '../../../entities/desk/desk-context';

const ROW_HEIGHT = 56;

/** Users in my region: every DoS account in the regions where the operator holds approveUser. */
export function AccountsPage() {
  const { operator } = useDesk();
  const accounts = useAccountsInScope(operator);
  const [search, setSearch] = useState('');
  const [role, setRole] = useState('');
  const [region, setRegion] = useState('');
  const [userType, setUserType] = useState('');
  const [status, setStatus] = useState('active');
  const [sort, setSort] = useState<AccountSort>('name');
  // Filtering is incremental (see AccountSearch), so it runs in the keystroke's own frame.
  const index = useMemo(() => new AccountSearch(accounts ?? [], sort), [accounts, sort]);
  const rows = useMemo(() => index.filter({ search, role, region, userType, status }), [index, search, role, region, userType, status]);
  // While the page is idle, work out the one-letter searches so the first keystroke is instant.
  useEffect(() => {
    let handle = 0;
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 50));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const step = () => {
      if (index.primeNext({ role, region, userType, status })) handle = idle(step);
    };
    handle = idle(step);
    return () => cancel(handle);
  }, [index, role, region, userType, status]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { start, end, padTop, padBottom } = useRowWindow(scrollRef, rows.length, ROW_HEIGHT);

  if (!operator.approveUserRegions.length) {
    return (
      <>
        <PageHeading>Users in my region</PageHeading>
        <p>
          You do not hold the approveUser permission in any region, so you cannot see or manage DoS accounts. If you do hold it,{' '}
          <a href={href(paths.operator(operator.id))}>update your operator profile</a>.
        </p>
      </>
    );
  }

  const select = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    options: { value: string; label: string }[],
    all: string,
  ) => (
    <div className="nhsuk-form-group app-filter">
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <select className="nhsuk-select" id={id} value={value} onChange={(e) => set(e.target.value)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <>
      <PageHeading>Users in my region</PageHeading>
      <p>
        DoS accounts in {operator.approveUserRegions.join(', ')}, where you hold approveUser.{' '}
        <a href={href(paths.newAccount())}>Add an existing account</a>
      </p>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="account-search">
          Search by name, email or organisation
        </label>
        <input
          className="nhsuk-input"
          id="account-search"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="app-filters">
        {select(
          'filter-role',
          'Role',
          role,
          setRole,
          ROLE_NAMES.map((r) => ({ value: r, label: r })),
          'Any role',
        )}
        {select(
          'filter-region',
          'Region',
          region,
          setRegion,
          operator.approveUserRegions.map((r) => ({ value: r, label: r })),
          'All my regions',
        )}
        {select(
          'filter-type',
          'User type',
          userType,
          setUserType,
          SUGGESTED_SETS.map((s) => ({ value: s.id, label: s.label })),
          'Any type',
        )}
        {select(
          'filter-status',
          'Status',
          status,
          setStatus,
          [
            { value: 'active', label: 'Active' },
            { value: 'deleted', label: 'Deleted' },
          ],
          'Any status',
        )}
        {select(
          'sort',
          'Sort by',
          sort,
          (v) => setSort((v || 'name') as AccountSort),
          [
            { value: 'organisation', label: 'Organisation' },
            { value: 'updated', label: 'Recently changed' },
          ],
          'Name',
        )}
      </div>
      <p role="status" aria-live="polite" data-testid="account-count">
        {accounts === undefined
          ? 'Loading accounts…'
          : `${rows.length.toLocaleString('en-GB')} of ${accounts.length.toLocaleString('en-GB')} accounts`}
      </p>
      <div ref={scrollRef} className="app-virtual-scroll" tabIndex={0} aria-label="Accounts">
        <table className="nhsuk-table app-accounts-table" aria-rowcount={rows.length + 1}>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Name
              </th>
              <th scope="col" className="nhsuk-table__header">
                Organisation
              </th>
              <th scope="col" className="nhsuk-table__header">
                User type
              </th>
              <th scope="col" className="nhsuk-table__header">
                Regions
              </th>
              <th scope="col" className="nhsuk-table__header">
                Roles
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {padTop > 0 && (
              <tr aria-hidden="true">
                <td colSpan={5} style={{ height: padTop, padding: 0, border: 0 }} />
              </tr>
            )}
            {rows.slice(start, end).map((a, i) => {
              return (
                <tr className="nhsuk-table__row" key={a.id} aria-rowindex={start + i + 2} style={{ height: ROW_HEIGHT }}>
                  <td className="nhsuk-table__cell">
                    <a href={href(paths.account(a.id))}>{a.fullName}</a>
                    {a.status === 'deleted' && <strong className="nhsuk-tag nhsuk-tag--grey app-inline-tag">Deleted</strong>}
                  </td>
                  <td className="nhsuk-table__cell">{a.organisation}</td>
                  <td className="nhsuk-table__cell">{getSuggestedSet(a.userType).label}</td>
                  <td className="nhsuk-table__cell">{a.regions.join(', ')}</td>
                  <td className="nhsuk-table__cell">{a.roles.length}</td>
                </tr>
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden="true">
                <td colSpan={5} style={{ height: padBottom, padding: 0, border: 0 }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
