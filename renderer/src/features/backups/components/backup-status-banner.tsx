import { useAutomaticBackups } from '../data/use-backups';
import { useBackupStatus } from '../store';
import { href, paths } from '../../../navigation/paths';

/** Runs the automatic backups and says so when one fails. */
export function BackupStatusBanner() {
  useAutomaticBackups();
  const problem = useBackupStatus((s) => s.problem);
  if (!problem) return null;
  return (
    <div className="nhsuk-warning-callout" data-testid="backup-problem">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>Backup problem
        </span>
      </h2>
      <p>
        {problem} Earlier backups are unchanged. <a href={href(paths.backups())}>Go to backups</a>
      </p>
    </div>
  );
}
