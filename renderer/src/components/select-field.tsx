import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
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
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
      <select
        className={`nhsuk-select${error ? ' nhsuk-select--error' : ''}`}
        id={id}
        aria-describedby={describedBy}
        {...form.register(name)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
