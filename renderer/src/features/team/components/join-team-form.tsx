import { Form, useZodForm } from '../../../components/form';
import { TextField } from '../../../components/text-field';
import { useConfirmed } from '../data/confirmed';
import { useTeamActions } from '../data/team';
import { JoinTeamForm } from '../schemas';

const FIELDS = ['folder', 'deskName', 'passphrase'] as const;

/** Joins a team folder another desk set up. */
export function JoinTeamFormSection() {
  const actions = useTeamActions();
  const announce = useConfirmed();
  const form = useZodForm(JoinTeamForm, { folder: '', deskName: '', passphrase: '' });
  return (
    <section aria-labelledby="join-team-heading" data-testid="join-team">
      <h2 id="join-team-heading">Join a team</h2>
      <p>When another desk has set up the team folder: use the same folder and the passphrase the team gave you.</p>
      <Form
        form={form}
        idPrefix="join"
        fieldOrder={FIELDS}
        submitLabel="Join the team"
        busyLabel="Joining…"
        onSubmit={async ({ folder, deskName, passphrase }) => {
          const status = await actions.join({ folder, deskName, passphrase });
          announce(
            `This desk has joined ${status.state === 'member' ? status.team.name : 'the team'}. Its records and the team's are shared from now on.`,
          );
        }}
      >
        <TextField
          form={form}
          name="folder"
          label="Team folder"
          hint="The folder's full path, as File Explorer shows it"
          spellCheck={false}
          autoComplete="off"
        />
        <TextField
          form={form}
          name="deskName"
          label="This desk's name"
          hint="How other desks will know this one, for example Lead's desk"
          autoComplete="off"
        />
        <TextField form={form} name="passphrase" type="password" label="Team passphrase" autoComplete="current-password" />
      </Form>
    </section>
  );
}
