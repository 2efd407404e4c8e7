import { Form, useZodForm } from '../../../components/form';
import { TextField } from '../../../components/text-field';
import { useConfirmed } from '../data/confirmed';
import { useTeamActions } from '../data/team';
import { UnlockTeamForm } from '../schemas';

/** Asks for the team passphrase when main does not hold the team key (no key store, or it changed). */
export function UnlockSection() {
  const actions = useTeamActions();
  const confirmed = useConfirmed();
  const form = useZodForm(UnlockTeamForm, { passphrase: '' });
  return (
    <section aria-labelledby="unlock-heading" data-testid="unlock-team">
      <h2 id="unlock-heading">Unlock the team folder</h2>
      <p>
        Enter the team passphrase. This desk needs it again after a restart when the computer cannot keep it safely, or after another desk
        changed it. Until then, changes made here wait on this desk, and new batches cannot be read or written until you enter the
        passphrase.
      </p>
      <Form
        form={form}
        idPrefix="unlock"
        fieldOrder={['passphrase']}
        submitLabel="Unlock"
        busyLabel="Unlocking…"
        onSubmit={async ({ passphrase }) => {
          await actions.unlock(passphrase);
          form.reset();
          confirmed('The team folder is unlocked.');
        }}
      >
        <TextField form={form} name="passphrase" type="password" label="Team passphrase" autoComplete="current-password" />
      </Form>
    </section>
  );
}
