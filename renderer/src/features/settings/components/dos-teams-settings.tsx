import type { Settings } from '@shared/models/settings';
import { Form, useZodForm } from '../../../components/form';
import { TextField } from '../../../components/text-field';
import { useSession } from '../../../session/store';
import { useSaveSettings } from '../data/settings';
import { DosTeamsForm } from '../schemas';

/** Where emergency-change reports go: the local and regional DoS team for each region. */
export function DosTeamsSettings({ settings }: { settings: Settings }) {
  const save = useSaveSettings();
  const announce = useSession((s) => s.announce);
  const form = useZodForm(DosTeamsForm, {
    teams: settings.regions.map((r) => settings.dosTeams.find((t) => t.region === r) ?? { region: r, localEmail: '', regionalEmail: '' }),
  });
  return (
    <>
      <h2>DoS team email addresses</h2>
      <p>
        Emergency changes are reported to the local and regional DoS teams of the service&apos;s region within 24 hours. Leave a region
        blank if you do not report to it.
      </p>
      <Form
        form={form}
        fieldOrder={['teams']}
        submitLabel="Save DoS team addresses"
        onSubmit={async (dosTeams) => {
          await save({ dosTeams });
          announce('DoS team email addresses saved.');
        }}
      >
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
            {settings.regions.map((r, i) => (
              <tr className="nhsuk-table__row" key={r}>
                <th scope="row" className="nhsuk-table__header">
                  {r}
                </th>
                {(['localEmail', 'regionalEmail'] as const).map((key) => (
                  <td className="nhsuk-table__cell" key={key}>
                    <TextField
                      form={form}
                      name={`teams.${i}.${key}`}
                      type="email"
                      spellCheck={false}
                      labelHidden
                      label={`${r} ${key === 'localEmail' ? 'local' : 'regional'} DoS team email`}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Form>
    </>
  );
}
