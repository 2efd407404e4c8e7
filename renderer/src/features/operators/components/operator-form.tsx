import { useEffect } from 'react';
import { OperatorInput, type Operator, type OperatorFields } from '@shared/models/operator';
import { CheckboxGroup } from '../../../components/checkbox-group';
import { Form, useZodForm } from '../../../components/form';
import { TextField } from '../../../components/text-field';

const FIELD_ORDER = ['fullName', 'email', 'jobRole', 'regions', 'approveUserRegions'] as const;

interface OperatorFormProps {
  regions: readonly string[];
  initial?: Operator;
  submitLabel: string;
  onSubmit(values: OperatorFields): Promise<void>;
  secondary?: React.ReactNode;
}

/** Create or edit an operator: who you are, where you work, and whether you hold approveUser. */
export function OperatorForm({ regions, initial, submitLabel, onSubmit, secondary }: OperatorFormProps) {
  const form = useZodForm(OperatorInput, {
    fullName: initial?.fullName ?? '',
    email: initial?.email ?? '',
    jobRole: initial?.jobRole ?? '',
    regions: initial?.regions ?? [],
    approveUserRegions: initial?.approveUserRegions ?? [],
  });
  const chosen = form.watch('regions');
  const approve = form.watch('approveUserRegions');
  // approveUser is held per region: drop it from regions no longer covered.
  useEffect(() => {
    const kept = (approve ?? []).filter((r) => (chosen ?? []).includes(r));
    if (kept.length !== (approve ?? []).length) form.setValue('approveUserRegions', kept);
  }, [chosen, approve, form]);
  const regionOptions = regions.map((r) => ({ value: r, label: r }));
  const approveOptions = regionOptions.filter((o) => (chosen ?? []).includes(o.value));
  return (
    <Form form={form} onSubmit={onSubmit} submitLabel={submitLabel} fieldOrder={FIELD_ORDER} secondary={secondary}>
      <TextField form={form} name="fullName" label="Full name" autoComplete="name" spellCheck={false} width={30} />
      <TextField
        form={form}
        name="email"
        type="email"
        label="NHS email address"
        hint="Your own NHSmail or NHS organisation address, not a shared mailbox. For example, name@nhs.net"
        autoComplete="email"
        spellCheck={false}
        width={30}
      />
      <TextField form={form} name="jobRole" label="Job role" hint="For example, Local DoS Lead or Director on Call" width={30} />
      <CheckboxGroup form={form} name="regions" legend="Regions you cover" hint="Select all that apply." options={regionOptions} />
      {approveOptions.length > 0 ? (
        <CheckboxGroup
          form={form}
          name="approveUserRegions"
          legend="Regions where you hold the approveUser permission"
          hint="approveUser lets you approve or reject requests for DoS access and manage user permissions. Leave blank if you do not hold it."
          options={approveOptions}
        />
      ) : (
        <p className="nhsuk-body-s">Once you select regions, you can say where you hold the approveUser permission.</p>
      )}
    </Form>
  );
}
