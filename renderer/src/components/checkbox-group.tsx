import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { describedBy, HintAndError } from './field-chrome';
import { useFieldId } from './form';

interface CheckboxGroupProps<T extends FieldValues, O> {
  form: UseFormReturn<T, unknown, O>;
  name: Path<T>;
  legend: string;
  hint?: string;
  options: readonly { value: string; label: string; hint?: string }[];
}

/**
 * NHS checkboxes in a fieldset; the value is an array of the checked options. The first box
 * carries the field id so the error summary can move focus to the group.
 */
export function CheckboxGroup<T extends FieldValues, O>({ form, name, legend, hint, options }: CheckboxGroupProps<T, O>) {
  const id = useFieldId(name);
  const error = form.getFieldState(name, form.formState).error?.message;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className="nhsuk-checkboxes">
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div className="nhsuk-checkboxes__item" key={option.value}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={optionId}
                  type="checkbox"
                  value={option.value}
                  aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                  aria-invalid={error ? true : undefined}
                  {...form.register(name)}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint && (
                  <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${optionId}-hint`}>
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
