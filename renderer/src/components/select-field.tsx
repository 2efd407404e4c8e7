import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { describedBy, LabelledField } from './field-chrome';
import { useFieldId } from './form';

interface SelectFieldProps<T extends FieldValues, O> {
  form: UseFormReturn<T, unknown, O>;
  name: Path<T>;
  label: string;
  hint?: string;
  options: readonly { value: string; label: string }[];
  /** A first, empty option such as "Choose…". */
  placeholder?: string;
  /** Runs after the value changes, such as filling another field from the choice. */
  onChange?(value: string): void;
}

/** NHS select with label, hint and inline error. */
export function SelectField<T extends FieldValues, O>({ form, name, label, hint, options, placeholder, onChange }: SelectFieldProps<T, O>) {
  const id = useFieldId(name);
  const error = form.getFieldState(name, form.formState).error?.message;
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      <select
        className={`nhsuk-select${error ? ' nhsuk-select--error' : ''}`}
        id={id}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...form.register(name, onChange ? { onChange: (e: { target: { value: string } }) => onChange(e.target.value) } : undefined)}
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
