import { PageHeading } from '../../../components/page-heading';
import { navigate } from '../../../navigation/router';
import { useSession } from '../../../session/store';
import { useOperators } from '../data/operators';
import { useOperatorActions } from '../data/use-operator-actions';
import { href, paths } from '../../../navigation/paths';

/** Everyone set up on this desk; switch who is working, add or edit a profile. */
export function OperatorsPage() {
  const operators = useOperators();
  // Also shown before anyone is chosen (no desk context yet), so it reads the session itself.
  const currentId = useSession((s) => s.currentOperatorId);
  const announce = useSession((s) => s.announce);
  const { switchTo } = useOperatorActions();
  return (
    <>
      <PageHeading>Operators on this desk</PageHeading>
      <p>
        Shared on-call desks can have several operators. Switch to yourself before you make changes: every change is recorded against the
        operator working.
      </p>
      <a className="nhsuk-button nhsuk-button--secondary" href={href(paths.newOperator())} draggable={false}>
        Add an operator
      </a>
      {operators === undefined ? (
        <p>Loading operators…</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">{operators.length === 1 ? '1 operator' : `${operators.length} operators`}</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Name
              </th>
              <th scope="col" className="nhsuk-table__header">
                Email
              </th>
              <th scope="col" className="nhsuk-table__header">
                Job role
              </th>
              <th scope="col" className="nhsuk-table__header">
                Regions
              </th>
              <th scope="col" className="nhsuk-table__header">
                Actions
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {operators.map((op) => (
              <tr className="nhsuk-table__row" key={op.id}>
                <td className="nhsuk-table__cell">
                  {op.fullName}
                  {op.id === currentId && (
                    <>
                      {' '}
                      <strong className="nhsuk-tag nhsuk-tag--green">Working now</strong>
                    </>
                  )}
                </td>
                <td className="nhsuk-table__cell">{op.email}</td>
                <td className="nhsuk-table__cell">{op.jobRole}</td>
                <td className="nhsuk-table__cell">{op.regions.join(', ')}</td>
                <td className="nhsuk-table__cell">
                  <div className="app-table-actions">
                    {op.id !== currentId && (
                      <button
                        type="button"
                        className="nhsuk-button nhsuk-button--small nhsuk-u-margin-bottom-0"
                        onClick={async () => {
                          const chosen = await switchTo(op.id);
                          announce(`You are now working as ${chosen.fullName}.`);
                          navigate(paths.home());
                        }}
                      >
                        Switch to<span className="nhsuk-u-visually-hidden"> {op.fullName}</span>
                      </button>
                    )}
                    <a href={href(paths.operator(op.id))}>
                      Edit<span className="nhsuk-u-visually-hidden"> {op.fullName}</span>
                    </a>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
