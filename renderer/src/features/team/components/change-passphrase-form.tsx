import { Form, useZodForm } from '../../../components/form';
import { TextField } from '../../../components/text-field';
import { useConfirmed } from '../data/confirmed';
import { useTeamActions } from '../data/team';
import { ChangePassphraseForm } from '../schemas';

const FIELDS = ['current', 'next', 'confirm'] as const;

/** Changes the passphrase the team folder is encrypted under, for when it may have got out. */
export function ChangePassphraseSection() {
  const actions = useTeamActions();
  const confirmed = useConfirmed();
  const form = useZodForm(ChangePassphraseForm, { current: '', next: '', confirm: '' });
  return (
    <section aria-labelledby="passphrase-heading" data-testid="change-passphrase">
      <h2 id="passphrase-heading" tabIndex={-1}>
        Change the team passphrase
      </h2>
      <p>
        For when the passphrase may be known outside the team, or someone has left it. Give the new passphrase to every desk of the team, by
        phone or in person: each is asked for it before it can read what is written from now on.
      </p>
      <Form
        form={form}
        idPrefix="passphrase"
        fieldOrder={FIELDS}
        submitLabel="Change the passphrase"
        busyLabel="Changing…"
        onSubmit={async ({ current, next }) => {
          await actions.changePassphrase(current, next);
          form.reset();
          confirmed('The team passphrase was changed. Give the new one to the other desks of the team.');
        }}
      >
        <TextField form={form} name="current" type="password" label="Current passphrase" autoComplete="current-password" />
        <TextField
          form={form}
          name="next"
          type="password"
          label="New passphrase"
          hint="At least 12 characters"
          autoComplete="new-password"
        />
        <TextField form={form} name="confirm" type="password" label="Type the new passphrase again" autoComplete="new-password" />
      </Form>
    </section>
  );
}
