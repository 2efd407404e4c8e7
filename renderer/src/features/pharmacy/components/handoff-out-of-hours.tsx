import { useEffect } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { NHS_WEBSITE_SERVICE_DESK } from '@shared/domain/pharmacy';
import type { Operator } from '@shared/models/operator';
import { ONCALL_CHANGE_KINDS, type PharmacyProfile } from '@shared/models/pharmacy';
import type { DosTeam } from '@shared/models/registers';
import { CheckboxGroup } from '../../../components/checkbox-group';
import { fieldId } from '../../../components/form';
import { Radios } from '../../../components/radios';
import { SelectField } from '../../../components/select-field';
import { TextareaField } from '../../../components/textarea-field';
import { TextField } from '../../../components/text-field';
import { useCoveredActiveAccounts, useLinked } from '../data/use-pharmacy';
import type { HandoffFields } from '../schemas';
import { href, paths } from '../../../navigation/paths';

interface Props {
  form: UseFormReturn<HandoffFields>;
  operator: Operator;
  profile: PharmacyProfile;
  teams: readonly DosTeam[];
}

/**
 * Step 4 out of hours: the on-call DoS support has made the change in DoS; record what, on which
 * linked entries and with which individual account, so it is logged as an emergency change and the
 * local DoS team is emailed.
 */
export function OutOfHoursStep({ form, operator, profile, teams }: Props) {
  const linked = useLinked(profile.odsCode);
  const accounts = useCoveredActiveAccounts(operator);
  const team = teams.find((t) => t.region === profile.region);
  const own = accounts?.find((x) => x.email === operator.email)?.id;
  // The operator's own DoS account is the usual one; offered once the accounts have loaded.
  useEffect(() => {
    if (own && !form.getValues('accountId')) form.setValue('accountId', own);
  }, [own, form]);
  const serviceIdsId = fieldId('serviceIds');
  return (
    <section aria-labelledby="out-of-hours-heading">
      <h2 id="out-of-hours-heading">4. Out of hours: make the change in DoS</h2>
      <p>
        As the on-call DoS support (<strong>{NHS_WEBSITE_SERVICE_DESK.onCallPhone}</strong>), make the change in DoS following the usual
        process. Then record it here: it is logged as an emergency change, the {profile.region} local DoS team is emailed (regional team
        copied), and a follow-up task is opened for the local team to inform NHS.UK.
      </p>
      {!team && (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>No DoS team addresses for {profile.region}
            </span>
          </h3>
          <p>
            Add the {profile.region} local and regional DoS team emails in <a href={href(paths.settings())}>Settings</a> before recording
            the change.
          </p>
        </div>
      )}
      <TextField form={form} name="contractorName" label="Who called?" hint='Their name and role, like "Sam Patel, pharmacist"' />
      <Radios
        form={form}
        name="kind"
        legend="What did you change?"
        options={ONCALL_CHANGE_KINDS.map((k) => ({ value: k, label: k[0]!.toUpperCase() + k.slice(1) }))}
      />
      <TextareaField form={form} name="details" label="What was changed in DoS" rows={3} />
      {linked === undefined ? (
        <p>Loading the linked DoS entries…</p>
      ) : linked.length === 0 ? (
        <div className="nhsuk-form-group" id={serviceIdsId} tabIndex={-1}>
          <p>
            No DoS entry in the services directory is linked to {profile.odsCode}. <a href={href(paths.newService())}>Add the entry</a>{' '}
            first.
          </p>
        </div>
      ) : (
        <CheckboxGroup
          form={form}
          name="serviceIds"
          legend="DoS entries you changed"
          hint={`The entries linked to ${profile.odsCode}: the same first 5 ODS characters and a pharmacy service type.`}
          options={linked.map(({ service }) => ({
            value: service.id,
            label: `${service.name} (${service.serviceType}, ${service.odsCode})`,
          }))}
        />
      )}
      {/* Shown once its options exist, so the select can show the account the form already holds. */}
      {accounts === undefined ? (
        <p>Loading your DoS accounts…</p>
      ) : (
        <SelectField
          form={form}
          name="accountId"
          label="The DoS account you made the change with"
          hint="Your own individual account, never a shared one."
          placeholder="Choose the account"
          options={accounts.map((x) => ({ value: x.id, label: `${x.fullName} (${x.email})` }))}
        />
      )}
      <TextField form={form} name="madeAt" label="When you made the change" type="datetime-local" width={20} />
    </section>
  );
}
