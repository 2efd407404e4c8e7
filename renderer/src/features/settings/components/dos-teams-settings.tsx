import { useState } from 'react';
import type { Settings } from '@shared/models/settings';
import { useSession } from '../../../session/store';
import { useSaveSettings } from '../data/settings';
import { plainErrorMessage } from '../../../platform/plain-error';

/** Where emergency-change reports go: the local and regional DoS team for each region. */
export function DosTeamsSettings({ settings }: { settings: Settings }) {
  const save = useSaveSettings();
  const announce = useSession((s) => s.announce);
  const initial = () =>
    Object.fromEntries(
      settings.regions.map((r) => [r, settings.dosTeams.find((t) => t.region === r) ?? { region: r, localEmail: '', regionalEmail: '' }]),
    );
  const [teams, setTeams] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const update = (region: string, key: 'localEmail' | 'regionalEmail', value: string) =>
    setTeams((t) => ({ ...t, [region]: { ...t[region]!, [key]: value } }));
  return (
    <>
      <h2>DoS team email addresses</h2>
      <p>
        Emergency changes are reported to the local and regional DoS teams of the service&apos;s region within 24 hours. Leave a region
        blank if you do not report to it.
      </p>
      {problem && (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="teams-problem" tabIndex={-1}>
          <h3 className="nhsuk-error-summary__title" id="teams-problem">
            There is a problem
          </h3>
          <div className="nhsuk-error-summary__body">
            <p>{problem}</p>
          </div>
        </div>
      )}
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">DoS team email addresses by region</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Region
            </th>
            <th scope="col" className="nhsuk-table__header">
              Local DoS team
            </th>
            <th scope="col" className="nhsuk-table__header">
              Regional DoS team
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {settings.regions.map((r) => (
            <tr className="nhsuk-table__row" key={r}>
              <th scope="row" className="nhsuk-table__header">
                {r}
              </th>
              {(['localEmail', 'regionalEmail'] as const).map((key) => (
                <td className="nhsuk-table__cell" key={key}>
                  <label className="nhsuk-u-visually-hidden" htmlFor={`team-${r}-${key}`}>
                    {r} {key === 'localEmail' ? 'local' : 'regional'} DoS team email
                  </label>
                  <input
                    className="nhsuk-input"
                    id={`team-${r}-${key}`}
                    type="email"
                    spellCheck={false}
                    value={teams[r]?.[key] ?? ''}
                    onChange={(e) => update(r, key, e.target.value)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="nhsuk-button"
        onClick={async () => {
          setProblem(null);
          const filled = Object.values(teams).filter((t) => t.localEmail.trim() || t.regionalEmail.trim());
          const half = filled.find((t) => !t.localEmail.trim() || !t.regionalEmail.trim());
          if (half) {
            setProblem(`Enter both the local and the regional DoS team email for ${half.region}, or neither.`);
            return;
          }
          try {
            await save({
              dosTeams: filled.map((t) => ({ region: t.region, localEmail: t.localEmail.trim(), regionalEmail: t.regionalEmail.trim() })),
            });
            announce('DoS team email addresses saved.');
          } catch (e) {
            setProblem(plainErrorMessage(e));
          }
        }}
      >
        Save DoS team addresses
      </button>
    </>
  );
}
