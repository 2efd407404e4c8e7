import { useEffect, useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { formatLondonDateTime, londonDate } from '@shared/domain/london-time';
import { decideHours, PROFILE_MANAGER_URL } from '@shared/domain/pharmacy';
import type { PharmacyChange } from '@shared/models/pharmacy';
import { ExternalLink } from '../../../components/external-link';
import { fieldId, Form } from '../../../components/form';
import { PageHeading } from '../../../components/page-heading';
import { Radios } from '../../../components/radios';
import { SelectField } from '../../../components/select-field';
import { TextareaField } from '../../../components/textarea-field';
import { useBankHolidays, useCoveredProfiles, usePharmacyActions } from '../data/use-pharmacy';
import { HANDOFF_DEFAULTS, HANDOFF_FIELD_ORDER, InHoursForm, localInputValue, OnCallForm, type HandoffFields } from '../schemas';
import { HandoffDone } from './handoff-done';
import { InHoursStep } from './handoff-in-hours';
import { OutOfHoursStep } from './handoff-out-of-hours';
import { href, paths } from '../../../navigation/paths';
import { useDesk } from '../../../entities/desk/desk-context';

interface Props {
  profileId?: string;
}

const inHoursResolver = zodResolver(InHoursForm as never) as unknown as Resolver<HandoffFields>;
const onCallResolver = zodResolver(OnCallForm as never) as unknown as Resolver<HandoffFields>;

/** Until England's bank holidays have loaded (the page shows "Loading…" until then). */
const NO_HOLIDAYS: ReadonlySet<string> = new Set();

/**
 * The guided flow for a call from a contractor who cannot use Profile Manager (seed 002): first
 * Profile Manager or a colleague; then, in hours, the NHS website service desk; out of hours, the
 * on-call DoS support makes the change, which is recorded as an emergency change, the local DoS
 * team is emailed, and a follow-up task is opened for them to inform NHS.UK. One form holds every
 * step; it is checked by the in-hours or the on-call schema, whichever applies.
 */
export function HandoffPage({ profileId }: Props) {
  const { operator, settings } = useDesk();
  const teams = settings.dosTeams;
  const profiles = useCoveredProfiles(operator);
  const holidays = useBankHolidays();
  const actions = usePharmacyActions();
  const [now, setNow] = useState(() => new Date());
  const [done, setDone] = useState<PharmacyChange | null>(null);
  // The form is checked by the schema of the step that applies: the clock, unless overridden.
  const bankHolidays = holidays ?? NO_HOLIDAYS;
  const resolver: Resolver<HandoffFields> = (values, context, options) =>
    (decideHours(now, bankHolidays, values.override).inHours ? inHoursResolver : onCallResolver)(values, context, options);
  const form = useForm<HandoffFields>({
    resolver,
    defaultValues: { ...HANDOFF_DEFAULTS, profileId: profileId ?? '', madeAt: localInputValue(now) },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });
  const [chosen, tried, override] = useWatch({ control: form.control, name: ['profileId', 'tried', 'override'] });
  const byClock = decideHours(now, bankHolidays, 'none');
  const decided = decideHours(now, bankHolidays, override);

  // Entries chosen for one pharmacy are never sent with another.
  useEffect(() => form.setValue('serviceIds', []), [chosen, form]);

  if (!profiles || !holidays) return <p>Loading…</p>;
  if (done) return <HandoffDone change={done} />;
  const profile = profiles.find((p) => p.id === chosen);
  const todayIsHoliday = holidays.has(londonDate(now));

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <a className="nhsuk-back-link" href={href(paths.pharmacies())}>
          Back to pharmacies
        </a>
        <PageHeading>A contractor cannot use Profile Manager</PageHeading>
        <p>
          Pharmacies make their own changes, including same-day closures, in NHS Profile Manager. DoS teams cannot use it for them. Work
          through these steps with the caller.
        </p>

        <h2>1. Which pharmacy?</h2>
        {profiles.length === 0 ? (
          <p>
            There are no pharmacy profiles in your regions yet. <a href={href(paths.newPharmacy())}>Add the pharmacy&apos;s profile</a>{' '}
            first.
          </p>
        ) : (
          <SelectField
            form={form}
            name="profileId"
            label="Pharmacy"
            placeholder="Choose the pharmacy"
            options={profiles.map((p) => ({ value: p.id, label: `${p.name} (${p.odsCode}), ${p.postcode}` }))}
          />
        )}

        {profile && (
          <>
            <h2>2. Direct them to Profile Manager first</h2>
            <p>
              Ask them to use Profile Manager at <ExternalLink href={PROFILE_MANAGER_URL}>{PROFILE_MANAGER_URL}</ExternalLink> (it works on
              a smartphone), or whether another colleague at the pharmacy can. Pharmacies can have several editors, each registered with
              their NHSmail address.
            </p>
            <div className="nhsuk-checkboxes nhsuk-u-margin-bottom-5">
              <div className="nhsuk-checkboxes__item">
                <input className="nhsuk-checkboxes__input" id={fieldId('tried')} type="checkbox" {...form.register('tried')} />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={fieldId('tried')}>
                  They are completely unable to use it for technical reasons, and no colleague can
                </label>
              </div>
            </div>
          </>
        )}

        {profile && tried && (
          <>
            <h2>3. In hours or out of hours?</h2>
            <div className="nhsuk-inset-text" data-testid="hours-decision">
              <p>
                It is {formatLondonDateTime(now, { weekday: true })} (London time){todayIsHoliday ? ', a bank holiday' : ''}: by the clock
                this is <strong>{byClock.inHours ? 'in hours' : 'out of hours'}</strong>. In hours is Monday to Friday, 8am to 5pm, not bank
                holidays.
              </p>
              <button type="button" className="app-link-button" onClick={() => setNow(new Date())}>
                Check the time again
              </button>
            </div>
            <Radios
              form={form}
              name="override"
              legend="Which steps apply?"
              options={[
                { value: 'none', label: `Follow the clock (${byClock.inHours ? 'in hours' : 'out of hours'})` },
                { value: 'in-hours', label: 'Treat it as in hours' },
                { value: 'out-of-hours', label: 'Treat it as out of hours' },
              ]}
            />
            {override !== 'none' && <TextareaField form={form} name="overrideReason" label="Why are you overriding the clock?" rows={2} />}
            <Form
              form={form}
              fieldOrder={HANDOFF_FIELD_ORDER}
              submitLabel={decided.inHours ? 'Record the call' : 'Record the change and email the local DoS team'}
              onSubmit={async (values) => {
                setDone(await (decided.inHours ? actions.inHours(values, holidays) : actions.onCall(values, holidays)));
              }}
            >
              {decided.inHours ? (
                <InHoursStep form={form} />
              ) : (
                <OutOfHoursStep form={form} operator={operator} profile={profile} teams={teams} />
              )}
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
