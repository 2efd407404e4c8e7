import { allocationYear, CC_HELP } from '@shared/domain/connecting-care';
import { addCalendarDays, formatDay, londonDate } from '@shared/domain/london-time';
import { ExternalLink } from '../../../components/external-link';
import { PageHeading } from '../../../components/page-heading';
import { targetFor } from '../data/cc';
import { countInUse, useBankHolidays, useCcRequests, useLicences, useOrganisations } from '../data/use-cc';
import { href, paths } from '../../../navigation/paths';
import { useDesk } from '../../../entities/desk/desk-context';

const STATUS = {
  'not-queued': ['nhsuk-tag--red', 'Email not queued'],
  sent: ['nhsuk-tag--blue', 'Sent to service desk'],
  received: ['nhsuk-tag--orange', 'With the back office'],
  actioned: ['nhsuk-tag--green', 'Actioned'],
} as const;

/** The London date 14 days after an ISO date. */
function fortnightFrom(isoDate: string): string {
  return addCalendarDays(isoDate, 14);
}

/** Connecting Care: requests and their 5-day target, licences per organisation, temporary staff. */
export function CcHomePage() {
  const { settings } = useDesk();
  const orgs = useOrganisations();
  const requests = useCcRequests();
  const licences = useLicences();
  const holidays = useBankHolidays();
  const today = londonDate(new Date());
  const unit = settings.connectingCare.targetUnit;
  const soon = (licences ?? [])
    .filter((l) => l.finishingDate && ['requested', 'active'].includes(l.status) && l.finishingDate <= fortnightFrom(today))
    .sort((a, b) => a.finishingDate!.localeCompare(b.finishingDate!));
  return (
    <>
      <PageHeading>Connecting Care</PageHeading>
      <p>
        Authorisers ask for, change or remove Connecting Care licences through their organisation&apos;s local service desk. Connecting Care
        is for direct care only.
      </p>
      <div className="app-table-actions">
        <a className="nhsuk-button" href={href(paths.newCcRequest())} draggable={false}>
          Make a request
        </a>
        <a className="nhsuk-button nhsuk-button--secondary" href={href(paths.newOrganisation())} draggable={false}>
          Add a partner organisation
        </a>
      </div>
      <h2>Requests</h2>
      <p className="nhsuk-body-s">
        The back office should action each request within 5{' '}
        {unit === 'working-days' ? 'working days (not counting weekends and bank holidays)' : 'days'} of receiving it. Time at the local
        service desk does not count.
      </p>
      {!requests || requests.length === 0 ? (
        <p>No requests yet.</p>
      ) : (
        <table className="nhsuk-table" data-testid="cc-requests">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Connecting Care requests, newest first</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Request
              </th>
              <th scope="col" className="nhsuk-table__header">
                Organisation
              </th>
              <th scope="col" className="nhsuk-table__header">
                Status
              </th>
              <th scope="col" className="nhsuk-table__header">
                Action by
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {requests.map((r) => {
              const target = holidays ? targetFor(r, unit, holidays, today) : { due: null, overdue: false };
              const [tag, label] = STATUS[r.status];
              return (
                <tr className={`nhsuk-table__row${target.overdue ? ' app-row-overdue' : ''}`} key={r.id}>
                  <td className="nhsuk-table__cell">
                    <a href={href(paths.ccRequest(r.id))}>{r.sent.subject}</a>
                  </td>
                  <td className="nhsuk-table__cell">{r.organisationName}</td>
                  <td className="nhsuk-table__cell">
                    <strong className={`nhsuk-tag ${tag}`}>{label}</strong>
                  </td>
                  <td className="nhsuk-table__cell">
                    {target.due ? formatDay(target.due) : 'Not yet received'}
                    {target.overdue && <strong className="nhsuk-tag nhsuk-tag--red app-inline-tag">Overdue</strong>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h2>Licences</h2>
      {!orgs || orgs.length === 0 ? (
        <p>No partner organisations are set up yet.</p>
      ) : (
        <table className="nhsuk-table" data-testid="cc-licences">
          <caption className="nhsuk-table__caption">
            Allocation year {allocationYear(today, settings.connectingCare.yearStartMonth)}
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Organisation
              </th>
              <th scope="col" className="nhsuk-table__header">
                Licences in use
              </th>
              <th scope="col" className="nhsuk-table__header">
                Allocation
              </th>
              <th scope="col" className="nhsuk-table__header">
                Service desk
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {orgs.map((o) => {
              const used = countInUse(licences ?? [], o.id);
              const near = o.allocationPerYear > 0 ? used * 100 >= o.allocationPerYear * settings.connectingCare.warnPercent : used > 0;
              return (
                <tr className="nhsuk-table__row" key={o.id}>
                  <td className="nhsuk-table__cell">
                    <a href={href(paths.organisation(o.id))}>{o.name}</a>
                  </td>
                  <td className="nhsuk-table__cell">
                    {used}
                    {near && (
                      <strong className="nhsuk-tag nhsuk-tag--orange app-inline-tag">
                        {used > o.allocationPerYear ? 'Over allocation' : 'Approaching allocation'}
                      </strong>
                    )}
                  </td>
                  <td className="nhsuk-table__cell">{o.allocationPerYear}</td>
                  <td className="nhsuk-table__cell">{o.serviceDeskEmail}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h2>Temporary staff finishing soon</h2>
      {soon.length === 0 ? (
        <p>No temporary staff finish in the next 14 days.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet" data-testid="cc-finishing">
          {soon.map((l) => (
            <li key={l.id}>
              {l.holderName} ({l.role}): finishing {formatDay(l.finishingDate ?? '')}
              {l.finishingDate! < today ? ' – past: make a deletion request, or an amendment if they are extended' : ''}
            </li>
          ))}
        </ul>
      )}
      <h2>Help</h2>
      <ul className="nhsuk-list nhsuk-list--bullet">
        <li>{CC_HELP.reactivation}</li>
        <li>{CC_HELP.requestIssues}</li>
        <li>
          For questions about the process and your role in it, or problems completing the form, contact{' '}
          <ExternalLink href={`mailto:${CC_HELP.processEmail}`}>{CC_HELP.processEmail}</ExternalLink>.
        </li>
      </ul>
    </>
  );
}
