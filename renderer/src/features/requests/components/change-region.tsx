import type { UserRequest } from '@shared/models/request';
import { CheckboxField } from '../../../components/checkbox-field';
import { Form, useZodForm } from '../../../components/form';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { TextareaField } from '../../../components/textarea-field';
import { useSession } from '../../../session/store';
import { RegionForm } from '../schemas';
import type { RequestActions } from './action-types';

/** Move the request to another region without rejecting it. */
export function ChangeRegion({
  request,
  actions,
  regions,
  onDone,
}: {
  request: UserRequest;
  actions: RequestActions;
  regions: readonly string[];
  onDone(region: string): void;
}) {
  const announce = useSession((s) => s.announce);
  const form = useZodForm(RegionForm, { region: '', note: '', notify: false, notifyTeam: '' });
  const notify = form.watch('notify');
  return (
    <section aria-labelledby="region-heading">
      <h2 id="region-heading">Change the region</h2>
      <p>
        If the user applied for the wrong region, liaise with that region's DoS team and move the request there. It does not need to be
        rejected.
      </p>
      <Form
        form={form}
        fieldOrder={['region', 'note', 'notify', 'notifyTeam']}
        submitLabel="Move to this region"
        submitClassName="nhsuk-button nhsuk-button--secondary"
        onSubmit={async (change) => {
          await actions.move(request.id, change);
          announce(`The request from ${request.fullName} was moved to ${change.region}.`);
          onDone(change.region);
        }}
      >
        <SelectField
          form={form}
          name="region"
          label="New region"
          placeholder="Choose a region"
          options={regions.filter((r) => r !== request.region).map((r) => ({ value: r, label: r }))}
        />
        <TextareaField form={form} name="note" label="Note" rows={2} />
        <CheckboxField form={form} name="notify" label="Email the note to that region's DoS team" small />
        {notify && <TextField form={form} name="notifyTeam" type="email" label="That team's email address" width={30} spellCheck={false} />}
      </Form>
    </section>
  );
}
