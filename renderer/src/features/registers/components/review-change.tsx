import { ReviewInput, type EmergencyChange } from '@shared/models/registers';
import { Form, useZodForm } from '../../../components/form';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { useSession } from '../../../session/store';
import { useRegisterActions } from '../data/use-registers';

/** A DoS lead's review of a reported emergency change. */
export function ReviewChange({ change }: { change: EmergencyChange }) {
  const actions = useRegisterActions();
  const announce = useSession((s) => s.announce);
  const form = useZodForm(ReviewInput, { outcome: '' as never, note: '' });
  return (
    <div className="nhsuk-u-margin-top-3">
      <Form
        form={form}
        idPrefix={`review-${change.id}`}
        fieldOrder={['outcome', 'note']}
        submitLabel="Record review"
        submitClassName="nhsuk-button nhsuk-button--small nhsuk-button--secondary"
        onSubmit={async (review) => {
          await actions.review(change.id, review);
          announce('The review is recorded.');
        }}
      >
        <SelectField
          form={form}
          name="outcome"
          label="Review by a DoS lead"
          placeholder="Choose the outcome"
          options={[
            { value: 'keep', label: 'Keep the change' },
            { value: 'amend', label: 'Amend the change' },
            { value: 'permanent-change', label: 'Make a permanent change to DoS' },
          ]}
        />
        <TextField form={form} name="note" label="Note (optional)" />
      </Form>
    </div>
  );
}
