import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { describedBy, LabelledField } from './field-chrome';
import { useFieldId } from './form';

interface TextareaFieldProps<T extends FieldValues, O> {
  form: UseFormReturn<T, unknown, O>;
  name: Path<T>;
  label: string;
  hint?: string;
  rows?: number;
}

/** NHS textarea with label, hint and inline error. */
export function TextareaField<T extends FieldValues, O>({ form, name, label, hint, rows = 6 }: TextareaFieldProps<T, O>) {
  const id = useFieldId(name);
  const error = form.getFieldState(name, form.formState).error?.message;
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      <textarea
        className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
        id={id}
        rows={rows}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...form.register(name)}
      />
    </LabelledField>
  );
}
