import type { Settings } from '@shared/models/settings';
import { Form, useZodForm } from '../../../components/form';
import { Radios } from '../../../components/radios';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { useSession } from '../../../session/store';
import { useSaveSettings } from '../data/settings';
import { CcSettingsForm } from '../schemas';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Connecting Care: licence warning level, the unit of the 5-day target, the allocation year. */
export function CcSettings({ settings }: { settings: Settings }) {
  const save = useSaveSettings();
  const announce = useSession((s) => s.announce);
  const form = useZodForm(CcSettingsForm, {
    warnPercent: String(settings.connectingCare.warnPercent),
    targetUnit: settings.connectingCare.targetUnit,
    yearStartMonth: String(settings.connectingCare.yearStartMonth),
  });
  return (
    <>
      <h2>Connecting Care</h2>
      <Form
        form={form}
        fieldOrder={['warnPercent', 'targetUnit', 'yearStartMonth']}
        submitLabel="Save Connecting Care settings"
        onSubmit={async (connectingCare) => {
          await save({ connectingCare });
          announce('Connecting Care settings saved.');
        }}
      >
        <TextField
          form={form}
          name="warnPercent"
          label="Warn authorisers when an organisation has used this share of its licences (per cent)"
          width={3}
          inputMode="numeric"
        />
        <Radios
          form={form}
          name="targetUnit"
          legend="Count the 5-day back-office target in"
          inline
          options={[
            { value: 'working-days', label: 'Working days' },
            { value: 'calendar-days', label: 'Calendar days' },
          ]}
        />
        <SelectField
          form={form}
          name="yearStartMonth"
          label="The licence allocation year starts in"
          options={MONTHS.map((m, i) => ({ value: String(i + 1), label: m }))}
        />
      </Form>
    </>
  );
}
