import { PageHeading } from '../../../components/page-heading';
import { Form, useZodForm } from '../../../components/form';
import { TextField } from '../../../components/text-field';
import { TextareaField } from '../../../components/textarea-field';
import { navigate } from '../../../navigation/router';
import { useSession } from '../../../session/store';
import type { Organisation } from '@shared/models/connecting-care';
import { useCcActions, useOrganisation } from '../data/use-cc';
import { OrganisationForm } from '../schemas';
import { href, paths } from '../../../navigation/paths';

const FIELDS = ['name', 'serviceDeskEmail', 'allocationPerYear', 'authorisers', 'roles'] as const;

/** Add or edit a partner organisation. */
export function OrganisationPage({ id }: { id?: string }) {
  const org = useOrganisation(id);
  if (id && org === undefined) return <p>Loading…</p>;
  return <OrganisationEditor key={org?.id ?? 'new'} org={org ?? undefined} />;
}

function OrganisationEditor({ org }: { org?: Organisation }) {
  const actions = useCcActions();
  const announce = useSession((s) => s.announce);
  const form = useZodForm(OrganisationForm, {
    name: org?.name ?? '',
    serviceDeskEmail: org?.serviceDeskEmail ?? '',
    allocationPerYear: org ? String(org.allocationPerYear) : '',
    authorisers: org?.authorisers.map((a) => `${a.name}, ${a.email}`).join('\n') ?? '',
    roles: org?.roles.join('\n') ?? '',
  });
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <a className="nhsuk-back-link" href={href(paths.connectingCare())}>
          Back to Connecting Care
        </a>
        <PageHeading>{org ? `Edit ${org.name}` : 'Add a partner organisation'}</PageHeading>
        <Form
          form={form}
          fieldOrder={FIELDS}
          submitLabel="Save organisation"
          onSubmit={async (values) => {
            const saved = await actions.saveOrganisation(values, org?.id ?? null);
            announce(`${saved.name} saved.`);
            navigate(paths.connectingCare());
          }}
        >
          <TextField form={form} name="name" label="Organisation name" width={30} />
          <TextField
            form={form}
            name="serviceDeskEmail"
            type="email"
            label="Local service desk email"
            hint="Requests go here; the service desk validates them and forwards them to the Connecting Care back office."
            width={30}
            spellCheck={false}
          />
          <TextField form={form} name="allocationPerYear" label="Licence allocation per year" width={10} />
          <TextareaField
            form={form}
            name="authorisers"
            label="Nominated authorisers"
            hint='One per line, as "Full name, email address".'
            rows={4}
          />
          <TextareaField
            form={form}
            name="roles"
            label="Connecting Care roles"
            hint="The roles authorisers can request, one per line."
            rows={4}
          />
        </Form>
      </div>
    </div>
  );
}
