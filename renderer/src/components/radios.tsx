import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { describedBy, HintAndError } from './field-chrome';
import { useFieldId } from './form';

interface RadiosProps<T extends FieldValues, O> {
  form: UseFormReturn<T, unknown, O>;
  name: Path<T>;
  legend: string;
  hint?: string;
  inline?: boolean;
  options: readonly { value: string; label: string; hint?: string; disabled?: boolean }[];
}

/** NHS radios in a fieldset. The first option carries the field id for the error summary. */
export function Radios<T extends FieldValues, O>({ form, name, legend, hint, inline, options }: RadiosProps<T, O>) {
  const id = useFieldId(name);
  const error = form.getFieldState(name, form.formState).error?.message;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className={`nhsuk-radios${inline ? ' nhsuk-radios--inline' : ''}`}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div className="nhsuk-radios__item" key={option.value}>
                <input
                  className="nhsuk-radios__input"
                  id={optionId}
                  type="radio"
                  value={option.value}
                  disabled={option.disabled}
                  aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                  aria-invalid={error ? true : undefined}
                  {...form.register(name)}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint && (
                  <div className="nhsuk-hint nhsuk-radios__hint" id={`${optionId}-hint`}>
                    {option.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
