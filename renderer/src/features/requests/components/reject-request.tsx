import { READY_REASONS, VALIDATION_REJECTION_REASON } from '@shared/domain/requests';
import type { UserRequest } from '@shared/models/request';
import { Form, useZodForm } from '../../../components/form';
import { SelectField } from '../../../components/select-field';
import { TextareaField } from '../../../components/textarea-field';
import { useSession } from '../../../session/store';
import { RejectForm } from '../schemas';
import type { RequestActions } from './action-types';

/** Reject with a reason (ready reasons from the guidance, editable); it is emailed to the requester. */
export function RejectRequest({
  request,
  actions,
  overdue,
  onDone,
}: {
  request: UserRequest;
  actions: RequestActions;
  overdue: boolean;
  onDone(): void;
}) {
  const announce = useSession((s) => s.announce);
  const form = useZodForm(RejectForm, {
    choice: overdue ? 'not-validated' : '',
    reason: overdue ? VALIDATION_REJECTION_REASON : '',
  });
  return (
    <section aria-labelledby="reject-heading">
      <h2 id="reject-heading">Reject the request</h2>
      {overdue && (
        <p>
          The email has not been validated for 28 days or more. The guidance advises rejecting the request with instructions to submit again
          and verify their email address.
        </p>
      )}
      <Form
        form={form}
        fieldOrder={['choice', 'reason']}
        submitLabel="Reject request"
        submitClassName="nhsuk-button nhsuk-button--warning"
        onSubmit={async ({ reason }) => {
          await actions.reject(request.id, reason);
          announce(`The request from ${request.fullName} was rejected. The reason is in the outbox for them.`);
          onDone();
        }}
      >
        <SelectField
          form={form}
          name="choice"
          label="Ready reasons"
          placeholder="Choose a reason, or write your own"
          options={READY_REASONS.map((r) => ({ value: r.id, label: r.label }))}
          onChange={(id) => {
            const ready = READY_REASONS.find((r) => r.id === id);
            if (ready) form.setValue('reason', ready.text, { shouldValidate: form.formState.isSubmitted });
          }}
        />
        <TextareaField form={form} name="reason" label={`Reason (emailed to ${request.fullName})`} rows={4} />
      </Form>
    </section>
  );
}
