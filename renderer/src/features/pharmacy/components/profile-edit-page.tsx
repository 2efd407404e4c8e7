import { PharmacyProfileInput, PROFILE_STATUS_LABELS, PROFILE_STATUSES, type PharmacyProfile } from '@shared/models/pharmacy';
import { Form, useZodForm } from '../../../components/form';
import { PageHeading } from '../../../components/page-heading';
import { Radios } from '../../../components/radios';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { TextareaField } from '../../../components/textarea-field';
import { navigate } from '../../../navigation/router';
import { useSession } from '../../../session/store';
import { usePharmacyActions, useProfile } from '../data/use-pharmacy';
import { SpecifiedTimesEditor, StandardTimesEditor } from './opening-times';
import { href, paths } from '../../../navigation/paths';
import { useDesk } from '../../../entities/desk/desk-context';

const FIELDS = [
  'odsCode',
  'profileStatus',
  'name',
  'address',
  'postcode',
  'website',
  'phone',
  'region',
  'standardTimes',
  'specifiedTimes',
] as const;

interface Props {
  id?: string;
  coveredRegions: readonly string[];
}

/** Add a pharmacy profile (`id` absent) or edit one, in the regions the operator covers. */
export function ProfileEditPage({ id }: { id?: string }) {
  const { operator } = useDesk();
  const props: Props = { id, coveredRegions: operator.regions };
  const profile = useProfile(props.id);
  if (props.id && profile === undefined) return <p>Loading…</p>;
  if (props.id && !profile)
    return (
      <>
        <PageHeading>Pharmacy not found</PageHeading>
        <p>
          <a href={href(paths.pharmacies())}>Back to pharmacies</a>
        </p>
      </>
    );
  return <ProfileForm key={profile?.id ?? 'new'} profile={profile ?? undefined} {...props} />;
}

const closedWeek = { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] };

function ProfileForm({ profile, coveredRegions }: Props & { profile?: PharmacyProfile }) {
  const actions = usePharmacyActions();
  const announce = useSession((s) => s.announce);
  const form = useZodForm(PharmacyProfileInput, {
    odsCode: profile?.odsCode ?? '',
    profileStatus: profile?.profileStatus ?? 'active',
    name: profile?.name ?? '',
    address: profile?.address ?? '',
    postcode: profile?.postcode ?? '',
    website: profile?.website ?? '',
    phone: profile?.phone ?? '',
    region: profile?.region ?? (coveredRegions.length === 1 ? coveredRegions[0]! : ''),
    standardTimes: profile?.standardTimes ?? closedWeek,
    specifiedTimes: profile?.specifiedTimes ?? [],
  });
  const back = profile ? href(paths.pharmacy(profile.id)) : href(paths.pharmacies());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <a className="nhsuk-back-link" href={back}>
          Back
        </a>
        <PageHeading>{profile ? `Edit ${profile.name}` : 'Add a pharmacy profile'}</PageHeading>
        <p>The details Profile Manager holds for the pharmacy. They feed through to every linked DoS entry.</p>
        <Form
          form={form}
          fieldOrder={FIELDS}
          submitLabel={profile ? 'Save profile' : 'Add profile'}
          onSubmit={async (values) => {
            const saved = profile ? await actions.update(profile.id, values) : await actions.create(values);
            announce(`${saved.name} saved.`);
            navigate(paths.pharmacy(saved.id));
          }}
          secondary={
            <a className="nhsuk-link" href={back}>
              Cancel
            </a>
          }
        >
          <TextField
            form={form}
            name="odsCode"
            label="ODS code"
            hint="F and 4 letters or numbers, like FA123"
            width={10}
            spellCheck={false}
          />
          <Radios
            form={form}
            name="profileStatus"
            legend="Profile status"
            options={PROFILE_STATUSES.map((s) => ({ value: s, label: PROFILE_STATUS_LABELS[s] }))}
          />
          <TextField form={form} name="name" label="Organisation name" width={30} />
          <TextareaField form={form} name="address" label="Address" hint="Each part on its own line, without the postcode" rows={3} />
          <TextField form={form} name="postcode" label="Postcode" width={10} autoComplete="off" />
          <TextField
            form={form}
            name="website"
            label="Website (optional)"
            hint="The full address, like https://www.example-pharmacy.co.uk"
          />
          <TextField form={form} name="phone" label="Public phone number" width={20} />
          <SelectField
            form={form}
            name="region"
            label="Region"
            placeholder="Choose a region"
            options={coveredRegions.map((r) => ({ value: r, label: r }))}
          />
          <StandardTimesEditor form={form} />
          <SpecifiedTimesEditor form={form} />
        </Form>
      </div>
    </div>
  );
}
