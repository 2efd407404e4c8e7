import { Form, useZodForm } from '../../../components/form';
import { TextField } from '../../../components/text-field';
import { useConfirmed } from '../data/confirmed';
import { useTeamActions } from '../data/team';
import { CreateTeamForm } from '../schemas';

const FIELDS = ['folder', 'teamName', 'deskName', 'passphrase', 'confirm'] as const;

/** Sets up a new team folder: its name, this desk's name and the passphrase that encrypts it. */
export function CreateTeamFormSection() {
  const actions = useTeamActions();
  const announce = useConfirmed();
  const form = useZodForm(CreateTeamForm, { folder: '', teamName: '', deskName: '', passphrase: '', confirm: '' });
  return (
    <section aria-labelledby="create-team-heading" data-testid="create-team">
      <h2 id="create-team-heading">Set up a team folder</h2>
      <p>For the first desk of a team. The other desks then join it with the same folder and passphrase.</p>
      <Form
        form={form}
        idPrefix="create"
        fieldOrder={FIELDS}
        submitLabel="Set up the team folder"
        busyLabel="Setting up…"
        onSubmit={async ({ folder, teamName, deskName, passphrase }) => {
          const status = await actions.create({ folder, teamName, deskName, passphrase });
          announce(`The team folder is set up${status.state === 'member' ? ` for ${status.team.name}` : ''}. Other desks can now join it.`);
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
        <TextField form={form} name="teamName" label="Team name" hint="For example, London DoS team" autoComplete="off" />
        <TextField
          form={form}
          name="deskName"
          label="This desk's name"
          hint="How other desks will know this one, for example On-call laptop"
          autoComplete="off"
        />
        <TextField
          form={form}
          name="passphrase"
          type="password"
          label="Team passphrase"
          hint="At least 12 characters; a few unrelated words is easy to type and hard to guess. Give it to the team by phone or in person, not by email. Without it nobody can read the folder: it is not kept there."
          autoComplete="new-password"
        />
        <TextField form={form} name="confirm" type="password" label="Type the passphrase again" autoComplete="new-password" />
      </Form>
    </section>
  );
}
