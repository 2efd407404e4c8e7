import type { ReactNode } from 'react';
import { SUGGESTED_SETS, type UserTypeId } from '@shared/domain/user-types';
import { AccountInput, type Account, type AccountFields } from '@shared/models/account';
import type { Service } from '@shared/models/service';
import { CheckboxGroup } from '../../../components/checkbox-group';
import { Form, useZodForm } from '../../../components/form';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { RolePicker } from '../../../components/permissions/role-picker';
import { ServicePicker } from '../../../components/permissions/service-picker';

const FIELDS = ['fullName', 'email', 'phone', 'organisation', 'jobTitle', 'userType', 'regions', 'serviceIds', 'roles'] as const;

interface AccountFormProps {
  initial?: Account;
  /** Regions the operator may give; an account's existing other regions are kept but not offered. */
  regions: readonly string[];
  services: readonly Service[];
  submitLabel: string;
  onSubmit(values: AccountFields): Promise<void>;
  secondary?: ReactNode;
}

/** Details, regions, user type, service relationships and roles of one DoS account. */
export function AccountForm({ initial, regions, services, submitLabel, onSubmit, secondary }: AccountFormProps) {
  const form = useZodForm(AccountInput, {
    fullName: initial?.fullName ?? '',
    email: initial?.email ?? '',
    phone: initial?.phone ?? '',
    organisation: initial?.organisation ?? '',
    jobTitle: initial?.jobTitle ?? '',
    userType: initial?.userType ?? ('' as UserTypeId),
    regions: initial?.regions ?? (regions.length === 1 ? [...regions] : []),
    roles: initial?.roles ?? [],
    serviceIds: initial?.serviceIds ?? [],
  });
  const userType = form.watch('userType');
  const regionOptions = Array.from(new Set([...regions, ...(initial?.regions ?? [])])).map((r) => ({
    value: r,
    label: r,
    hint: regions.includes(r) ? undefined : 'You do not hold approveUser here, so you cannot remove it.',
  }));
  return (
    <Form form={form} onSubmit={onSubmit} submitLabel={submitLabel} fieldOrder={FIELDS} secondary={secondary}>
      <h2 className="nhsuk-heading-m">Details</h2>
      <TextField form={form} name="fullName" label="Full name" width={30} spellCheck={false} />
      <TextField form={form} name="email" type="email" label="Email address" width={30} spellCheck={false} />
      <TextField form={form} name="phone" label="Phone number (optional)" width={20} />
      <TextField form={form} name="organisation" label="Organisation" width={30} />
      <TextField form={form} name="jobTitle" label="Job title" width={30} />
      <SelectField
        form={form}
        name="userType"
        label="Type of DoS user"
        hint="This chooses the suggested permission set."
        placeholder="Choose the type of user"
        options={SUGGESTED_SETS.map((s) => ({ value: s.id, label: s.label }))}
      />
      <CheckboxGroup
        form={form}
        name="regions"
        legend="Regions"
        hint="Region-based roles (such as approveUser, bulkUpdate and the reports) apply to these regions."
        options={regionOptions}
      />
      <ServicePicker form={form} services={services} />
      <RolePicker form={form} userType={userType} />
    </Form>
  );
}
