import type { Operator } from '@shared/models/operator';
import { CsvImport } from '../../../components/csv-import';
import { useSession } from '../../../session/store';
import { REQUEST_CSV_COLUMNS } from '../data/requests';
import { useRequestActions } from '../data/use-requests';

/** Requests from a CSV, with a dry run first. */
export function ImportRequests({ operator }: { operator: Operator }) {
  const actions = useRequestActions();
  const announce = useSession((s) => s.announce);
  return (
    <CsvImport
      heading="Import requests from CSV"
      columns={REQUEST_CSV_COLUMNS}
      noun="requests"
      preview={async (csv) => (await actions.preview(operator, csv)).map((r) => ({ ...r, label: r.raw.fullName ?? '' }))}
      commit={(rows) => actions.commit(rows)}
      onImported={(n) => announce(`${n} request${n === 1 ? '' : 's'} imported.`)}
    />
  );
}
