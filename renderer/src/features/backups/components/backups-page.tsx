import { useState } from 'react';
import type { ParsedBackup } from '../../../db/backup';
import { CsvImport } from '../../../components/csv-import';
import { PageHeading } from '../../../components/page-heading';
import { ProgressBar } from '../../../components/progress-bar';
import { useAction } from '../../../components/use-action';
import { useSession } from '../../../session/store';
import { ACCOUNT_CSV_COLUMNS } from '../data/accounts-csv';
import { useBackupList, useBackupsActions } from '../data/use-backups';
import { BackupList } from './backup-list';
import type { BackupsContext } from './backups-context';
import { ExportAll } from './export-all';
import { ReportsSection } from './reports-section';
import { TeamPointer } from './team-pointer';
import { RestoreConfirm, type RestoreCandidate } from './restore-confirm';
import { useDesk } from '../../../entities/desk/desk-context';

type Step = { stage: string; done: number; total: number } | null;

/** Backups: make and restore them, export and import records, and reports. */
export function BackupsPage() {
  const { operator, settings } = useDesk();
  const regions = settings.regions;
  const { backups, refresh } = useBackupList();
  const actions = useBackupsActions();
  const announce = useSession((s) => s.announce);
  const [step, setStep] = useState<Step>(null);
  const [candidate, setCandidate] = useState<RestoreCandidate | null>(null);
  const work = useAction(async (job: () => Promise<void>) => {
    try {
      await job();
    } finally {
      setStep(null);
    }
  });
  const ctx: BackupsContext = {
    actions,
    run: (job) => void work.run(job),
    busy: step !== null || work.busy,
    setStep,
    announce,
  };
  const offer = async (label: string, backup: ParsedBackup) => {
    setCandidate({ label, backup, current: await actions.currentCounts(), offered: Date.now() });
  };

  return (
    <>
      <PageHeading>Backups</PageHeading>
      {step && <ProgressBar label={step.stage} done={step.done} total={step.total} />}
      {work.error && (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="data-problem" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="data-problem">
            There is a problem
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{work.error}</p>
            <p>Nothing was changed.</p>
          </div>
        </div>
      )}
      {candidate && (
        <RestoreConfirm key={candidate.offered} ctx={ctx} candidate={candidate} setCandidate={setCandidate} refresh={refresh} />
      )}
      <BackupList ctx={ctx} backups={backups} refresh={refresh} offer={offer} />
      <ExportAll ctx={ctx} />
      <TeamPointer />
      <CsvImport
        heading="Import accounts from CSV"
        columns={ACCOUNT_CSV_COLUMNS}
        noun="accounts"
        preview={(csv) => actions.previewAccounts(operator, csv)}
        commit={(rows) => actions.importAccounts(rows)}
        onImported={(n) => announce(`${n} account${n === 1 ? '' : 's'} imported.`)}
      />
      <ReportsSection ctx={ctx} operator={operator} regions={regions} />
    </>
  );
}
