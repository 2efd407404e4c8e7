import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { WEEKDAY_LABELS, WEEKDAYS, type PharmacyProfileFields, type PharmacyProfileInput } from '@shared/models/pharmacy';
import { fieldId } from '../../../components/form';

type ProfileForm = UseFormReturn<PharmacyProfileInput, unknown, PharmacyProfileFields>;

function errorAt(form: ProfileForm, name: string): string | undefined {
  const state = (path: string) => (form.getFieldState(path as never, form.formState) as { error?: { message?: string } }).error?.message;
  return state(name) ?? state(`${name}.root`);
}

/** The sessions of one day: opening and closing times, any number, none meaning closed. */
function Sessions({ form, name, day }: { form: ProfileForm; name: string; day: string }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: name as never });
  const listError = errorAt(form, name);
  return (
    <div className={`app-sessions${listError ? ' nhsuk-form-group--error' : ''}`}>
      {listError && (
        <span className="nhsuk-error-message" id={`${fieldId(name)}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {listError}
        </span>
      )}
      {fields.length === 0 && <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">Closed</p>}
      {fields.map((field, i) => {
        const opens = `${name}.${i}.opens`;
        const closes = `${name}.${i}.closes`;
        const opensError = errorAt(form, opens);
        const closesError = errorAt(form, closes);
        return (
          <div className="app-session" key={field.id}>
            <div className={`nhsuk-form-group app-filter${opensError ? ' nhsuk-form-group--error' : ''}`}>
              <label className="nhsuk-label" htmlFor={fieldId(opens)}>
                Opens
                <span className="nhsuk-u-visually-hidden">
                  , {day} session {i + 1}
                </span>
              </label>
              {opensError && (
                <span className="nhsuk-error-message" id={`${fieldId(opens)}-error`}>
                  <span className="nhsuk-u-visually-hidden">Error:</span> {opensError}
                </span>
              )}
              <input
                className={`nhsuk-input nhsuk-input--width-5${opensError ? ' nhsuk-input--error' : ''}`}
                id={fieldId(opens)}
                type="time"
                aria-describedby={opensError ? `${fieldId(opens)}-error` : undefined}
                aria-invalid={opensError ? true : undefined}
                {...form.register(opens as never)}
              />
            </div>
            <div className={`nhsuk-form-group app-filter${closesError ? ' nhsuk-form-group--error' : ''}`}>
              <label className="nhsuk-label" htmlFor={fieldId(closes)}>
                Closes
                <span className="nhsuk-u-visually-hidden">
                  , {day} session {i + 1}
                </span>
              </label>
              {closesError && (
                <span className="nhsuk-error-message" id={`${fieldId(closes)}-error`}>
                  <span className="nhsuk-u-visually-hidden">Error:</span> {closesError}
                </span>
              )}
              <input
                className={`nhsuk-input nhsuk-input--width-5${closesError ? ' nhsuk-input--error' : ''}`}
                id={fieldId(closes)}
                type="time"
                aria-describedby={closesError ? `${fieldId(closes)}-error` : undefined}
                aria-invalid={closesError ? true : undefined}
                {...form.register(closes as never)}
              />
            </div>
            <button type="button" className="app-link-button app-session__remove" onClick={() => remove(i)}>
              Remove
              <span className="nhsuk-u-visually-hidden">
                {' '}
                {day} session {i + 1}
              </span>
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        id={fieldId(name)}
        onClick={() => append({ opens: '', closes: '' } as never)}
      >
        Add a session<span className="nhsuk-u-visually-hidden"> on {day}</span>
      </button>
    </div>
  );
}

/** Standard opening times: each weekday with its sessions. */
export function StandardTimesEditor({ form }: { form: ProfileForm }) {
  return (
    <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-6" aria-describedby="standard-times-hint">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Standard opening times</legend>
      <div className="nhsuk-hint" id="standard-times-hint">
        Enter the hours a pharmacist is present: when the pharmacy is open for pharmaceutical services, not when the public can get into the
        premises. If the pharmacist is not there, show it as closed. A day with no sessions is closed.
      </div>
      {WEEKDAYS.map((day) => (
        <div key={day} className="app-weekday">
          <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">{WEEKDAY_LABELS[day]}</h3>
          <Sessions form={form} name={`standardTimes.${day}`} day={WEEKDAY_LABELS[day]} />
          {day === 'monday' && (
            <button
              type="button"
              className="app-link-button nhsuk-u-margin-top-2"
              onClick={() => {
                // Most pharmacies keep the same hours Monday to Friday: one click instead of four days of typing.
                const monday = form.getValues('standardTimes.monday');
                for (const d of WEEKDAYS.slice(1, 5))
                  form.setValue(`standardTimes.${d}`, structuredClone(monday), {
                    shouldDirty: true,
                    shouldValidate: form.formState.isSubmitted,
                  });
              }}
            >
              Copy Monday&apos;s times to Tuesday to Friday
            </button>
          )}
        </div>
      ))}
    </fieldset>
  );
}

/** Specified opening times: dated changes (bank holidays, same-day closures), each with times or closed. */
export function SpecifiedTimesEditor({ form }: { form: ProfileForm }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'specifiedTimes' });
  return (
    <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-6" aria-describedby="specified-times-hint">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Specified opening times</legend>
      <div className="nhsuk-hint" id="specified-times-hint">
        Dates that differ from the standard times, such as bank holidays or a same-day closure. Each date needs its opening times, or to be
        marked closed.
      </div>
      {fields.map((field, i) => {
        const date = `specifiedTimes.${i}.date`;
        const closed = `specifiedTimes.${i}.closed`;
        const note = `specifiedTimes.${i}.note`;
        const dateError = errorAt(form, date);
        return (
          <div key={field.id} className="app-specified">
            <div className={`nhsuk-form-group${dateError ? ' nhsuk-form-group--error' : ''}`}>
              <label className="nhsuk-label" htmlFor={fieldId(date)}>
                Date
              </label>
              {dateError && (
                <span className="nhsuk-error-message" id={`${fieldId(date)}-error`}>
                  <span className="nhsuk-u-visually-hidden">Error:</span> {dateError}
                </span>
              )}
              <input
                className={`nhsuk-input nhsuk-input--width-10${dateError ? ' nhsuk-input--error' : ''}`}
                id={fieldId(date)}
                type="date"
                aria-describedby={dateError ? `${fieldId(date)}-error` : undefined}
                {...form.register(date as never)}
              />
            </div>
            <div className="nhsuk-checkboxes nhsuk-u-margin-bottom-3">
              <div className="nhsuk-checkboxes__item">
                <input className="nhsuk-checkboxes__input" id={fieldId(closed)} type="checkbox" {...form.register(closed as never)} />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={fieldId(closed)}>
                  Closed all day
                </label>
              </div>
            </div>
            <Sessions form={form} name={`specifiedTimes.${i}.sessions`} day={`specified date ${i + 1}`} />
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor={fieldId(note)}>
                Note (optional)
              </label>
              <input className="nhsuk-input" id={fieldId(note)} type="text" {...form.register(note as never)} />
            </div>
            <button type="button" className="app-link-button" onClick={() => remove(i)}>
              Remove specified date {i + 1}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        id={fieldId('specifiedTimes')}
        onClick={() => append({ date: '', closed: false, sessions: [], note: '' })}
      >
        Add a specified date
      </button>
    </fieldset>
  );
}
