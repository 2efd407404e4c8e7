import { PageHeading } from '../../../components/page-heading';
import { navigate } from '../../../navigation/router';
import { useSession } from '../../../session/store';
import { useOperator } from '../data/operators';
import { useOperatorActions } from '../data/use-operator-actions';
import { OperatorForm } from './operator-form';
import { href, paths } from '../../../navigation/paths';
import { useDesk } from '../../../entities/desk/desk-context';

/** Add an operator (`id` absent) or edit one. */
export function OperatorEditPage({ id }: { id?: string }) {
  const { settings } = useDesk();
  const regions = settings.regions;
  const operator = useOperator(id);
  const { create, update } = useOperatorActions();
  const announce = useSession((s) => s.announce);
  if (id && operator === undefined) return <p>Loading…</p>;
  if (id && operator === null) {
    return (
      <>
        <PageHeading>Operator not found</PageHeading>
        <p>
          This operator is not on this desk. <a href={href(paths.operators())}>Go back to operators</a>.
        </p>
      </>
    );
  }
  const cancel = (
    <a className="nhsuk-link" href={href(paths.operators())}>
      Cancel
    </a>
  );
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading>{operator ? `Edit ${operator.fullName}` : 'Add an operator'}</PageHeading>
        {!operator && <p>The new operator becomes the one working at this desk once their profile is created.</p>}
        <OperatorForm
          key={operator?.id ?? 'new'}
          regions={Array.from(new Set([...regions, ...(operator?.regions ?? [])]))}
          initial={operator ?? undefined}
          submitLabel={operator ? 'Save changes' : 'Create operator profile'}
          secondary={cancel}
          onSubmit={async (values) => {
            if (operator) {
              const saved = await update(operator.id, values, [...regions, ...operator.regions]);
              announce(`Changes to ${saved.fullName} saved.`);
            } else {
              const created = await create(values, regions);
              announce(`Operator profile created. You are working as ${created.fullName}.`);
            }
            navigate(paths.operators());
          }}
        />
      </div>
    </div>
  );
}
