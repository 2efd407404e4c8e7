import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { describedBy, HintAndError } from './field-chrome';
import { useFieldId } from './form';

interface CheckboxFieldProps<T extends FieldValues, O> {
  form: UseFormReturn<T, unknown, O>;
  /** A boolean field. */
  name: Path<T>;
  label: string;
  hint?: string;
  small?: boolean;
}

/** One NHS checkbox for a yes/no field, with its hint and inline error. */
export function CheckboxField<T extends FieldValues, O>({ form, name, label, hint, small }: CheckboxFieldProps<T, O>) {
  const id = useFieldId(name);
  const error = form.getFieldState(name, form.formState).error?.message;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <HintAndError id={id} hint={hint} error={error} />
      <div className={`nhsuk-checkboxes${small ? ' nhsuk-checkboxes--small' : ''}`}>
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id={id}
            type="checkbox"
            aria-describedby={describedBy(id, hint, error)}
            aria-invalid={error ? true : undefined}
            {...form.register(name)}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
        </div>
      </div>
    </div>
  );
}
