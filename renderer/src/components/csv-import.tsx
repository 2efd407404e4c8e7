import { useId, useMemo, useState } from 'react';
import { plainErrorMessage } from '../platform/plain-error';

export interface ImportPreviewRow {
  line: number;
  status: 'new' | 'changed' | 'duplicate' | 'invalid';
  reason: string | null;
  /** What the row is, for people: a name. */
  label: string;
}

interface CsvImportProps<R extends ImportPreviewRow> {
  heading: string;
  columns: readonly string[];
  /** Plural noun, like "services" or "requests". */
  noun: string;
  preview(csv: string): Promise<R[]>;
  commit(rows: readonly R[]): Promise<number>;
  onImported(count: number): void;
}

/** The dry run is shown a page at a time; a 10,000-row file would otherwise draw 10,000 rows. */
const ROWS_PER_PAGE = 100;

const TAG: Record<ImportPreviewRow['status'], [string, string]> = {
  new: ['nhsuk-tag--green', 'New'],
  changed: ['nhsuk-tag--blue', 'Changed'],
  duplicate: ['nhsuk-tag--grey', 'Already there'],
  invalid: ['nhsuk-tag--red', 'Problem'],
};

/**
 * CSV import with a dry run: choose or paste a file, see each row as new, already there or a
 * problem (with the reason), then import the new rows or nothing.
 */
export function CsvImport<R extends ImportPreviewRow>({ heading, columns, noun, preview, commit, onImported }: CsvImportProps<R>) {
  const id = useId().replace(/:/g, '');
  const [csv, setCsv] = useState('');
  // A chosen file's text is kept here, not put in the paste box (a 10,000-line box is slow to draw).
  const [file, setFile] = useState<{ name: string; lines: number } | null>(null);
  const [rows, setRows] = useState<R[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [show, setShow] = useState<ImportPreviewRow['status'] | ''>('');
  const [page, setPage] = useState(0);
  // While the rows are being written the button cannot be pressed again (no second import).
  const [importing, setImporting] = useState(false);
  const counts = useMemo(() => {
    const c: Record<ImportPreviewRow['status'], number> = { new: 0, changed: 0, duplicate: 0, invalid: 0 };
    for (const r of rows ?? []) c[r.status]++;
    return c;
  }, [rows]);
  const count = (s: ImportPreviewRow['status']) => counts[s];
  const shown = useMemo(() => (rows ?? []).filter((r) => !show || r.status === show), [rows, show]);
  const pages = Math.max(1, Math.ceil(shown.length / ROWS_PER_PAGE));
  const current = Math.min(page, pages - 1);
  const clear = () => {
    setRows(null);
    setShow('');
    setPage(0);
  };
  return (
    <>
      <h2>{heading}</h2>
      <p className="nhsuk-body-s">
        Columns: <code>{columns.join(', ')}</code>. You will see what would be added before anything is saved.
      </p>
      <div className={`nhsuk-form-group${problem ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={`${id}-file`}>
          Choose a CSV file
        </label>
        <input
          className="nhsuk-file-upload"
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          onChange={async (e) => {
            const chosen = e.target.files?.[0];
            clear();
            if (!chosen) return;
            const text = await chosen.text();
            setCsv(text);
            setFile({ name: chosen.name, lines: Math.max(0, text.trim().split('\n').length - 1) });
          }}
        />
        {file && (
          <p className="nhsuk-body-s nhsuk-u-margin-top-2" data-testid={`${id}-chosen`}>
            Chosen: <strong>{file.name}</strong> ({file.lines.toLocaleString('en-GB')} row{file.lines === 1 ? '' : 's'} after the header).
            Pasting below replaces it.
          </p>
        )}
        <label className="nhsuk-label nhsuk-u-margin-top-3" htmlFor={`${id}-text`}>
          Or paste the CSV
        </label>
        {problem && (
          <span className="nhsuk-error-message" id={`${id}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
          </span>
        )}
        <textarea
          className={`nhsuk-textarea${problem ? ' nhsuk-textarea--error' : ''}`}
          id={`${id}-text`}
          rows={5}
          value={file ? '' : csv}
          aria-describedby={problem ? `${id}-error` : undefined}
          onChange={(e) => {
            setFile(null);
            setCsv(e.target.value);
            clear();
          }}
          spellCheck={false}
        />
      </div>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={async () => {
          setProblem(null);
          clear();
          if (!csv.trim()) {
            setProblem('Choose a CSV file or paste the CSV first.');
            return;
          }
          try {
            setRows(await preview(csv));
          } catch (e) {
            setProblem(plainErrorMessage(e));
          }
        }}
      >
        Check the file
      </button>
      {rows && (
        <>
          <p role="status">
            {count('new')} new, {count('changed') ? `${count('changed')} changed, ` : ''}
            {count('duplicate')} already there, {count('invalid')} with problems.
          </p>
          {rows.length > ROWS_PER_PAGE && (
            <div className="nhsuk-form-group app-filter">
              <label className="nhsuk-label" htmlFor={`${id}-show`}>
                Show
              </label>
              <select
                className="nhsuk-select"
                id={`${id}-show`}
                value={show}
                onChange={(e) => {
                  setShow(e.target.value as ImportPreviewRow['status'] | '');
                  setPage(0);
                }}
              >
                <option value="">All rows ({rows.length.toLocaleString('en-GB')})</option>
                {(Object.keys(TAG) as ImportPreviewRow['status'][]).map((s) => (
                  <option key={s} value={s} disabled={!counts[s]}>
                    {TAG[s][1]} ({counts[s].toLocaleString('en-GB')})
                  </option>
                ))}
              </select>
            </div>
          )}
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
              What the import would do, row by row{pages > 1 ? `, page ${current + 1} of ${pages}` : ''}
            </caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">
                  Line
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Row
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
              {shown.slice(current * ROWS_PER_PAGE, (current + 1) * ROWS_PER_PAGE).map((r) => (
                <tr className="nhsuk-table__row" key={r.line}>
                  <td className="nhsuk-table__cell">{r.line}</td>
                  <td className="nhsuk-table__cell">{r.label || '(blank)'}</td>
                  <td className="nhsuk-table__cell">
                    <strong className={`nhsuk-tag ${TAG[r.status][0]}`}>{TAG[r.status][1]}</strong>
                  </td>
                  <td className="nhsuk-table__cell">{r.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 && (
            <nav className="app-table-actions" aria-label="Pages of rows">
              <p className="nhsuk-body-s">
                Rows {(current * ROWS_PER_PAGE + 1).toLocaleString('en-GB')} to{' '}
                {Math.min(shown.length, (current + 1) * ROWS_PER_PAGE).toLocaleString('en-GB')} of {shown.length.toLocaleString('en-GB')}
              </p>
              {current > 0 && (
                <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setPage(current - 1)}>
                  Previous rows
                </button>
              )}
              {current < pages - 1 && (
                <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setPage(current + 1)}>
                  Next rows
                </button>
              )}
            </nav>
          )}
          {count('new') + count('changed') > 0 && (
            <button
              type="button"
              className="nhsuk-button"
              disabled={importing}
              aria-disabled={importing}
              onClick={async () => {
                setImporting(true);
                try {
                  const n = await commit(rows);
                  clear();
                  setCsv('');
                  setFile(null);
                  onImported(n);
                } catch (e) {
                  setProblem(plainErrorMessage(e));
                } finally {
                  setImporting(false);
                }
              }}
            >
              {importing ? (
                'Importing…'
              ) : (
                <>
                  Import {count('new') + count('changed')} {count('changed') ? '' : 'new '}
                  {noun}
                </>
              )}
            </button>
          )}
        </>
      )}
    </>
  );
}
