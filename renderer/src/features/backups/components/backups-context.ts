import type { Progress } from '../../../db/backup';
import type { useBackupsActions } from '../data/use-backups';

/** What every part of the Backups page shares: its actions, one runner (busy, error) and progress. */
export interface BackupsContext {
  actions: ReturnType<typeof useBackupsActions>;
  /** Runs one piece of work at a time; its error is shown at the top of the page. */
  run(work: () => Promise<void>): void;
  busy: boolean;
  setStep: Progress;
  announce(message: string): void;
}
