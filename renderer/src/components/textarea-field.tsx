import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { fieldId } from './form';

interface TextareaFieldProps<T extends FieldValues, O> {
  form: UseFormReturn<T, unknown, O>;
  name: Path<T>;
  label: string;
  hint?: string;
  rows?: number;
}

/** NHS textarea with label, hint and inline error. */
export function TextareaField<T extends FieldValues, O>({ form, name, label, hint, rows = 6 }: TextareaFieldProps<T, O>) {
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
      <textarea
        className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
        id={id}
        rows={rows}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...form.register(name)}
      />
    </div>
  );
}
