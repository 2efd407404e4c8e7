import { useState } from 'react';
import type { Operator } from '@shared/models/operator';
import { downloadText } from '../../../platform/download';
import type { BackupsContext } from './backups-context';
import { today } from './format';

/** CSV reports for one region. */
export function ReportsSection({
  ctx: { actions, run, busy },
  operator,
  regions,
}: {
  ctx: BackupsContext;
  operator: Operator;
  regions: readonly string[];
}) {
  const [region, setRegion] = useState(operator.approveUserRegions[0] ?? regions[0] ?? '');
  return (
    <>
      <h2>Reports</h2>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="report-region">
          Region
        </label>
        <select className="nhsuk-select" id="report-region" value={region} onChange={(e) => setRegion(e.target.value)}>
          {regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <div className="app-table-actions">
        {(
          [
            ['users', 'User status report'],
            ['requests', 'Requests report'],
            ['audit', 'Audit report'],
          ] as const
        ).map(([kind, label]) => (
          <button
            key={kind}
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            disabled={busy}
            onClick={() =>
              run(async () =>
                downloadText(
                  `${label.toLowerCase().replace(/ /g, '-')}-${region.toLowerCase().replace(/ /g, '-')}-${today()}.csv`,
                  await actions.report(kind, region),
                  'text/csv',
                ),
              )
            }
          >
            {label}
          </button>
        ))}
      </div>
    </>
  );
}
