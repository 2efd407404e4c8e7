import { useMemo, useState } from 'react';
import type { Operator } from '@shared/models/operator';
import { PageHeading } from '../../../components/page-heading';
import { downloadText } from '../../../platform/download';
import { useAuditPage, useAuditTools, type AuditFilter } from '../data/audit';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/London' });
/** Every kind of record the audit trail holds, in words. */
const ENTITIES: readonly [string, string][] = [
  ['account', 'DoS accounts'],
  ['request', 'User requests'],
  ['temporary-account', 'Temporary accounts'],
  ['emergency-change', 'Emergency changes'],
  ['service', 'Services'],
  ['pharmacy', 'Pharmacy profiles and changes'],
  ['cc-organisation', 'Connecting Care organisations'],
  ['cc-request', 'Connecting Care requests'],
  ['email', 'Emails'],
  ['operator', 'Operators'],
  ['session', 'Operator switches'],
  ['settings', 'Settings'],
];

function describe(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (Array.isArray(value)) return value.join(', ') || '(none)';
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    return String(v.fullName ?? v.name ?? v.subject ?? JSON.stringify(value)).slice(0, 120);
  }
  return String(value);
}

/** The audit trail: who did what, when, before and after; filters, CSV export and chain check. */
export function AuditPage({ operators }: { operators: readonly Operator[] }) {
  const [filter, setFilter] = useState<AuditFilter>({ entity: '', action: '', operatorId: '', from: '', to: '' });
  const [page, setPage] = useState(0);
  const stableFilter = useMemo(() => filter, [filter]);
  const result = useAuditPage(stableFilter, page);
  const tools = useAuditTools();
  const [verdict, setVerdict] = useState<string | null>(null);
  const names = new Map(operators.map((o) => [o.id, o.fullName]));
  const set = (key: keyof AuditFilter) => (e: { target: { value: string } }) => {
    setFilter((f) => ({ ...f, [key]: e.target.value }));
    setPage(0);
  };
  return (
    <>
      <PageHeading>Audit trail</PageHeading>
      <p>Every change made on this desk, newest first. Entries cannot be changed: each carries the hash of the one before it.</p>
      <div className="app-table-actions">
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={async () => {
            setVerdict('Checking…');
            const report = await tools.verify();
            setVerdict(
              report.problem
                ? `The audit trail has been tampered with: ${report.problem.reason}. Entries after that cannot be trusted. Keep this desk as it is and tell your Regional DoS team.`
                : `All ${report.checked.toLocaleString('en-GB')} entries checked: the chain is unbroken.`,
            );
          }}
        >
          Verify the audit trail
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={async () =>
            downloadText(`dos-desk-audit-${new Date().toISOString().slice(0, 10)}.csv`, await tools.csv(filter), 'text/csv')
          }
        >
          Export as CSV
        </button>
      </div>
      {verdict && (
        <p role="status" className={verdict.includes('tampered') ? 'nhsuk-error-message' : ''} data-testid="audit-verdict">
          {verdict}
        </p>
      )}
      <div className="app-filters">
        <div className="nhsuk-form-group app-filter">
          <label className="nhsuk-label" htmlFor="audit-entity">
            Record type
          </label>
          <select className="nhsuk-select" id="audit-entity" value={filter.entity} onChange={set('entity')}>
            <option value="">Any</option>
            {ENTITIES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="nhsuk-form-group app-filter">
          <label className="nhsuk-label" htmlFor="audit-action">
            Action contains
          </label>
          <input className="nhsuk-input" id="audit-action" value={filter.action} onChange={set('action')} spellCheck={false} />
        </div>
        <div className="nhsuk-form-group app-filter">
          <label className="nhsuk-label" htmlFor="audit-operator">
            Operator
          </label>
          <select className="nhsuk-select" id="audit-operator" value={filter.operatorId} onChange={set('operatorId')}>
            <option value="">Anyone</option>
            {operators.map((o) => (
              <option key={o.id} value={o.id}>
                {o.fullName}
              </option>
            ))}
          </select>
        </div>
        <div className="nhsuk-form-group app-filter">
          <label className="nhsuk-label" htmlFor="audit-from">
            From
          </label>
          <input className="nhsuk-input" id="audit-from" type="date" value={filter.from} onChange={set('from')} />
        </div>
        <div className="nhsuk-form-group app-filter">
          <label className="nhsuk-label" htmlFor="audit-to">
            To
          </label>
          <input className="nhsuk-input" id="audit-to" type="date" value={filter.to} onChange={set('to')} />
        </div>
      </div>
      {!result ? (
        <p>Loading…</p>
      ) : result.entries.length === 0 ? (
        <p>No entries match.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Audit entries, newest first</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                When
              </th>
              <th scope="col" className="nhsuk-table__header">
                Who
              </th>
              <th scope="col" className="nhsuk-table__header">
                Action
              </th>
              <th scope="col" className="nhsuk-table__header">
                Before
              </th>
              <th scope="col" className="nhsuk-table__header">
                After
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {result.entries.map((e) => (
              <tr className="nhsuk-table__row" key={e.id}>
                <td className="nhsuk-table__cell">{dateTime.format(new Date(e.at))}</td>
                <td className="nhsuk-table__cell">{names.get(e.operatorId) ?? e.operatorId}</td>
                <td className="nhsuk-table__cell">
                  <code>{e.action}</code>
                </td>
                <td className="nhsuk-table__cell">{describe(e.before)}</td>
                <td className="nhsuk-table__cell">{describe(e.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="app-table-actions">
        {page > 0 && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setPage((p) => p - 1)}>
            Newer entries
          </button>
        )}
        {result?.hasMore && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setPage((p) => p + 1)}>
            Older entries
          </button>
        )}
      </div>
    </>
  );
}
