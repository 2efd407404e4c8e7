import type { Operator } from '@shared/models/operator';
import type { Service } from '@shared/models/service';
import { CheckboxGroup } from '../../../components/checkbox-group';
import { Form, useZodForm } from '../../../components/form';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { TextareaField } from '../../../components/textarea-field';
import { useSession } from '../../../session/store';
import { useCoveredAccounts, useRegisterActions } from '../data/use-registers';
import { LogChangeForm, nowForInput } from '../schemas';

const FIELDS = ['accountId', 'madeAt', 'serviceId', 'kinds', 'details', 'why'] as const;

/** Log an emergency change made out of hours, to be reported within 24 hours. */
export function LogChange({ operator, services }: { operator: Operator; services: readonly Service[] }) {
  const accounts = useCoveredAccounts(operator);
  const actions = useRegisterActions();
  const announce = useSession((s) => s.announce);
  const blank = () => ({ accountId: '', madeAt: nowForInput(), serviceId: '', kinds: [], details: '', why: '' });
  const form = useZodForm(LogChangeForm, blank());
  const covered = services.filter((s) => operator.regions.includes(s.region)).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <h3>Log an emergency change</h3>
      <Form
        form={form}
        fieldOrder={FIELDS}
        submitLabel="Log the change"
        onSubmit={async (input) => {
          const change = await actions.logChange(input);
          announce(`The change to ${change.serviceName} is logged. Report it within 24 hours.`);
          form.reset(blank());
        }}
      >
        <SelectField
          form={form}
          name="accountId"
          label="Who made the change"
          hint="Their own individual DoS account. Shared accounts must not be used, so the audit trail stays accurate."
          placeholder="Choose their DoS account"
          options={(accounts ?? []).map((a) => ({ value: a.id, label: `${a.fullName} (${a.email})` }))}
        />
        <TextField form={form} name="madeAt" type="datetime-local" label="When it was made (London time)" width={20} />
        <SelectField
          form={form}
          name="serviceId"
          label="Service changed"
          placeholder="Choose the service"
          options={covered.map((s) => ({ value: s.id, label: `${s.name} (${s.region})` }))}
        />
        <CheckboxGroup
          form={form}
          name="kinds"
          legend="What was changed"
          options={[
            { value: 'capacity', label: 'Capacity' },
            { value: 'demographic', label: 'Demographic details' },
          ]}
        />
        <TextareaField form={form} name="details" label="What changed" rows={2} />
        <TextareaField form={form} name="why" label="Why" rows={2} />
      </Form>
    </>
  );
}
