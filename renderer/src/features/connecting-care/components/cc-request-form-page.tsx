import { useEffect } from 'react';
import { ATTESTATIONS, checkAllocation, LEAVER_REMINDER, SECONDARY_PURPOSE_STOP } from '@shared/domain/connecting-care';
import { CcRequestInput } from '@shared/models/connecting-care';
import { CheckboxGroup } from '../../../components/checkbox-group';
import { Form, useZodForm } from '../../../components/form';
import { PageHeading } from '../../../components/page-heading';
import { Radios } from '../../../components/radios';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { TextareaField } from '../../../components/textarea-field';
import { navigate } from '../../../navigation/router';
import { useSession } from '../../../session/store';
import { countInUse, useCcActions, useLicences, useOrganisations } from '../data/use-cc';
import { href, paths } from '../../../navigation/paths';
import { useDesk } from '../../../entities/desk/desk-context';

const FIELDS = [
  'type',
  'organisationId',
  'purpose',
  'fullName',
  'jobTitle',
  'workEmail',
  'role',
  'startDate',
  'temporary',
  'finishingDate',
  'licenceId',
  'changeKind',
  'newRole',
  'changeDetails',
  'deletionReason',
  'lastWorkingDay',
  'overAllocationConfirmed',
  'attestations',
] as const;

/** One form for starters, changes and leavers. */
export function CcRequestFormPage() {
  const { operator, settings } = useDesk();
  const orgs = useOrganisations();
  const licences = useLicences();
  const actions = useCcActions();
  const announce = useSession((s) => s.announce);
  const mine = (orgs ?? []).filter((o) => o.authorisers.some((a) => a.email.toLowerCase() === operator.email));
  const form = useZodForm(CcRequestInput, {
    type: 'new-user',
    organisationId: mine.length === 1 ? mine[0]!.id : '',
    purpose: 'direct-care',
    temporary: 'no',
    attestations: [],
    overAllocationConfirmed: false,
  });
  // Organisations load after the first render: preselect the only one the operator authorises for.
  const only = mine.length === 1 ? mine[0]!.id : '';
  useEffect(() => {
    if (only && !form.getValues('organisationId')) form.setValue('organisationId', only);
  }, [only, form]);
  const type = form.watch('type');
  const orgId = form.watch('organisationId');
  const purpose = form.watch('purpose');
  const temporary = form.watch('temporary');
  const changeKind = form.watch('changeKind');
  const org = (orgs ?? []).find((o) => o.id === orgId);
  const holders = (licences ?? []).filter((l) => l.organisationId === orgId && ['requested', 'active'].includes(l.status));
  const allocation =
    org && licences ? checkAllocation(countInUse(licences, org.id), org.allocationPerYear, settings.connectingCare.warnPercent) : null;
  if (orgs === undefined) return <p>Loading…</p>;
  if (!mine.length) {
    return (
      <>
        <PageHeading>Make a Connecting Care request</PageHeading>
        <p>
          Requests are made by an organisation&apos;s nominated authorisers, and {operator.email} is not an authoriser for any organisation
          on this desk. <a href={href(paths.connectingCare())}>Set up your organisation and its authorisers</a>, or switch to an authoriser.
        </p>
      </>
    );
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <a className="nhsuk-back-link" href={href(paths.connectingCare())}>
          Back to Connecting Care
        </a>
        <PageHeading>Make a Connecting Care request</PageHeading>
        <p>
          The request goes to your organisation&apos;s local service desk, which checks it comes from an authoriser and forwards it to the
          Connecting Care back office. You are copied in.
        </p>
        <Form
          form={form}
          fieldOrder={FIELDS}
          submitLabel="Send to the service desk"
          onSubmit={async (values) => {
            const request = await actions.file(values);
            announce(
              request.status === 'not-queued'
                ? `"${request.sent.subject}" is saved, but its email could not be queued: use "Queue the email again" on the request.`
                : `"${request.sent.subject}" is in the outbox for ${request.organisationName}'s service desk.`,
            );
            navigate(paths.ccRequest(request.id));
          }}
        >
          <Radios
            form={form}
            name="type"
            legend="Type of request"
            options={[
              { value: 'new-user', label: 'New user (starter)', hint: 'A request for a new licence.' },
              {
                value: 'amendment',
                label: 'Amendment (change)',
                hint: 'A change to an existing licence, such as a role change or a suspension.',
              },
              { value: 'deletion', label: 'Deletion (leaver)', hint: 'Removal of a licence because it is not used or the user has left.' },
            ]}
          />
          <SelectField
            form={form}
            name="organisationId"
            label="Organisation"
            placeholder="Choose your organisation"
            options={mine.map((o) => ({ value: o.id, label: o.name }))}
          />
          <Radios
            form={form}
            name="purpose"
            legend="What is the access for?"
            options={[
              { value: 'direct-care', label: 'Direct care' },
              { value: 'secondary', label: 'A secondary purpose, such as research' },
            ]}
          />
          {purpose === 'secondary' && (
            <div className="nhsuk-warning-callout" data-testid="secondary-stop">
              <h3 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>Not permitted
                </span>
              </h3>
              <p>{SECONDARY_PURPOSE_STOP}</p>
            </div>
          )}
          {purpose !== 'secondary' && type === 'new-user' && (
            <>
              <TextField form={form} name="fullName" label="Full name of user" width={30} spellCheck={false} />
              <TextField form={form} name="jobTitle" label="Job title" width={30} />
              <TextField form={form} name="workEmail" type="email" label="Work email" width={30} spellCheck={false} />
              <SelectField
                form={form}
                name="role"
                label="Connecting Care role"
                placeholder="Choose a role"
                hint="Request the most appropriate role: the personal data it gives access to must not be excessive."
                options={(org?.roles ?? []).map((r) => ({ value: r, label: r }))}
              />
              <TextField form={form} name="startDate" type="date" label="Start date" width={10} />
              <Radios
                form={form}
                name="temporary"
                legend="Are they temporary staff?"
                inline
                options={[
                  { value: 'no', label: 'No' },
                  { value: 'yes', label: 'Yes' },
                ]}
              />
              {temporary === 'yes' && (
                <TextField
                  form={form}
                  name="finishingDate"
                  type="date"
                  label="Finishing date"
                  hint="The current finishing date: it can be amended if they are extended."
                  width={10}
                />
              )}
              {allocation && (allocation.approaching || allocation.over) && (
                <div className="nhsuk-warning-callout" data-testid="allocation-warning">
                  <h3 className="nhsuk-warning-callout__label">
                    <span role="text">
                      <span className="nhsuk-u-visually-hidden">Important: </span>Licence allocation
                    </span>
                  </h3>
                  <p>
                    {org!.name} has {allocation.used} of its {allocation.allocation} licences in use this year. This request would make{' '}
                    {allocation.afterRequest}.
                  </p>
                </div>
              )}
              {allocation?.over && (
                <div className="nhsuk-form-group">
                  <div className="nhsuk-checkboxes">
                    <div className="nhsuk-checkboxes__item">
                      <input
                        className="nhsuk-checkboxes__input"
                        id="field-overAllocationConfirmed"
                        type="checkbox"
                        {...form.register('overAllocationConfirmed')}
                      />
                      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="field-overAllocationConfirmed">
                        I confirm this request goes over our licence allocation
                      </label>
                    </div>
                  </div>
                </div>
              )}
            </>
          )}
          {purpose !== 'secondary' && type !== 'new-user' && (
            <SelectField
              form={form}
              name="licenceId"
              label="Licence holder"
              placeholder={holders.length ? 'Choose the licence holder' : 'No licences at this organisation yet'}
              options={holders.map((l) => ({ value: l.id, label: `${l.holderName} (${l.holderEmail}), ${l.role}` }))}
            />
          )}
          {purpose !== 'secondary' && type === 'amendment' && (
            <>
              <Radios
                form={form}
                name="changeKind"
                legend="What is changing?"
                options={[
                  { value: 'role-change', label: 'Connecting Care role change' },
                  { value: 'suspension', label: 'The user has been suspended' },
                  { value: 'other', label: 'Something else' },
                ]}
              />
              {changeKind === 'role-change' && (
                <SelectField
                  form={form}
                  name="newRole"
                  label="New role"
                  placeholder="Choose a role"
                  options={(org?.roles ?? []).map((r) => ({ value: r, label: r }))}
                />
              )}
              <TextareaField form={form} name="changeDetails" label="Details of the change" rows={3} />
            </>
          )}
          {purpose !== 'secondary' && type === 'deletion' && (
            <>
              <div className="nhsuk-inset-text">
                <span className="nhsuk-u-visually-hidden">Information: </span>
                <p>{LEAVER_REMINDER}</p>
              </div>
              <Radios
                form={form}
                name="deletionReason"
                legend="Why is the licence being removed?"
                options={[
                  { value: 'leaver', label: 'They have left the organisation' },
                  { value: 'not-used', label: 'The licence is not used' },
                ]}
              />
              <TextField form={form} name="lastWorkingDay" type="date" label="Last working day" width={10} />
            </>
          )}
          <CheckboxGroup
            form={form}
            name="attestations"
            legend="Your responsibilities as an authoriser"
            hint="Confirm each one. You may be asked for more information, or challenged, about any request you authorise."
            options={ATTESTATIONS.map((a) => ({ value: a.id, label: a.text }))}
          />
        </Form>
      </div>
    </div>
  );
}
