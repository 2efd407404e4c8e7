import { useState } from 'react';
import { ActionError } from '../../../components/action-button';
import { useAction } from '../../../components/use-action';
import type { ConflictVersion } from '../../../sync/types';
import { baseVersion, combine, differingFields, fieldWords, valueWords, versionTitle } from '../data/versions';

/**
 * Combining the versions: for each field that differs, which version's value to keep (the version
 * every desk shows for now to start with); the other fields are the same in every version.
 */
export function CombineForm({
  list,
  thisDeskId,
  onSave,
}: {
  list: readonly ConflictVersion[];
  thisDeskId: string | null;
  onSave(value: Record<string, unknown>): Promise<void>;
}) {
  const kept = list.filter((v) => !v.deleted && v.value);
  const fields = [...differingFields(list)];
  const base = baseVersion(list);
  const [choices, setChoices] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f, base?.rev ?? ''])));
  const save = useAction(() => onSave(combine(list, choices)));
  if (kept.length < 2 || fields.length === 0) return null;
  return (
    <section aria-labelledby="combine-heading" data-testid="combine">
      <h2 id="combine-heading">Or combine them</h2>
      <p>For each field that differs, choose the value to keep. The fields that are the same stay as they are.</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save.run();
        }}
      >
        {fields.map((f, fi) => (
          <div className="nhsuk-form-group" key={f}>
            <fieldset className="nhsuk-fieldset">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{fieldWords(f)}</legend>
              <div className="nhsuk-radios">
                {kept.map((v) => {
                  const id = `combine-${fi}-${list.indexOf(v) + 1}`;
                  return (
                    <div className="nhsuk-radios__item" key={v.rev}>
                      <input
                        className="nhsuk-radios__input"
                        id={id}
                        type="radio"
                        name={`combine-${fi}`}
                        value={v.rev}
                        checked={choices[f] === v.rev}
                        aria-describedby={`${id}-hint`}
                        onChange={() => setChoices((c) => ({ ...c, [f]: v.rev }))}
                      />
                      <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                        {valueWords(v.value![f])}
                      </label>
                      <div className="nhsuk-hint nhsuk-radios__hint" id={`${id}-hint`}>
                        Version {list.indexOf(v) + 1}: {versionTitle(v, thisDeskId)}
                      </div>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
        ))}
        <button type="submit" className="nhsuk-button" disabled={save.busy} aria-disabled={save.busy || undefined}>
          {save.busy ? 'Saving…' : 'Save the combined record'}
        </button>
        <ActionError error={save.error} />
      </form>
    </section>
  );
}
