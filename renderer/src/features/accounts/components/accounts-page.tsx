import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ROLE_NAMES } from '@shared/domain/permissions';
import { getSuggestedSet, SUGGESTED_SETS } from '@shared/domain/user-types';
import type { Account } from '@shared/models/account';
import type { Operator } from '@shared/models/operator';
import { PageHeading } from '../../../components/page-heading';
import { useAccountsInScope } from '../data/accounts';

type Sort = 'name' | 'organisation' | 'updated';
const ROW_HEIGHT = 56;

interface Indexed {
  account: Account;
  /** Name, email and organisation in lower case, for search-as-you-type. */
  haystack: string;
}

const SORTS: Record<Sort, (a: Account, b: Account) => number> = {
  name: (a, b) => a.fullName.localeCompare(b.fullName),
  organisation: (a, b) => a.organisation.localeCompare(b.organisation) || a.fullName.localeCompare(b.fullName),
  updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
};

/** Sorted once per change of data or sort order, so each keystroke only filters. */
export function indexAccounts(accounts: readonly Account[], sort: Sort): Indexed[] {
  return [...accounts]
    .sort(SORTS[sort])
    .map((account) => ({ account, haystack: `${account.fullName}\n${account.email}\n${account.organisation}`.toLowerCase() }));
}

/** Filters the sorted index in memory, keeping its order; exported for tests. */
export function filterAccounts(
  index: readonly Indexed[],
  f: { search: string; role: string; region: string; userType: string; status: string },
): Account[] {
  const q = f.search.trim().toLowerCase();
  const out: Account[] = [];
  for (const { account: a, haystack } of index) {
    if (q && !haystack.includes(q)) continue;
    if (f.role && !a.roles.includes(f.role)) continue;
    if (f.region && !a.regions.includes(f.region)) continue;
    if (f.userType && a.userType !== f.userType) continue;
    if (f.status && a.status !== f.status) continue;
    out.push(a);
  }
  return out;
}

/** Users in my region: every DoS account in the regions where the operator holds approveUser. */
export function AccountsPage({ operator }: { operator: Operator }) {
  const accounts = useAccountsInScope(operator);
  const [search, setSearch] = useState('');
  const [role, setRole] = useState('');
  const [region, setRegion] = useState('');
  const [userType, setUserType] = useState('');
  const [status, setStatus] = useState('active');
  const [sort, setSort] = useState<Sort>('name');
  const deferredSearch = useDeferredValue(search);
  const index = useMemo(() => indexAccounts(accounts ?? [], sort), [accounts, sort]);
  const rows = useMemo(
    () => filterAccounts(index, { search: deferredSearch, role, region, userType, status }),
    [index, deferredSearch, role, region, userType, status],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  if (!operator.approveUserRegions.length) {
    return (
      <>
        <PageHeading>Users in my region</PageHeading>
        <p>
          You do not hold the approveUser permission in any region, so you cannot see or manage DoS accounts. If you do hold it,{' '}
          <a href={`#/operators/${operator.id}`}>update your operator profile</a>.
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
        <a href="#/accounts/new">Add an existing account</a>
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
          (v) => setSort((v || 'name') as Sort),
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
            {items.map((item) => {
              const a = rows[item.index]!;
              return (
                <tr className="nhsuk-table__row" key={a.id} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                  <td className="nhsuk-table__cell">
                    <a href={`#/accounts/${a.id}`}>{a.fullName}</a>
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
