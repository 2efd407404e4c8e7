import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { describedBy, LabelledField } from './field-chrome';
import { useFieldId } from './form';

interface TextFieldProps<T extends FieldValues, O> {
  form: UseFormReturn<T, unknown, O>;
  name: Path<T>;
  label: string;
  hint?: string;
  type?: 'text' | 'email' | 'password' | 'date' | 'datetime-local';
  autoComplete?: string;
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  spellCheck?: boolean;
  /** The earliest date a date field offers. */
  min?: string;
  inputMode?: 'numeric' | 'text' | 'email';
  /** Read out but not shown, where a table's headers already say it. */
  labelHidden?: boolean;
}

/** NHS text input with label, hint and inline error, wired for screen readers. */
export function TextField<T extends FieldValues, O>({
  form,
  name,
  label,
  hint,
  type = 'text',
  autoComplete,
  width,
  spellCheck,
  min,
  inputMode,
  labelHidden,
}: TextFieldProps<T, O>) {
  const id = useFieldId(name);
  const error = form.getFieldState(name, form.formState).error?.message;
  return (
    <LabelledField id={id} label={label} hint={hint} error={error} labelHidden={labelHidden}>
      <input
        className={`nhsuk-input${width ? ` nhsuk-input--width-${width}` : ''}${error ? ' nhsuk-input--error' : ''}`}
        id={id}
        type={type}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        min={min}
        inputMode={inputMode}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...form.register(name)}
      />
    </LabelledField>
  );
}
