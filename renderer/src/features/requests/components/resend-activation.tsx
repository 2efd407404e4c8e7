import { useState } from 'react';
import { NOT_RECEIVED_ADVICE, RESENT_MESSAGE } from '@shared/domain/requests';
import { formatLondonDate } from '@shared/domain/london-time';
import type { UserRequest } from '@shared/models/request';
import { Form, useZodForm } from '../../../components/form';
import { Radios } from '../../../components/radios';
import { ResendForm } from '../schemas';
import type { RequestActions } from './action-types';

/** Resend the activation email, plain or rich, and show that it went. */
export function ResendActivation({ request, actions }: { request: UserRequest; actions: RequestActions }) {
  const [resent, setResent] = useState(false);
  const form = useZodForm(ResendForm, { format: 'plain' });
  const last = request.activationResends.at(-1);
  return (
    <section aria-labelledby="resend-heading">
      <h2 id="resend-heading">Resend the activation email</h2>
      <p>{NOT_RECEIVED_ADVICE}</p>
      {resent && (
        <div className="nhsuk-inset-text" role="status">
          <p>{RESENT_MESSAGE}</p>
        </div>
      )}
      {last && (
        <p className="nhsuk-body-s" data-testid="resend-count">
          Resent {request.activationResends.length} time{request.activationResends.length === 1 ? '' : 's'}, last on{' '}
          {formatLondonDate(new Date(last.at))} as {last.format === 'rich' ? 'rich text' : 'plain text'}.
        </p>
      )}
      <Form
        form={form}
        fieldOrder={['format']}
        submitLabel="Resend activation email"
        busyLabel="Sending…"
        submitClassName="nhsuk-button nhsuk-button--secondary"
        onSubmit={async ({ format }) => {
          setResent(false);
          await actions.resend(request.id, format);
          setResent(true);
        }}
      >
        <Radios
          form={form}
          name="format"
          legend="Send it as"
          inline
          options={[
            { value: 'plain', label: 'Plain text' },
            { value: 'rich', label: 'Rich text' },
          ]}
        />
      </Form>
    </section>
  );
}
