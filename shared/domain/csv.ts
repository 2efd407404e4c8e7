/**
 * CSV for reports, written by `Papa.unparse`: RFC 4180 quoting, CRLF line ends, and cells that a
 * spreadsheet would run as a formula (starting with = + - @, tab or CR) prefixed with an apostrophe
 * (OWASP "CSV injection"). Values that are not text are written as JSON (numbers as digits, records
 * such as an audit entry's before and after as JSON), so a negative number is escaped too.
 */
import Papa from 'papaparse';

/** Papa's own default (`/^[=+\-@\t\r].*$/`) misses a formula followed by a line break. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const table = [header, ...rows].map((row) => row.map(cellText));
  return Papa.unparse(table, { newline: '\r\n', escapeFormulae: FORMULA_START }) + '\r\n';
}
