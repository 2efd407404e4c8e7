import { formatDay } from '@shared/domain/london-time';
import type { Operator } from '@shared/models/operator';
import { TemporaryEntryInput } from '@shared/models/registers';
import { Form, useZodForm } from '../../../components/form';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { useSession } from '../../../session/store';
import { useManagedAccounts, useRegisterActions } from '../data/use-registers';

const FIELDS = ['accountId', 'reason', 'reviewDate', 'keeper'] as const;

/** Put an account on the temporary register, with the date it is no longer required. */
export function AddTemporary({ operator }: { operator: Operator }) {
  const accounts = useManagedAccounts(operator);
  const actions = useRegisterActions();
  const announce = useSession((s) => s.announce);
  const form = useZodForm(TemporaryEntryInput, { accountId: '', reason: '', reviewDate: '', keeper: 'local' });
  return (
    <>
      <h2>Add a temporary account</h2>
      <Form
        form={form}
        fieldOrder={FIELDS}
        submitLabel="Add to the register"
        resetOnSuccess
        onSubmit={async (input) => {
          const entry = await actions.addTemporary(input);
          announce(`${entry.accountName} is on the register, for review on ${formatDay(entry.reviewDate)}.`);
        }}
      >
        <SelectField
          form={form}
          name="accountId"
          label="Account"
          placeholder="Choose an account"
          options={(accounts ?? []).map((a) => ({ value: a.id, label: `${a.fullName} (${a.email})` }))}
        />
        <TextField form={form} name="reason" label="Why the account is temporary" />
        <TextField form={form} name="reviewDate" type="date" label="Date it is no longer required" width={10} />
        <SelectField
          form={form}
          name="keeper"
          label="Who keeps this entry"
          options={[
            { value: 'local', label: 'Local DoS lead' },
            { value: 'regional', label: 'Regional DoS lead' },
          ]}
        />
      </Form>
    </>
  );
}
