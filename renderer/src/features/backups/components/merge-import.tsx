import { useState } from 'react';
import type { MergePlan } from '../data/merge';
import type { BackupsContext } from './backups-context';

/** Import a team member's export: the differences first, then merge. */
export function MergeImport({ ctx: { actions, run, busy, announce } }: { ctx: BackupsContext }) {
  const [plan, setPlan] = useState<MergePlan | null>(null);
  return (
    <>
      <h2>Import a team member&apos;s export</h2>
      <p>
        Records are matched by id: new ones are added and, where both desks have a record, the newer change wins. Differences are listed
        first.
      </p>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="merge-file">
          Choose their export file
        </label>
        <input
          className="nhsuk-file-upload"
          id="merge-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void run(async () => setPlan(await actions.planMerge(await actions.readFile(file))));
          }}
        />
      </div>
      {plan && (
        <div className="nhsuk-card" data-testid="merge-plan">
          <div className="nhsuk-card__content">
            <p>
              {plan.counts.new} new, {plan.counts['theirs-newer']} newer in their export, {plan.counts['ours-newer']} newer here (kept),{' '}
              {plan.counts.same} the same.
            </p>
            {plan.conflicts.length > 0 && (
              <ul className="nhsuk-list nhsuk-list--bullet">
                {plan.conflicts.slice(0, 50).map((c) => (
                  <li key={`${c.table}:${c.id}`}>
                    {c.table}: {c.label} –{' '}
                    {c.outcome === 'theirs-newer' ? 'their change is newer and will be used' : 'the change here is newer and is kept'}
                  </li>
                ))}
              </ul>
            )}
            <div className="app-table-actions">
              <button
                type="button"
                className="nhsuk-button"
                disabled={busy || plan.counts.new + plan.counts['theirs-newer'] === 0}
                onClick={() =>
                  run(async () => {
                    const n = await actions.applyMerge(plan);
                    setPlan(null);
                    announce(`${n} record${n === 1 ? '' : 's'} merged from the export.`);
                  })
                }
              >
                Merge {plan.counts.new + plan.counts['theirs-newer']} records
              </button>
              <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setPlan(null)}>
                Cancel
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
