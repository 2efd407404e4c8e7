import { PageHeading } from '../../../components/page-heading';
import { useSession } from '../../../session/store';
import { useOperatorActions } from '../data/use-operator-actions';
import { OperatorForm } from './operator-form';

/** Shown until this desk has an operator: nothing can be written without one. */
export function FirstRunPage({ regions }: { regions: readonly string[] }) {
  const { create } = useOperatorActions();
  const announce = useSession((s) => s.announce);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading>Set up your operator profile</PageHeading>
        <p>
          DoS Desk records who makes every change. Each person using this desk sets up their own operator profile: shared profiles are not
          allowed, so the audit trail stays accurate.
        </p>
        <OperatorForm
          regions={regions}
          submitLabel="Create operator profile"
          onSubmit={async (values) => {
            const operator = await create(values, regions);
            announce(`Operator profile created. You are working as ${operator.fullName}.`);
          }}
        />
      </div>
    </div>
  );
}
