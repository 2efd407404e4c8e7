import { useState } from 'react';
import { ActionButton, ActionError } from '../../../components/action-button';
import { useAction } from '../../../components/use-action';
import { downloadText } from '../../../platform/download';
import { useSync } from '../../../sync/sync-context';

/** The largest batch file main takes in (its contract refuses more): checked before reading it. */
export const BATCH_FILE_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Batch files carried by hand, for a desk that cannot reach the team folder (by email, on a USB
 * stick): the same sealed format the folder holds, taken in by the same engine.
 */
export function BatchFiles({ removed = false }: { removed?: boolean }) {
  const sync = useSync();
  const [outcome, setOutcome] = useState('');
  const save = useAction(async () => {
    const file = await sync.exportBatchFile();
    downloadText(file.fileName, file.content, 'application/octet-stream');
    setOutcome(`Saved the batch file ${file.fileName}. Carry it to a desk of the team and take it in there, on its Team page.`);
  });
  const take = useAction(async (file: File) => {
    if (file.size > BATCH_FILE_MAX_BYTES)
      throw new Error(`${file.name} is over 64 MB, so it is not a batch file DoS Desk saved. Nothing was taken in: check the file.`);
    const { imported } = await sync.importBatchFile(await file.text());
    setOutcome(
      imported === 0
        ? `Took in ${file.name}: nothing in it was new on this desk.`
        : `Took in ${file.name}: ${imported === 1 ? '1 record was' : `${imported} records were`} new on this desk.`,
    );
  });
  const busy = save.busy || take.busy;
  return (
    <section aria-labelledby="batch-heading">
      <h2 id="batch-heading">Carry changes by hand</h2>
      <p>
        For a desk that cannot reach the team folder. Save a batch file of this desk&apos;s changes and send it to a desk of the team (by
        email or on a USB stick); that desk takes it in here. Batch files are encrypted with the team&apos;s key and signed by this desk, so
        only the team can read them and a changed file is refused.
      </p>
      {removed ? (
        <p data-testid="batch-save-removed">
          This desk was removed from the team, so it cannot save a batch file: the other desks would refuse it. It can still take one in.
        </p>
      ) : (
        <>
          <div className="app-table-actions">
            <ActionButton
              className="nhsuk-button nhsuk-button--secondary"
              busy={save.busy}
              busyLabel="Saving…"
              disabled={busy}
              onClick={() => void save.run()}
            >
              Save a batch file
            </ActionButton>
          </div>
          <ActionError error={save.error} />
        </>
      )}
      <div className={`nhsuk-form-group${take.error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="batch-file">
          Take in a batch file
        </label>
        <div className="nhsuk-hint" id="batch-file-hint">
          A batch file a desk of this team saved (it ends in .dsb). Taking in the same file twice does no harm.
        </div>
        <ActionError id="batch-file-error" error={take.error} />
        <input
          className="nhsuk-file-upload"
          id="batch-file"
          type="file"
          accept=".dsb,.txt"
          disabled={busy}
          aria-describedby={take.error ? 'batch-file-hint batch-file-error' : 'batch-file-hint'}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            setOutcome('');
            if (file) void take.run(file);
          }}
        />
      </div>
      <p role="status" data-testid="batch-outcome">
        {outcome}
      </p>
    </section>
  );
}
