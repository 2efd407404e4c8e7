import { DELIVERY_LABELS } from '@shared/models/email';
import { Form, useZodForm } from '../../../components/form';
import { PageHeading } from '../../../components/page-heading';
import { Radios } from '../../../components/radios';
import { TextField } from '../../../components/text-field';
import { TextareaField } from '../../../components/textarea-field';
import { navigate } from '../../../navigation/router';
import { useSession } from '../../../session/store';
import { useOutboxActions } from '../data/outbox';
import { NoteForm } from '../schemas';
import { href, paths } from '../../../navigation/paths';
import { useDesk } from '../../../entities/desk/desk-context';

const FIELDS = ['to', 'subject', 'body', 'format', 'delivery'] as const;

/** Write a note to a DoS team and hand it to the outbox. */
export function ComposeNotePage() {
  const { operator, delivery, settings } = useDesk();
  const smtpReady = settings.email.smtp !== null;
  const { queue } = useOutboxActions();
  const announce = useSession((s) => s.announce);
  const form = useZodForm(NoteForm, {
    to: '',
    subject: '',
    body: '',
    format: 'plain',
    delivery,
  });
  // SMTP is offered only once a server is set up, rather than as a choice that cannot work.
  const deliveryOptions = (smtpReady ? (['mail-client', 'smtp', 'copy'] as const) : (['mail-client', 'copy'] as const)).map((d) => ({
    value: d,
    label: DELIVERY_LABELS[d],
    hint:
      d === 'mail-client'
        ? 'Opens the email as a draft in your email program, such as Outlook.'
        : d === 'smtp'
          ? 'DoS Desk sends it, and keeps trying while you are offline.'
          : 'Copies the email so you can paste it into webmail.',
  }));
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <a className="nhsuk-back-link" href={href(paths.outbox())}>
          Back to the outbox
        </a>
        <PageHeading>Write a note to a DoS team</PageHeading>
        <p>
          The email is from {operator.fullName} ({operator.email}) and is signed with your name and job role.
        </p>
        <Form
          form={form}
          fieldOrder={FIELDS}
          submitLabel="Put in the outbox"
          onSubmit={async (values) => {
            const entry = await queue({
              template: 'dos-team-note',
              data: { subject: values.subject, body: values.body, senderName: operator.fullName, senderRole: operator.jobRole },
              from: { name: operator.fullName, address: operator.email },
              to: values.to,
              cc: [],
              format: values.format,
              delivery: values.delivery,
              relatedTo: null,
            });
            announce(
              entry.status === 'handed-to-mail-client'
                ? 'The email was handed to your email program.'
                : entry.delivery === 'copy'
                  ? 'The email is ready to copy.'
                  : 'The email is in the outbox and will be sent.',
            );
            navigate(paths.message(entry.id));
          }}
        >
          <TextField
            form={form}
            name="to"
            type="text"
            label="To"
            hint="The DoS team's email address. Separate several with commas."
            spellCheck={false}
            autoComplete="off"
          />
          <TextField form={form} name="subject" label="Subject" />
          <TextareaField form={form} name="body" label="Message" rows={8} />
          <Radios
            form={form}
            name="format"
            legend="Format"
            inline
            options={[
              { value: 'plain', label: 'Plain text' },
              { value: 'rich', label: 'Rich text' },
            ]}
          />
          <Radios
            form={form}
            name="delivery"
            legend="How to send it"
            hint={smtpReady ? undefined : 'To have DoS Desk send emails itself, set up an SMTP server in Settings.'}
            options={deliveryOptions}
          />
        </Form>
      </div>
    </div>
  );
}
