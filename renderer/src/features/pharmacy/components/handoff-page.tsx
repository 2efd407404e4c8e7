import { useState } from 'react';
import { londonDate } from '@shared/domain/london-time';
import { decideHours, NHS_WEBSITE_SERVICE_DESK, PROFILE_MANAGER_URL, type HoursOverride } from '@shared/domain/pharmacy';
import type { DeliveryMethod } from '@shared/models/email';
import type { Operator } from '@shared/models/operator';
import { InHoursCallInput, ONCALL_CHANGE_KINDS, OnCallChangeInput, type PharmacyChange } from '@shared/models/pharmacy';
import type { DosTeam } from '@shared/models/registers';
import { ExternalLink } from '../../../components/external-link';
import { ErrorSummary, fieldId } from '../../../components/form';
import { PageHeading } from '../../../components/page-heading';
import { useBankHolidays, useCoveredActiveAccounts, useCoveredProfiles, useLinked, usePharmacyActions } from '../data/use-pharmacy';

interface Props {
  operator: Operator;
  regions: readonly string[];
  delivery: DeliveryMethod;
  teams: readonly DosTeam[];
  profileId?: string;
}

interface Problem {
  name: string;
  message: string;
}

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2026-11-21T21:30" in the computer's time, for a datetime-local input. */
function localInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function problemsFrom(error: { issues: { path: PropertyKey[]; message: string }[] }): Problem[] {
  return error.issues.map((i) => ({ name: i.path.map(String).join('.') || 'contractorName', message: i.message }));
}

/**
 * Checks the input against its schema (listing every problem), then runs the action; an error it
 * throws is shown against its field. Busy while it runs, so the button cannot be pressed twice.
 */
function useSubmit(onDone: (change: PharmacyChange) => void) {
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async (
    schema: {
      safeParse(v: unknown): { success: true } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
    },
    input: unknown,
    action: () => Promise<PharmacyChange>,
  ) => {
    const checked = schema.safeParse(input);
    if (!checked.success) return setProblems(problemsFrom(checked.error));
    setProblems([]);
    setBusy(true);
    try {
      onDone(await action());
    } catch (e) {
      setProblems([{ name: (e as { field?: string }).field ?? 'contractorName', message: e instanceof Error ? e.message : String(e) }]);
    } finally {
      setBusy(false);
    }
  };
  return { problems, busy, submit };
}

function errorFor(problems: Problem[], name: string): string | undefined {
  return problems.find((p) => p.name === name || p.name.startsWith(`${name}.`))?.message;
}

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <span className="nhsuk-error-message" id={`${id}-error`}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {message}
    </span>
  );
}

/**
 * The guided flow for a call from a contractor who cannot use Profile Manager (seed 002): first
 * Profile Manager or a colleague; then, in hours, the NHS website service desk; out of hours, the
 * on-call DoS support makes the change, which is recorded as an emergency change, the local DoS
 * team is emailed, and a follow-up task is opened for them to inform NHS.UK.
 */
export function HandoffPage({ operator, regions, delivery, teams, profileId }: Props) {
  const profiles = useCoveredProfiles(operator);
  const holidays = useBankHolidays();
  const [chosen, setChosen] = useState(profileId ?? '');
  const [tried, setTried] = useState(false);
  const [now, setNow] = useState(() => new Date());
  const [override, setOverride] = useState<HoursOverride>('none');
  const [overrideReason, setOverrideReason] = useState('');
  const [done, setDone] = useState<PharmacyChange | null>(null);

  if (!profiles || !holidays) return <p>Loading…</p>;
  const profile = profiles.find((p) => p.id === chosen);
  const byClock = decideHours(now, holidays, 'none');
  const decided = decideHours(now, holidays, override);
  const todayIsHoliday = holidays.has(londonDate(now));

  if (done) return <Done change={done} />;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <a className="nhsuk-back-link" href="#/pharmacies">
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
            There are no pharmacy profiles in your regions yet. <a href="#/pharmacies/new">Add the pharmacy&apos;s profile</a> first.
          </p>
        ) : (
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="handoff-pharmacy">
              Pharmacy
            </label>
            <select className="nhsuk-select" id="handoff-pharmacy" value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">Choose the pharmacy</option>
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.odsCode}), {p.postcode}
                </option>
              ))}
            </select>
          </div>
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
                <input
                  className="nhsuk-checkboxes__input"
                  id="handoff-tried"
                  type="checkbox"
                  checked={tried}
                  onChange={(e) => setTried(e.target.checked)}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="handoff-tried">
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
                It is {clock.format(now)} (London time){todayIsHoliday ? ', a bank holiday' : ''}: by the clock this is{' '}
                <strong>{byClock.inHours ? 'in hours' : 'out of hours'}</strong>. In hours is Monday to Friday, 8am to 5pm, not bank
                holidays.
              </p>
              <button type="button" className="app-link-button" onClick={() => setNow(new Date())}>
                Check the time again
              </button>
            </div>
            <div className="nhsuk-form-group">
              <fieldset className="nhsuk-fieldset">
                <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Which steps apply?</legend>
                <div className="nhsuk-radios">
                  {(
                    [
                      ['none', `Follow the clock (${byClock.inHours ? 'in hours' : 'out of hours'})`],
                      ['in-hours', 'Treat it as in hours'],
                      ['out-of-hours', 'Treat it as out of hours'],
                    ] as const
                  ).map(([value, label], i) => (
                    <div className="nhsuk-radios__item" key={value}>
                      <input
                        className="nhsuk-radios__input"
                        id={i === 0 ? fieldId('override') : `${fieldId('override')}-${i + 1}`}
                        type="radio"
                        name="override"
                        checked={override === value}
                        onChange={() => setOverride(value)}
                      />
                      <label
                        className="nhsuk-label nhsuk-radios__label"
                        htmlFor={i === 0 ? fieldId('override') : `${fieldId('override')}-${i + 1}`}
                      >
                        {label}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
            {override !== 'none' && (
              <div className="nhsuk-form-group">
                <label className="nhsuk-label" htmlFor={fieldId('overrideReason')}>
                  Why are you overriding the clock?
                </label>
                <textarea
                  className="nhsuk-textarea"
                  id={fieldId('overrideReason')}
                  rows={2}
                  value={overrideReason}
                  onChange={(e) => setOverrideReason(e.target.value)}
                />
              </div>
            )}
            {decided.inHours ? (
              <InHours
                key={`in-${profile.id}`}
                profileId={profile.id}
                override={override}
                overrideReason={overrideReason}
                holidays={holidays}
                onDone={setDone}
                actions={{ regions, delivery, teams }}
              />
            ) : (
              <OutOfHours
                key={`out-${profile.id}`}
                operator={operator}
                profileId={profile.id}
                odsCode={profile.odsCode}
                region={profile.region}
                override={override}
                overrideReason={overrideReason}
                holidays={holidays}
                onDone={setDone}
                actions={{ regions, delivery, teams }}
              />
            )}
          </>
        )}
      </div>
    </div>
  );
}

interface StepProps {
  profileId: string;
  override: HoursOverride;
  overrideReason: string;
  holidays: ReadonlySet<string>;
  onDone(change: PharmacyChange): void;
  actions: { regions: readonly string[]; delivery: DeliveryMethod; teams: readonly DosTeam[] };
}

function InHours({ profileId, override, overrideReason, holidays, onDone, actions: a }: StepProps) {
  const actions = usePharmacyActions(a.regions, a.delivery, a.teams);
  const [contractorName, setContractorName] = useState('');
  const [note, setNote] = useState('');
  const { problems, busy, submit } = useSubmit(onDone);
  return (
    <section aria-labelledby="in-hours-heading">
      <h2 id="in-hours-heading">4. In hours: the NHS website service desk</h2>
      <p>Tell the contractor to contact the NHS website service desk, who can help with Profile Manager:</p>
      <ul className="nhsuk-list nhsuk-list--bullet" data-testid="service-desk">
        <li>
          Email <ExternalLink href={`mailto:${NHS_WEBSITE_SERVICE_DESK.email}`}>{NHS_WEBSITE_SERVICE_DESK.email}</ExternalLink>
        </li>
        <li>
          or raise a ticket at <ExternalLink href={NHS_WEBSITE_SERVICE_DESK.ticket}>{NHS_WEBSITE_SERVICE_DESK.ticket}</ExternalLink>
        </li>
      </ul>
      <p>DoS teams do not make the change in hours. Record the call for today&apos;s report:</p>
      <ErrorSummary problems={problems} />
      <div className={`nhsuk-form-group${errorFor(problems, 'contractorName') ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={fieldId('contractorName')}>
          Who called?
        </label>
        <FieldError id={fieldId('contractorName')} message={errorFor(problems, 'contractorName')} />
        <input
          className="nhsuk-input"
          id={fieldId('contractorName')}
          value={contractorName}
          onChange={(e) => setContractorName(e.target.value)}
        />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={fieldId('note')}>
          Note (optional)
        </label>
        <textarea className="nhsuk-textarea" id={fieldId('note')} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button
        type="button"
        className="nhsuk-button"
        disabled={busy}
        onClick={() => {
          const input = { profileId, contractorName, note, override, overrideReason };
          void submit(InHoursCallInput, input, () => actions.inHours(input, holidays));
        }}
      >
        Record the call
      </button>
    </section>
  );
}

function OutOfHours({
  operator,
  profileId,
  odsCode,
  region,
  override,
  overrideReason,
  holidays,
  onDone,
  actions: a,
}: StepProps & { operator: Operator; odsCode: string; region: string }) {
  const actions = usePharmacyActions(a.regions, a.delivery, a.teams);
  const linked = useLinked(odsCode);
  const accounts = useCoveredActiveAccounts(operator);
  const [contractorName, setContractorName] = useState('');
  const [kind, setKind] = useState('');
  const [details, setDetails] = useState('');
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [accountId, setAccountId] = useState<string | null>(null);
  const [madeAt, setMadeAt] = useState(() => localInputValue(new Date()));
  const { problems, busy, submit } = useSubmit(onDone);
  const team = a.teams.find((t) => t.region === region);
  const mine = accounts?.find((x) => x.email === operator.email)?.id ?? '';
  const account = accountId ?? mine;
  const text = (name: string, label: string, value: string, set: (v: string) => void, hint?: string) => (
    <div className={`nhsuk-form-group${errorFor(problems, name) ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={fieldId(name)}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </div>
      )}
      <FieldError id={fieldId(name)} message={errorFor(problems, name)} />
      <input
        className="nhsuk-input"
        id={fieldId(name)}
        value={value}
        onChange={(e) => set(e.target.value)}
        aria-describedby={hint ? `${fieldId(name)}-hint` : undefined}
      />
    </div>
  );
  return (
    <section aria-labelledby="out-of-hours-heading">
      <h2 id="out-of-hours-heading">4. Out of hours: make the change in DoS</h2>
      <p>
        As the on-call DoS support (<strong>{NHS_WEBSITE_SERVICE_DESK.onCallPhone}</strong>), make the change in DoS following the usual
        process. Then record it here: it is logged as an emergency change, the {region} local DoS team is emailed (regional team copied),
        and a follow-up task is opened for the local team to inform NHS.UK.
      </p>
      {!team && (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>No DoS team addresses for {region}
            </span>
          </h3>
          <p>
            Add the {region} local and regional DoS team emails in <a href="#/settings">Settings</a> before recording the change.
          </p>
        </div>
      )}
      <ErrorSummary problems={problems} />
      {text('contractorName', 'Who called?', contractorName, setContractorName, 'Their name and role, like "Sam Patel, pharmacist"')}
      <div className={`nhsuk-form-group${errorFor(problems, 'kind') ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">What did you change?</legend>
          <FieldError id={fieldId('kind')} message={errorFor(problems, 'kind')} />
          <div className="nhsuk-radios">
            {ONCALL_CHANGE_KINDS.map((k, i) => {
              const id = i === 0 ? fieldId('kind') : `${fieldId('kind')}-${i + 1}`;
              return (
                <div className="nhsuk-radios__item" key={k}>
                  <input
                    className="nhsuk-radios__input"
                    id={id}
                    type="radio"
                    name="kind"
                    checked={kind === k}
                    onChange={() => setKind(k)}
                  />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                    {k[0]!.toUpperCase() + k.slice(1)}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>
      <div className={`nhsuk-form-group${errorFor(problems, 'details') ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={fieldId('details')}>
          What was changed in DoS
        </label>
        <FieldError id={fieldId('details')} message={errorFor(problems, 'details')} />
        <textarea
          className="nhsuk-textarea"
          id={fieldId('details')}
          rows={3}
          value={details}
          onChange={(e) => setDetails(e.target.value)}
        />
      </div>
      <div className={`nhsuk-form-group${errorFor(problems, 'serviceIds') ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">DoS entries you changed</legend>
          <div className="nhsuk-hint">The entries linked to {odsCode}: the same first 5 ODS characters and a pharmacy service type.</div>
          <FieldError id={fieldId('serviceIds')} message={errorFor(problems, 'serviceIds')} />
          {linked === undefined ? (
            <p>Loading…</p>
          ) : linked.length === 0 ? (
            <p>
              No DoS entry in the services directory is linked to {odsCode}. <a href="#/services/new">Add the entry</a> first.
            </p>
          ) : (
            <div className="nhsuk-checkboxes">
              {linked.map(({ service }, i) => {
                const id = i === 0 ? fieldId('serviceIds') : `${fieldId('serviceIds')}-${i + 1}`;
                return (
                  <div className="nhsuk-checkboxes__item" key={service.id}>
                    <input
                      className="nhsuk-checkboxes__input"
                      id={id}
                      type="checkbox"
                      checked={serviceIds.includes(service.id)}
                      onChange={(e) =>
                        setServiceIds(e.target.checked ? [...serviceIds, service.id] : serviceIds.filter((x) => x !== service.id))
                      }
                    />
                    <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                      {service.name} ({service.serviceType}, {service.odsCode})
                    </label>
                  </div>
                );
              })}
            </div>
          )}
        </fieldset>
      </div>
      <div className={`nhsuk-form-group${errorFor(problems, 'accountId') ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={fieldId('accountId')}>
          The DoS account you made the change with
        </label>
        <div className="nhsuk-hint">Your own individual account, never a shared one.</div>
        <FieldError id={fieldId('accountId')} message={errorFor(problems, 'accountId')} />
        <select className="nhsuk-select" id={fieldId('accountId')} value={account} onChange={(e) => setAccountId(e.target.value)}>
          <option value="">Choose the account</option>
          {(accounts ?? []).map((x) => (
            <option key={x.id} value={x.id}>
              {x.fullName} ({x.email})
            </option>
          ))}
        </select>
      </div>
      <div className={`nhsuk-form-group${errorFor(problems, 'madeAt') ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={fieldId('madeAt')}>
          When you made the change
        </label>
        <FieldError id={fieldId('madeAt')} message={errorFor(problems, 'madeAt')} />
        <input
          className="nhsuk-input nhsuk-input--width-20"
          id={fieldId('madeAt')}
          type="datetime-local"
          value={madeAt}
          onChange={(e) => setMadeAt(e.target.value)}
        />
      </div>
      <button
        type="button"
        className="nhsuk-button"
        disabled={busy}
        onClick={() => {
          const when = new Date(madeAt);
          const input = {
            profileId,
            triedProfileManager: true,
            contractorName,
            kind,
            details,
            serviceIds,
            accountId: account,
            madeAt: Number.isNaN(when.getTime()) ? '' : when.toISOString(),
            override,
            overrideReason,
          };
          void submit(OnCallChangeInput, input, () => actions.onCall(input, holidays));
        }}
      >
        Record the change and email the local DoS team
      </button>
    </section>
  );
}

function Done({ change }: { change: PharmacyChange }) {
  const onCall = change.kind === 'on-call-change';
  return (
    <>
      <div className="nhsuk-card nhsuk-card--feature" data-testid="handoff-done">
        <div className="nhsuk-card__content nhsuk-card__content--feature">
          <h2 className="nhsuk-card__heading nhsuk-card__heading--feature">{onCall ? 'Change recorded' : 'Call recorded'}</h2>
          {onCall ? (
            <>
              <p>
                The change to {change.pharmacyName} is logged as an emergency change, and the email to the {change.region} local DoS team is
                in the <a href="#/outbox">outbox</a>.
              </p>
              <p>
                A follow-up task is open for the local DoS team to inform NHS.UK through the NHS website service desk. It is on the{' '}
                <a href="#/pharmacies">Pharmacies</a> page.
              </p>
            </>
          ) : (
            <p>The contractor was directed to the NHS website service desk. The call is in today&apos;s report.</p>
          )}
        </div>
      </div>
      <p>
        <a href="#/pharmacies">Back to pharmacies</a>
      </p>
    </>
  );
}
