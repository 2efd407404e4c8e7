import { PageHeading } from '../../../components/page-heading';
import { href, paths } from '../../../navigation/paths';
import { useSync } from '../../../sync/sync-context';
import { TABLE_WORDS } from '../data/versions';

const cell = 'nhsuk-table__cell';
const header = 'nhsuk-table__header';

/** The conflict inbox: every record changed on two desks before they caught up, waiting for a person to choose. */
export function ConflictsPage() {
  const { conflicts, state } = useSync();
  return (
    <>
      <a className="nhsuk-back-link" href={href(paths.team())}>
        Back to team
      </a>
      <PageHeading>Conflicts to resolve</PageHeading>
      <p>
        A conflict is a record changed on two desks before they caught up with each other. Nothing is lost: both versions are kept, and
        every desk shows the same one for now. Open a record to see its versions side by side, then keep one or combine them.
      </p>
      {state.phase === 'off' ? (
        <p>This desk is not in a team, so there are no conflicts.</p>
      ) : conflicts.length === 0 ? (
        <p data-testid="no-conflicts">There are no conflicts to resolve.</p>
      ) : (
        <table className="nhsuk-table" data-testid="conflicts">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Records in conflict</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className={header}>
                Record
              </th>
              <th scope="col" className={header}>
                Kind
              </th>
              <th scope="col" className={header}>
                Versions
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {conflicts.map((c) => (
              <tr className="nhsuk-table__row" key={c.docId} data-testid="conflict-item">
                <td className={cell}>
                  <a href={href(paths.conflict(c.docId))}>{c.subject}</a>
                </td>
                <td className={cell}>{TABLE_WORDS[c.table] ?? c.table}</td>
                <td className={cell}>{c.versions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
