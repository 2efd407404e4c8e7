import { useId, useState } from 'react';

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
  const [rows, setRows] = useState<R[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const count = (s: ImportPreviewRow['status']) => rows?.filter((r) => r.status === s).length ?? 0;
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
            const file = e.target.files?.[0];
            if (file) setCsv(await file.text());
            setRows(null);
          }}
        />
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
          value={csv}
          aria-describedby={problem ? `${id}-error` : undefined}
          onChange={(e) => {
            setCsv(e.target.value);
            setRows(null);
          }}
          spellCheck={false}
        />
      </div>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={async () => {
          setProblem(null);
          try {
            setRows(await preview(csv));
          } catch (e) {
            setRows(null);
            setProblem(e instanceof Error ? e.message : String(e));
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
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">What the import would do, row by row</caption>
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
              {rows.map((r) => (
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
          {count('new') + count('changed') > 0 && (
            <button
              type="button"
              className="nhsuk-button"
              onClick={async () => {
                try {
                  const n = await commit(rows);
                  setRows(null);
                  setCsv('');
                  onImported(n);
                } catch (e) {
                  setProblem(e instanceof Error ? e.message : String(e));
                }
              }}
            >
              Import {count('new') + count('changed')} {count('changed') ? '' : 'new '}
              {noun}
            </button>
          )}
        </>
      )}
    </>
  );
}
