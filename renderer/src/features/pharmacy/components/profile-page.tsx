import { checkState, REDUCED_HOURS_ADVICE } from '@shared/domain/pharmacy';
import { formatDay, londonDate } from '@shared/domain/london-time';
import { CheckInput, PROFILE_STATUS_LABELS, WEEKDAY_LABELS, WEEKDAYS, type PharmacyProfile, type Session } from '@shared/models/pharmacy';
import { PageHeading } from '../../../components/page-heading';
import { useSession } from '../../../session/store';
import { usePharmacyActions, useLinked, useProfile, useProfileChanges } from '../data/use-pharmacy';
import { CheckTag, KIND_LABELS } from './pharmacy-tags';
import { Form, useZodForm } from '../../../components/form';
import { TextField } from '../../../components/text-field';
import { href, paths } from '../../../navigation/paths';

const sessionsText = (sessions: readonly Session[]) =>
  sessions.length ? sessions.map((s) => `${s.opens} to ${s.closes}`).join(', ') : 'Closed';

interface Props {
  id: string;
  today?: string;
}

/** One pharmacy: its profile, quarterly check, linked DoS entries (with reduced-hours warnings) and recent changes. */
export function ProfilePage({ id, today = londonDate(new Date()) }: Props) {
  const profile = useProfile(id);
  if (profile === undefined) return <p>Loading…</p>;
  if (!profile)
    return (
      <>
        <PageHeading>Pharmacy not found</PageHeading>
        <p>
          <a href={href(paths.pharmacies())}>Back to pharmacies</a>
        </p>
      </>
    );
  const row = (key: string, value: React.ReactNode) => (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{key}</dt>
      <dd className="nhsuk-summary-list__value">{value}</dd>
    </div>
  );
  return (
    <>
      <a className="nhsuk-back-link" href={href(paths.pharmacies())}>
        Back to pharmacies
      </a>
      <PageHeading>{profile.name}</PageHeading>
      <p>
        <a href={href(paths.editPharmacy(profile.id))}>Edit the profile</a> ·{' '}
        <a href={href(paths.handoff(profile.id))}>The contractor cannot use Profile Manager</a>
      </p>
      <dl className="nhsuk-summary-list">
        {row('ODS code', profile.odsCode)}
        {row('Profile status', PROFILE_STATUS_LABELS[profile.profileStatus])}
        {row(
          'Address',
          <>
            {profile.address.split('\n').map((line, i) => (
              <span key={i}>
                {line}
                <br />
              </span>
            ))}
            {profile.postcode}
          </>,
        )}
        {row('Website', profile.website || '–')}
        {row('Public phone number', profile.phone)}
        {row('Region', profile.region)}
      </dl>
      <h2>Opening times</h2>
      <p className="nhsuk-body-s">The hours a pharmacist is present.</p>
      <dl className="nhsuk-summary-list" data-testid="standard-times">
        {WEEKDAYS.map((d) => (
          <div className="nhsuk-summary-list__row" key={d}>
            <dt className="nhsuk-summary-list__key">{WEEKDAY_LABELS[d]}</dt>
            <dd className="nhsuk-summary-list__value">{sessionsText(profile.standardTimes[d])}</dd>
          </div>
        ))}
      </dl>
      {profile.specifiedTimes.length > 0 && (
        <>
          <h3>Specified dates</h3>
          <dl className="nhsuk-summary-list">
            {profile.specifiedTimes.map((s) => (
              <div className="nhsuk-summary-list__row" key={s.date}>
                <dt className="nhsuk-summary-list__key">{formatDay(s.date, { weekday: true })}</dt>
                <dd className="nhsuk-summary-list__value">
                  {s.closed ? 'Closed' : sessionsText(s.sessions)}
                  {s.note ? ` (${s.note})` : ''}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <QuarterlyCheck profile={profile} today={today} />
      <LinkedEntries profile={profile} />
      <RecentChanges profileId={profile.id} />
    </>
  );
}

function QuarterlyCheck({ profile, today }: { profile: PharmacyProfile; today: string }) {
  const actions = usePharmacyActions();
  const announce = useSession((s) => s.announce);
  const form = useZodForm(CheckInput, { checkedOn: today });
  const state = checkState(profile.nextCheckDue, today);
  return (
    <section aria-labelledby="check-heading">
      <h2 id="check-heading">Quarterly check</h2>
      <p data-testid="check-state">
        <CheckTag state={state} /> {profile.lastCheckedOn ? `Last checked on ${formatDay(profile.lastCheckedOn)}.` : 'Never checked.'}{' '}
        {state === 'overdue'
          ? `The check was due on ${formatDay(profile.nextCheckDue)}.`
          : `Next check due by ${formatDay(profile.nextCheckDue)}.`}
      </p>
      <p className="nhsuk-body-s">
        Contractors must check their profile in Profile Manager, and update it if needed, every quarter (3 months). Record the date they
        confirmed they checked it.
      </p>
      <Form
        form={form}
        fieldOrder={['checkedOn']}
        submitLabel="Record the check"
        submitClassName="nhsuk-button nhsuk-button--secondary"
        onSubmit={async ({ checkedOn }) => {
          const saved = await actions.check(profile.id, checkedOn);
          announce(`Check recorded. The next is due by ${formatDay(saved.nextCheckDue)}.`);
        }}
      >
        <TextField form={form} name="checkedOn" type="date" label="Date the contractor checked the profile" width={10} />
      </Form>
    </section>
  );
}

function LinkedEntries({ profile }: { profile: PharmacyProfile }) {
  const linked = useLinked(profile.odsCode);
  const atRisk = (linked ?? []).filter((l) => l.atRisk);
  return (
    <section aria-labelledby="linked-heading">
      <h2 id="linked-heading">Linked DoS entries</h2>
      <p>
        A Profile Manager update for {profile.odsCode} changes every DoS entry whose ODS code starts with {profile.odsCode.slice(0, 5)} and
        whose service type is one of the five pharmacy types.
      </p>
      {atRisk.length > 0 && (
        <div className="nhsuk-warning-callout" data-testid="reduced-hours-warning">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              Reduced hours would be overwritten
            </span>
          </h3>
          <p>
            {atRisk.map((l) => l.service.name).join(', ')} {atRisk.length === 1 ? 'keeps' : 'keep'} reduced hours for a clinical service. An
            update from Profile Manager would replace them with the pharmacy&apos;s opening times. To avoid it:
          </p>
          <ul>
            {REDUCED_HOURS_ADVICE.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </div>
      )}
      {linked === undefined ? (
        <p>Loading…</p>
      ) : linked.length === 0 ? (
        <p>No DoS entry in the services directory is linked to this ODS code.</p>
      ) : (
        <table className="nhsuk-table" data-testid="linked-entries">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">DoS entries linked to {profile.odsCode}</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Entry
              </th>
              <th scope="col" className="nhsuk-table__header">
                Service type
              </th>
              <th scope="col" className="nhsuk-table__header">
                ODS code
              </th>
              <th scope="col" className="nhsuk-table__header">
                Reduced hours
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {linked.map(({ service, atRisk: risk }) => (
              <tr className="nhsuk-table__row" key={service.id}>
                <td className="nhsuk-table__cell">
                  <a href={href(paths.service(service.id))}>{service.name}</a>
                </td>
                <td className="nhsuk-table__cell">{service.serviceType}</td>
                <td className="nhsuk-table__cell">{service.odsCode}</td>
                <td className="nhsuk-table__cell">{risk ? <strong>{service.reducedHours}</strong> : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RecentChanges({ profileId }: { profileId: string }) {
  const changes = useProfileChanges(profileId);
  if (!changes?.length) return null;
  return (
    <section aria-labelledby="changes-heading">
      <h2 id="changes-heading">Recent changes</h2>
      <ul className="nhsuk-list">
        {changes.map((c) => (
          <li key={c.id}>
            <strong>{KIND_LABELS[c.kind]}</strong>, {formatDay(c.date)} by {c.operatorName}: {c.summary}
          </li>
        ))}
      </ul>
    </section>
  );
}
