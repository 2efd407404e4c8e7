import { londonDate } from '@shared/domain/london-time';
import type { UserRequest } from '@shared/models/request';
import { Form, useZodForm } from '../../../components/form';
import { TextField } from '../../../components/text-field';
import { useSession } from '../../../session/store';
import { ValidationForm } from '../schemas';
import type { RequestActions } from './action-types';

/** Record that the user has validated their email, with the date. */
export function RecordValidation({ request, actions }: { request: UserRequest; actions: RequestActions }) {
  const announce = useSession((s) => s.announce);
  const form = useZodForm(ValidationForm, { validatedOn: londonDate(new Date()) });
  return (
    <section aria-labelledby="validated-heading">
      <h2 id="validated-heading">The user has validated their email</h2>
      <Form
        form={form}
        fieldOrder={['validatedOn']}
        submitLabel="Record validation"
        submitClassName="nhsuk-button nhsuk-button--secondary"
        onSubmit={async ({ validatedOn }) => {
          await actions.validated(request.id, validatedOn);
          announce(`${request.fullName}'s email is recorded as validated. You can now approve the request.`);
        }}
      >
        <TextField form={form} name="validatedOn" type="date" label="Date they validated it" width={10} />
      </Form>
    </section>
  );
}
