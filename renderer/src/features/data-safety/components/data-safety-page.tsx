import { useState } from 'react';
import { BACKUP_REASON_LABELS, type BackupManifest } from '@shared/domain/backups';
import { formatLondonTimestamp, londonToday } from '@shared/domain/london-time';
import type { Operator } from '@shared/models/operator';
import { settingsInBackup, type ParsedBackup, type RestoreOutcome } from '../../../db/backup';
import { CsvImport } from '../../../components/csv-import';
import { PageHeading } from '../../../components/page-heading';
import { ProgressBar } from '../../../components/progress-bar';
import { downloadText } from '../../../platform/download';
import { useSession } from '../../../session/store';
import { ACCOUNT_CSV_COLUMNS } from '../data/accounts-csv';
import type { MergePlan } from '../data/merge';
import { useBackupList, useDataSafetyActions } from '../data/use-data-safety';

type Step = { stage: string; done: number; total: number } | null;
const when = (iso: string) => formatLondonTimestamp(new Date(iso));
const size = (bytes: number) => (bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** What a restore did, in words, for the confirmation. */
function describeRestore(label: string, outcome: RestoreOutcome): string {
  const parts = [`Restored ${label}.`];
  parts.push(
    outcome.trail === 'kept'
      ? 'The audit trail was kept and the restore added to it.'
      : 'The audit trail came back from the backup, as this desk had none.',
  );
  if (outcome.lost)
    parts.push(
      `Audit entries ${outcome.lost.from} to ${outcome.lost.to}, written after that backup, are lost; Verify on the Audit trail screen lists them.`,
    );
  if (outcome.outbox?.added)
    parts.push(`${outcome.outbox.added} email${outcome.outbox.added === 1 ? '' : 's'} put back in the outbox (none sent again).`);
  parts.push(
    outcome.settings === 'brought-back' ? 'The settings saved in the backup are now in force.' : 'The settings in force were kept.',
  );
  return parts.join(' ');
}

/** Backups, restore, export, import and reports. */
export function DataSafetyPage({ operator, regions }: { operator: Operator; regions: readonly string[] }) {
  const { backups, refresh } = useBackupList();
  const actions = useDataSafetyActions();
  const announce = useSession((s) => s.announce);
  const [step, setStep] = useState<Step>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [candidate, setCandidate] = useState<{ label: string; backup: ParsedBackup; current: Record<string, number> } | null>(null);
  const [plan, setPlan] = useState<MergePlan | null>(null);
  const [region, setRegion] = useState(operator.approveUserRegions[0] ?? regions[0] ?? '');

  const run = async (work: () => Promise<void>) => {
    setProblem(null);
    try {
      await work();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setStep(null);
    }
  };
  const [bringBackSettings, setBringBackSettings] = useState(false);
  const offer = async (label: string, backup: ParsedBackup) => {
    setBringBackSettings(false);
    setCandidate({ label, backup, current: await actions.currentCounts() });
  };
  const busy = step !== null;

  return (
    <>
      <PageHeading>Backups and data</PageHeading>
      {step && <ProgressBar label={step.stage} done={step.done} total={step.total} />}
      {problem && (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="data-problem" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="data-problem">
            There is a problem
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{problem}</p>
            <p>Nothing was changed.</p>
          </div>
        </div>
      )}
      {candidate && (
        <section className="nhsuk-card" aria-labelledby="restore-summary">
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading" id="restore-summary">
              Restore {candidate.label}?
            </h2>
            <table className="nhsuk-table" data-testid="restore-summary">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Records in the backup and on this desk now</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">
                    Records
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    In the backup
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    On this desk now
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {Object.keys({ ...candidate.current, ...candidate.backup.counts })
                  .filter((t) => t !== 'settingsCache')
                  .map((t) => (
                    <tr className="nhsuk-table__row" key={t}>
                      <td className="nhsuk-table__cell">{t}</td>
                      <td className="nhsuk-table__cell">{candidate.backup.counts[t] ?? 0}</td>
                      <td className="nhsuk-table__cell">{candidate.current[t] ?? 0}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
            <p data-testid="restore-checks">
              {candidate.backup.checksummed
                ? 'Checked: the file matches the SHA-256 checksum it carries and the counts it lists.'
                : 'This file is an export or a backup made by an earlier DoS Desk: it carries no checksum, so DoS Desk checked only that it is complete.'}
            </p>
            <p>
              The records on this desk are backed up first, then put back as they were in the backup, in one go. The audit trail on this
              desk is kept whole and the restore is added to it. The backup&apos;s own audit trail is checked first, against its hashes and
              what this desk witnessed: if it was altered, nothing changes. Emails in the backup are never sent again.
            </p>
            {settingsInBackup(candidate.backup) && (
              <div className="nhsuk-form-group">
                <fieldset className="nhsuk-fieldset" aria-describedby="restore-settings-hint">
                  <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Settings</legend>
                  <div className="nhsuk-hint" id="restore-settings-hint">
                    The SMTP server, DoS team addresses, regions and Connecting Care settings now in force stay as they are unless you
                    choose otherwise.
                  </div>
                  <div className="nhsuk-checkboxes">
                    <div className="nhsuk-checkboxes__item">
                      <input
                        className="nhsuk-checkboxes__input"
                        id="restore-settings"
                        type="checkbox"
                        checked={bringBackSettings}
                        onChange={(e) => setBringBackSettings(e.target.checked)}
                      />
                      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="restore-settings">
                        Also bring back the settings saved in this backup
                      </label>
                    </div>
                  </div>
                </fieldset>
              </div>
            )}
            <div className="app-table-actions">
              <button
                type="button"
                className="nhsuk-button nhsuk-button--warning"
                disabled={busy}
                onClick={() =>
                  run(async () => {
                    const outcome = await actions.restore(candidate.backup, candidate.label, bringBackSettings, setStep);
                    setCandidate(null);
                    await refresh();
                    announce(describeRestore(candidate.label, outcome));
                  })
                }
              >
                Yes, restore it
              </button>
              <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setCandidate(null)}>
                Cancel
              </button>
            </div>
          </div>
        </section>
      )}

      <h2>Backups</h2>
      <p>
        DoS Desk backs up by itself once a day, when it closes, and before any update to the records or a restore. It keeps 7 daily and 4
        weekly backups and every backup made before an update.
      </p>
      <button
        type="button"
        className="nhsuk-button"
        disabled={busy}
        onClick={() =>
          run(async () => {
            const m = await actions.backup(setStep);
            await refresh();
            announce(
              `Backed up ${Object.values(m.counts)
                .reduce((a, b) => a + b, 0)
                .toLocaleString('en-GB')} records.`,
            );
          })
        }
      >
        Back up now
      </button>
      {backups === undefined ? (
        <p>Loading backups…</p>
      ) : backups.length === 0 ? (
        <p>There are no backups yet.</p>
      ) : (
        <table className="nhsuk-table" data-testid="backup-list">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Backups, newest first</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Made
              </th>
              <th scope="col" className="nhsuk-table__header">
                Why
              </th>
              <th scope="col" className="nhsuk-table__header">
                Size
              </th>
              <th scope="col" className="nhsuk-table__header">
                Accounts
              </th>
              <th scope="col" className="nhsuk-table__header">
                Restore
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {backups.map((b: BackupManifest) => (
              <tr className="nhsuk-table__row" key={b.fileName}>
                <td className="nhsuk-table__cell">{when(b.createdAt)}</td>
                <td className="nhsuk-table__cell">{BACKUP_REASON_LABELS[b.reason]}</td>
                <td className="nhsuk-table__cell">{size(b.bytes)}</td>
                <td className="nhsuk-table__cell">{b.counts.accounts ?? 0}</td>
                <td className="nhsuk-table__cell">
                  <button
                    type="button"
                    className="app-link-button"
                    disabled={busy}
                    onClick={() => run(async () => offer(`the backup from ${when(b.createdAt)}`, await actions.readManifest(b, setStep)))}
                  >
                    Restore<span className="nhsuk-u-visually-hidden"> the backup from {when(b.createdAt)}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="restore-file">
          Restore from a backup file
        </label>
        <div className="nhsuk-hint" id="restore-file-hint">
          A backup or export file made by DoS Desk. It is checked before anything changes.
        </div>
        <input
          className="nhsuk-file-upload"
          id="restore-file"
          type="file"
          accept=".json,application/json"
          aria-describedby="restore-file-hint"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void run(async () => offer(`the file ${file.name}`, await actions.readFile(file)));
          }}
        />
      </div>

      <h2>Export</h2>
      <p>Everything on this desk in one file, for safekeeping or for a team member to import.</p>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        disabled={busy}
        onClick={() =>
          run(async () => {
            const blob = await actions.exportAll(setStep);
            downloadText(`dos-desk-export-${londonToday()}.json`, await blob.text(), 'application/json');
            announce('The export has been saved to your downloads.');
          })
        }
      >
        Export all records
      </button>

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

      <CsvImport
        heading="Import accounts from CSV"
        columns={ACCOUNT_CSV_COLUMNS}
        noun="accounts"
        preview={(csv) => actions.previewAccounts(operator, csv)}
        commit={(rows) => actions.importAccounts(rows)}
        onImported={(n) => announce(`${n} account${n === 1 ? '' : 's'} imported.`)}
      />

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
            onClick={() =>
              run(async () =>
                downloadText(
                  `${label.toLowerCase().replace(/ /g, '-')}-${region.toLowerCase().replace(/ /g, '-')}-${londonToday()}.csv`,
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
