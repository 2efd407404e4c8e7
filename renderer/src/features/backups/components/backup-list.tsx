import { BACKUP_REASON_LABELS, type BackupManifest } from '@shared/domain/backups';
import type { ParsedBackup } from '../../../db/backup';
import type { BackupsContext } from './backups-context';
import { size, when } from './format';

/** Back up now, the backups kept, and restoring one of them or a file. */
export function BackupList({
  ctx: { actions, run, busy, setStep, announce },
  backups,
  refresh,
  offer,
}: {
  ctx: BackupsContext;
  backups: BackupManifest[] | undefined;
  refresh(): Promise<void>;
  offer(label: string, backup: ParsedBackup): Promise<void>;
}) {
  return (
    <>
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
    </>
  );
}
