import { useState } from 'react';
import { flattenTree } from '@shared/domain/service-tree';
import { PageHeading } from '../../../components/page-heading';
import { useSession } from '../../../session/store';
import type { ImportRow } from '../data/services';
import { useServices } from '../data/services';
import { useServiceActions } from '../data/use-service-actions';

const STATUS_TAG: Record<ImportRow['status'], string> = {
  new: 'nhsuk-tag--green',
  duplicate: 'nhsuk-tag--grey',
  invalid: 'nhsuk-tag--red',
};

/** The services directory as a tree, with add, edit and CSV import. */
export function ServicesPage({ regions }: { regions: readonly string[] }) {
  const services = useServices();
  const tree = services ? flattenTree(services) : [];
  return (
    <>
      <PageHeading>Services</PageHeading>
      <p>The services DoS accounts relate to. A user related to a service also reaches every child service under it.</p>
      <a className="nhsuk-button nhsuk-button--secondary" href="#/services/new" draggable={false}>
        Add a service
      </a>
      {services === undefined ? (
        <p>Loading services…</p>
      ) : tree.length === 0 ? (
        <p>There are no services yet.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">{`${services.length} service${services.length === 1 ? '' : 's'}`}</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Service
              </th>
              <th scope="col" className="nhsuk-table__header">
                Type
              </th>
              <th scope="col" className="nhsuk-table__header">
                ODS code
              </th>
              <th scope="col" className="nhsuk-table__header">
                Region
              </th>
              <th scope="col" className="nhsuk-table__header">
                Child services
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {tree.map(({ service, depth, descendants }) => (
              <tr className="nhsuk-table__row" key={service.id}>
                <td className="nhsuk-table__cell" style={{ paddingLeft: `${depth * 24}px` }}>
                  {depth > 0 && <span aria-hidden="true">└ </span>}
                  <a href={`#/services/${service.id}`}>{service.name}</a>
                </td>
                <td className="nhsuk-table__cell">{service.serviceType}</td>
                <td className="nhsuk-table__cell">{service.odsCode || '–'}</td>
                <td className="nhsuk-table__cell">{service.region}</td>
                <td className="nhsuk-table__cell">{descendants}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ImportServices regions={regions} />
    </>
  );
}

function ImportServices({ regions }: { regions: readonly string[] }) {
  const actions = useServiceActions(regions);
  const announce = useSession((s) => s.announce);
  const [csv, setCsv] = useState('');
  const [rows, setRows] = useState<ImportRow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const counts = rows
    ? {
        new: rows.filter((r) => r.status === 'new').length,
        duplicate: rows.filter((r) => r.status === 'duplicate').length,
        invalid: rows.filter((r) => r.status === 'invalid').length,
      }
    : null;
  return (
    <>
      <h2>Import services from CSV</h2>
      <p className="nhsuk-body-s">
        Columns: <code>name, serviceType, odsCode, region, parentOdsCode</code>. You will see what would be added before anything is saved.
      </p>
      <div className={`nhsuk-form-group${problem ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="services-csv-file">
          Choose a CSV file
        </label>
        <input
          className="nhsuk-file-upload"
          id="services-csv-file"
          type="file"
          accept=".csv,text/csv"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) setCsv(await file.text());
            setRows(null);
          }}
        />
        <label className="nhsuk-label nhsuk-u-margin-top-3" htmlFor="services-csv">
          Or paste the CSV
        </label>
        {problem && (
          <span className="nhsuk-error-message" id="services-csv-error">
            <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
          </span>
        )}
        <textarea
          className="nhsuk-textarea"
          id="services-csv"
          rows={5}
          value={csv}
          onChange={(e) => (setCsv(e.target.value), setRows(null))}
          spellCheck={false}
        />
      </div>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={async () => {
          setProblem(null);
          try {
            setRows(await actions.preview(csv));
          } catch (e) {
            setRows(null);
            setProblem(e instanceof Error ? e.message : String(e));
          }
        }}
      >
        Check the file
      </button>
      {rows && counts && (
        <>
          <p role="status">
            {counts.new} new, {counts.duplicate} already there, {counts.invalid} with problems.
          </p>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">What the import would do, row by row</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">
                  Line
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Service
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Result
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Why
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {rows.map((r) => (
                <tr className="nhsuk-table__row" key={r.line}>
                  <td className="nhsuk-table__cell">{r.line}</td>
                  <td className="nhsuk-table__cell">{r.raw.name || '(no name)'}</td>
                  <td className="nhsuk-table__cell">
                    <strong className={`nhsuk-tag ${STATUS_TAG[r.status]}`}>
                      {r.status === 'new' ? 'New' : r.status === 'duplicate' ? 'Already there' : 'Problem'}
                    </strong>
                  </td>
                  <td className="nhsuk-table__cell">{r.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {counts.new > 0 && (
            <button
              type="button"
              className="nhsuk-button"
              onClick={async () => {
                try {
                  const n = await actions.commit(rows);
                  announce(`${n} service${n === 1 ? '' : 's'} imported.`);
                  setRows(null);
                  setCsv('');
                } catch (e) {
                  setProblem(e instanceof Error ? e.message : String(e));
                }
              }}
            >
              Import {counts.new} new service{counts.new === 1 ? '' : 's'}
            </button>
          )}
        </>
      )}
    </>
  );
}
