import { useState } from 'react';
import type { Settings } from '@shared/models/settings';
import { useSession } from '../../../session/store';
import { useSaveSettings } from '../data/settings';
import { plainErrorMessage } from '../../../platform/plain-error';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Connecting Care: licence warning level, the unit of the 5-day target, the allocation year. */
export function CcSettings({ settings }: { settings: Settings }) {
  const save = useSaveSettings();
  const announce = useSession((s) => s.announce);
  const [warn, setWarn] = useState(String(settings.connectingCare.warnPercent));
  const [unit, setUnit] = useState(settings.connectingCare.targetUnit);
  const [month, setMonth] = useState(String(settings.connectingCare.yearStartMonth));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <h2>Connecting Care</h2>
      <div className={`nhsuk-form-group${problem ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="cc-warn">
          Warn authorisers when an organisation has used this share of its licences (per cent)
        </label>
        {problem && (
          <span className="nhsuk-error-message" id="cc-warn-error">
            <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
          </span>
        )}
        <input
          className="nhsuk-input nhsuk-input--width-3"
          id="cc-warn"
          inputMode="numeric"
          value={warn}
          onChange={(e) => setWarn(e.target.value)}
          aria-describedby={problem ? 'cc-warn-error' : undefined}
        />
      </div>
      <div className="nhsuk-form-group">
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Count the 5-day back-office target in</legend>
          <div className="nhsuk-radios nhsuk-radios--inline">
            {(['working-days', 'calendar-days'] as const).map((u) => (
              <div className="nhsuk-radios__item" key={u}>
                <input
                  className="nhsuk-radios__input"
                  id={`cc-unit-${u}`}
                  type="radio"
                  name="cc-unit"
                  checked={unit === u}
                  onChange={() => setUnit(u)}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`cc-unit-${u}`}>
                  {u === 'working-days' ? 'Working days' : 'Calendar days'}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="cc-month">
          The licence allocation year starts in
        </label>
        <select className="nhsuk-select" id="cc-month" value={month} onChange={(e) => setMonth(e.target.value)}>
          {MONTHS.map((m, i) => (
            <option key={m} value={i + 1}>
              {m}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="nhsuk-button"
        onClick={async () => {
          setProblem(null);
          const percent = Number(warn);
          if (!/^\d{1,3}$/.test(warn.trim()) || percent < 1 || percent > 100) {
            setProblem('Enter a whole number from 1 to 100');
            return;
          }
          try {
            await save({ connectingCare: { warnPercent: percent, targetUnit: unit, yearStartMonth: Number(month) } });
            announce('Connecting Care settings saved.');
          } catch (e) {
            setProblem(plainErrorMessage(e));
          }
        }}
      >
        Save Connecting Care settings
      </button>
    </>
  );
}
