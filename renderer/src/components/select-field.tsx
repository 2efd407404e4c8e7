import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { describedBy, LabelledField } from './field-chrome';
import { fieldId } from './form';

interface SelectFieldProps<T extends FieldValues, O> {
  form: UseFormReturn<T, unknown, O>;
  name: Path<T>;
  label: string;
  hint?: string;
  options: readonly { value: string; label: string }[];
  /** A first, empty option such as "Choose…". */
  placeholder?: string;
}

/** NHS select with label, hint and inline error. */
export function SelectField<T extends FieldValues, O>({ form, name, label, hint, options, placeholder }: SelectFieldProps<T, O>) {
  const id = fieldId(name);
  const error = form.getFieldState(name, form.formState).error?.message;
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      <select
        className={`nhsuk-select${error ? ' nhsuk-select--error' : ''}`}
        id={id}
        aria-describedby={describedBy(id, hint, error)}
        {...form.register(name)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}
