import { useContext, useState } from 'react';
import { SyncContext } from '../../../sync/sync-context';
import { settingsInBackup, type ParsedBackup } from '../../../db/backup';
import type { BackupsContext } from './backups-context';
import { describeRestore } from './describe-restore';

export interface RestoreCandidate {
  label: string;
  backup: ParsedBackup;
  current: Record<string, number>;
  /** When it was offered: a new offer starts with the settings box unticked. */
  offered: number;
}

/** What a restore would bring back, against what is on this desk now; restore or cancel. */
export function RestoreConfirm({
  ctx: { actions, run, busy, setStep, announce },
  candidate,
  setCandidate,
  refresh,
}: {
  ctx: BackupsContext;
  candidate: RestoreCandidate;
  setCandidate(c: RestoreCandidate | null): void;
  refresh(): Promise<void>;
}) {
  const [bringBackSettings, setBringBackSettings] = useState(false);
  const team = useContext(SyncContext)?.state.team;
  return (
    <section className="nhsuk-card" aria-labelledby="restore-summary">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading" id="restore-summary">
          Restore {candidate.label}?
        </h2>
        {team?.state === 'member' && (
          <div className="nhsuk-warning-callout" data-testid="restore-team-warning">
            <h3 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>This desk is in the team {team.team.name}
              </span>
            </h3>
            <p>
              A restore changes records the whole team shares: records that differ from the backup are changed back on every desk, and
              records made since the backup are deleted on every desk. To get back records this desk lost, you do not need a restore: the
              team folder brings them back.
            </p>
          </div>
        )}
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
          The records on this desk are backed up first, then put back as they were in the backup, in one go. The audit trail on this desk is
          kept whole and the restore is added to it. The backup&apos;s own audit trail is checked first, against its hashes and what this
          desk witnessed: if it was altered, nothing changes. Emails in the backup are never sent again.
        </p>
        {settingsInBackup(candidate.backup) && (
          <div className="nhsuk-form-group">
            <fieldset className="nhsuk-fieldset" aria-describedby="restore-settings-hint">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Settings</legend>
              <div className="nhsuk-hint" id="restore-settings-hint">
                The SMTP server, DoS team addresses, regions and Connecting Care settings now in force stay as they are unless you choose
                otherwise.
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
  );
}
