import { useState } from 'react';
import { checkState } from '@shared/domain/pharmacy';
import { formatDay, londonDate } from '@shared/domain/london-time';
import { PageHeading } from '../../../components/page-heading';
import { useSession } from '../../../session/store';
import { useChecksOutstanding, useOpenFollowUps, usePharmacyActions, useProfiles } from '../data/use-pharmacy';
import { HandoffsNotQueued } from './handoffs-not-queued';
import { CheckTag } from './pharmacy-tags';
import { ActionButton, ActionError } from '../../../components/action-button';
import { useAction } from '../../../components/use-action';
import { href, paths } from '../../../navigation/paths';
import { useDesk } from '../../../entities/desk/desk-context';

interface Props {
  today?: string;
}

/** Pharmacy profiles in a region, quarterly checks due or overdue, and follow-up tasks for the local team. */
export function PharmaciesPage({ today = londonDate(new Date()) }: Props) {
  const { operator } = useDesk();
  const [region, setRegion] = useState(operator.regions[0] ?? '');
  const profiles = useProfiles(region);
  const outstanding = useChecksOutstanding(region, today);
  return (
    <>
      <PageHeading>Pharmacies</PageHeading>
      <p>
        Pharmacy profiles as Profile Manager holds them, their quarterly checks, and help for contractors who cannot use Profile Manager.
      </p>
      <div className="app-table-actions">
        <a className="nhsuk-button" href={href(paths.handoff())} draggable={false}>
          A contractor cannot use Profile Manager
        </a>
        <a className="nhsuk-button nhsuk-button--secondary" href={href(paths.newPharmacy())} draggable={false}>
          Add a pharmacy profile
        </a>
        <a className="nhsuk-button nhsuk-button--secondary" href={href(paths.pharmacyReport())} draggable={false}>
          Daily report of changes
        </a>
      </div>
      <FollowUps />
      <HandoffsNotQueued covered={operator.regions} />
      {operator.regions.length === 0 ? (
        <p>You do not cover any region. Add your regions to your operator profile.</p>
      ) : (
        <>
          <div className="nhsuk-form-group app-filter">
            <label className="nhsuk-label" htmlFor="pharmacy-region">
              Region
            </label>
            <select className="nhsuk-select" id="pharmacy-region" value={region} onChange={(e) => setRegion(e.target.value)}>
              {operator.regions.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </div>
          <h2>Quarterly checks due or overdue in {region}</h2>
          {outstanding === undefined ? (
            <p>Loading…</p>
          ) : outstanding.length === 0 ? (
            <p>Every active pharmacy in {region} has checked its profile this quarter.</p>
          ) : (
            <ul className="nhsuk-list" data-testid="checks-outstanding">
              {outstanding.map((p) => (
                <li key={p.id}>
                  <CheckTag state={checkState(p.nextCheckDue, today)} /> <a href={href(paths.pharmacy(p.id))}>{p.name}</a> ({p.odsCode}),{' '}
                  {p.lastCheckedOn ? `last checked ${formatDay(p.lastCheckedOn)}` : 'never checked'}; due by {formatDay(p.nextCheckDue)}
                </li>
              ))}
            </ul>
          )}
          <h2>All pharmacies in {region}</h2>
          {profiles === undefined ? (
            <p>Loading…</p>
          ) : profiles.length === 0 ? (
            <p>There are no pharmacy profiles in {region} yet.</p>
          ) : (
            <table className="nhsuk-table" data-testid="pharmacies">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Pharmacy profiles in {region}</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">
                    Pharmacy
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    ODS code
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    Postcode
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    Quarterly check
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {profiles.map((p) => (
                  <tr className="nhsuk-table__row" key={p.id}>
                    <td className="nhsuk-table__cell">
                      <a href={href(paths.pharmacy(p.id))}>{p.name}</a>
                      {p.profileStatus === 'closed' && <strong className="nhsuk-tag nhsuk-tag--grey app-inline-tag">Closed</strong>}
                    </td>
                    <td className="nhsuk-table__cell">{p.odsCode}</td>
                    <td className="nhsuk-table__cell">{p.postcode}</td>
                    <td className="nhsuk-table__cell">
                      <CheckTag state={checkState(p.nextCheckDue, today)} /> by {formatDay(p.nextCheckDue)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}

/** Out-of-hours changes the local team still has to tell NHS.UK about. */
function FollowUps() {
  const { operator } = useDesk();
  const tasks = useOpenFollowUps(operator.regions);
  const actions = usePharmacyActions();
  const announce = useSession((s) => s.announce);
  if (!tasks?.length) return null;
  return (
    <section aria-labelledby="follow-ups-heading" className="nhsuk-card nhsuk-u-padding-4" data-testid="follow-ups">
      <h2 id="follow-ups-heading">Tell NHS.UK: follow-up tasks ({tasks.length})</h2>
      <p>
        These pharmacy changes were made in DoS out of hours. The local DoS team informs NHS.UK through the NHS website service desk at the
        earliest opportunity.
      </p>
      <ul className="nhsuk-list">
        {tasks.map((t) => (
          <li key={t.id}>
            <FollowUp
              task={t}
              send={async () => {
                await actions.followUp(t.id);
                announce(`The NHS website service desk email for ${t.pharmacyName} is in the outbox.`);
              }}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One follow-up: what changed, and the email to the NHS website service desk. */
function FollowUp({ task: t, send }: { task: NonNullable<ReturnType<typeof useOpenFollowUps>>[number]; send(): Promise<void> }) {
  const { run, busy, error } = useAction(send);
  return (
    <>
      <strong>{t.pharmacyName}</strong> ({t.odsCode}), {t.region}: {t.summary}
      <ActionError error={error} />
      <div>
        <ActionButton busy={busy} className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => void run()}>
          Email the NHS website service desk<span className="nhsuk-u-visually-hidden"> about {t.pharmacyName}</span>
        </ActionButton>
      </div>
    </>
  );
}
