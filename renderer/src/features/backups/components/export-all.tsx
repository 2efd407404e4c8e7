import { downloadText } from '../../../platform/download';
import type { BackupsContext } from './backups-context';
import { today } from './format';

/** Everything on this desk in one file. */
export function ExportAll({ ctx: { actions, run, busy, setStep, announce } }: { ctx: BackupsContext }) {
  return (
    <>
      <h2>Export</h2>
      <p>Everything on this desk in one file, for safekeeping. It can be restored on this desk or another.</p>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        disabled={busy}
        onClick={() =>
          run(async () => {
            const blob = await actions.exportAll(setStep);
            downloadText(`dos-desk-export-${today()}.json`, await blob.text(), 'application/json');
            announce('The export has been saved to your downloads.');
          })
        }
      >
        Export all records
      </button>
    </>
  );
}
