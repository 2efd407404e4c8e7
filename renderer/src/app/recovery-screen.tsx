import { useState } from 'react';
import Dexie from 'dexie';
import type { DosDeskApi } from '@shared/ipc/api';
import { BACKUP_REASON_LABELS } from '@shared/domain/backups';
import { formatLondonDateTime } from '@shared/domain/london-time';
import { parseBackup, readBackup, restoreInto } from '../db/backup';
import { DosDeskDb } from '../db/database';
import { ProgressBar } from '../components/progress-bar';
import { SKIP_BACKUP_KEY, START_EMPTY_KEY, type Boot } from './boot';
import { plainErrorMessage } from '../platform/plain-error';

type Failed = Extract<Boot, { ok: false }>;

const when = (iso: string) => formatLondonDateTime(new Date(iso));

const TITLES: Record<Failed['kind'], string> = {
  'newer-version': 'The records on this computer were saved by a newer version of DoS Desk',
  'open-failed': 'The local database is locked, damaged or unavailable',
  'backup-failed': 'DoS Desk could not back up the records before updating them',
  'empty-with-backups': 'The records on this computer are empty, but there are backups',
};

/**
 * Shown instead of the app when the records cannot be used as they are: what happened and what
 * to do, with the newest good backup offered where there is one. Never a blank window (GUIDE §6).
 */
export function RecoveryScreen({ booted, api }: { booted: Failed; api: DosDeskApi }) {
  const [progress, setProgress] = useState<{ stage: string; done: number; total: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const newest = booted.backups[0];

  const restoreNewest = async () => {
    setProblem(null);
    // Newest first; a backup that fails its checksum is skipped for the next one.
    for (const manifest of booted.backups) {
      try {
        const parsed = await parseBackup(await readBackup(api, manifest, setProgress));
        if (booted.kind === 'open-failed') await Dexie.delete(booted.dbName);
        const db = new DosDeskDb(booted.dbName);
        await db.open();
        await restoreInto(db, parsed, {
          api,
          label: `the backup from ${when(manifest.createdAt)}`,
          operatorId: null,
          progress: setProgress,
        });
        db.close();
        window.location.reload();
        return;
      } catch (error) {
        setProblem(`The backup from ${when(manifest.createdAt)} could not be used: ${plainErrorMessage(error)}`);
      }
    }
    setProgress(null);
  };

  return (
    <div className="nhsuk-width-container">
      <main className="nhsuk-main-wrapper app-recovery" id="maincontent">
        <h1>DoS Desk could not open its records</h1>
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="recovery-title" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="recovery-title">
            {TITLES[booted.kind]}
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>
              Nothing has been deleted yet.{' '}
              {booted.kind === 'empty-with-backups'
                ? 'This can happen after an update or a reinstall.'
                : 'Your records are still on this computer.'}
            </p>
          </div>
        </div>
        <h2>What to do</h2>
        {booted.kind === 'newer-version' ? (
          <ol className="nhsuk-list nhsuk-list--number">
            <li>Install the newer version of DoS Desk again. Do not use this older version with these records.</li>
            <li>If you cannot, contact your local IT service desk and tell them the details below.</li>
          </ol>
        ) : (
          <>
            {booted.kind === 'open-failed' && (
              <ol className="nhsuk-list nhsuk-list--number">
                <li>Close every other DoS Desk window, then choose Try again.</li>
                <li>Check the computer has free disk space.</li>
                <li>If it still fails, restore the newest good backup below.</li>
              </ol>
            )}
            {booted.kind === 'backup-failed' && (
              <p>
                Free some disk space and try again. You can update without a backup, but if anything goes wrong there will be nothing to go
                back to.
              </p>
            )}
            {newest ? (
              <div className="nhsuk-inset-text">
                <span className="nhsuk-u-visually-hidden">Information: </span>
                <p>
                  The newest backup is from {when(newest.createdAt)} ({BACKUP_REASON_LABELS[newest.reason].toLowerCase()}), holding{' '}
                  {newest.counts.accounts ?? 0} accounts and {newest.counts.audit ?? 0} audit entries.
                  {booted.kind === 'open-failed' ? ' Restoring it replaces the damaged records.' : ''}
                </p>
                <button type="button" className="nhsuk-button" onClick={() => void restoreNewest()} disabled={progress !== null}>
                  Restore the newest good backup
                </button>
              </div>
            ) : (
              booted.kind !== 'empty-with-backups' && <p>There are no backups on this computer.</p>
            )}
          </>
        )}
        {progress && <ProgressBar label={progress.stage} done={progress.done} total={progress.total} />}
        {problem && <p className="nhsuk-error-message">{problem}</p>}
        <div className="app-table-actions">
          {booted.kind === 'empty-with-backups' && (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => {
                sessionStorage.setItem(START_EMPTY_KEY, '1');
                window.location.reload();
              }}
            >
              Start with an empty desk
            </button>
          )}
          {booted.kind === 'backup-failed' && (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--warning"
              onClick={() => {
                sessionStorage.setItem(SKIP_BACKUP_KEY, '1');
                window.location.reload();
              }}
            >
              Update without a backup
            </button>
          )}
          {booted.kind !== 'empty-with-backups' && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => window.location.reload()}>
              Try again
            </button>
          )}
        </div>
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Technical details</span>
          </summary>
          <div className="nhsuk-details__text">
            <pre>
              {booted.error.name}: {booted.error.message}
            </pre>
          </div>
        </details>
      </main>
    </div>
  );
}
