import type { ReactNode } from 'react';

/** NHS summary list: a key and its value per row. */
export function SummaryList({ rows }: { rows: readonly { key: string; value: ReactNode }[] }) {
  return (
    <dl className="nhsuk-summary-list">
      {rows.map((row) => (
        <div className="nhsuk-summary-list__row" key={row.key}>
          <dt className="nhsuk-summary-list__key">{row.key}</dt>
          <dd className="nhsuk-summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
