import type { ReactNode } from 'react';
import { londonDate } from '@shared/domain/london-time';
import type { Operator } from '@shared/models/operator';
import { PageHeading } from '../../../components/page-heading';
import { SummaryList } from '../../../components/summary-list';
import { useAttention } from '../data/attention';
import { href, paths } from '../../../navigation/paths';
import { useDesk } from '../../../entities/desk/desk-context';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** What is waiting: each a link to where it is dealt with; nothing shown when nothing waits. */
function Waiting({ operator, today }: { operator: Operator; today: string }) {
  const a = useAttention(operator, today);
  if (!a) return null;
  const items = [
    a.requests > 0 && {
      href: href(paths.requests()),
      text: `${plural(a.requests, 'outstanding user request', 'outstanding user requests')} in your approveUser regions`,
    },
    a.unreportedChanges > 0 && {
      href: href(paths.emergencyRegister()),
      text: `${plural(a.unreportedChanges, 'emergency change', 'emergency changes')} not yet reported to the DoS teams (within 24 hours)`,
    },
    a.followUps > 0 && {
      href: href(paths.pharmacies()),
      text: `${plural(a.followUps, 'out-of-hours pharmacy change', 'out-of-hours pharmacy changes')} to tell NHS.UK about`,
    },
    a.overdueChecks > 0 && {
      href: href(paths.pharmacies()),
      text: `${plural(a.overdueChecks, 'pharmacy', 'pharmacies')} with an overdue quarterly check`,
    },
  ].filter((x): x is { href: string; text: string } => Boolean(x));
  return (
    <section aria-labelledby="waiting-heading" data-testid="waiting">
      <h2 id="waiting-heading">Waiting for you</h2>
      {items.length ? (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {items.map((i) => (
            <li key={i.text}>
              <a href={i.href}>{i.text}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>Nothing is waiting in your regions.</p>
      )}
    </section>
  );
}

/**
 * The start page: who is working, and what they can do here. `notices` are warnings other features
 * need the operator to see first (src/app passes the damaged-settings notice).
 */
export function HomePage({ today = londonDate(new Date()), notices }: { today?: string; notices?: ReactNode }) {
  const { operator } = useDesk();
  return (
    <>
      <PageHeading>{`Welcome, ${operator.fullName}`}</PageHeading>
      {notices}
      <p className="nhsuk-lede-text">DoS Desk helps DoS and Connecting Care teams manage user access, even with no network connection.</p>
      <Waiting operator={operator} today={today} />
      <h2>Your operator profile</h2>
      <SummaryList
        rows={[
          { key: 'Name', value: operator.fullName },
          { key: 'NHS email', value: operator.email },
          { key: 'Job role', value: operator.jobRole },
          { key: 'Regions you cover', value: operator.regions.join(', ') },
          {
            key: 'approveUser held in',
            value: operator.approveUserRegions.length ? operator.approveUserRegions.join(', ') : 'None',
          },
        ]}
      />
      <p>
        <a href={href(paths.operator(operator.id))}>Edit your operator profile</a>
      </p>
      <p>
        Not you? <a href={href(paths.operators())}>Switch operator</a>.
      </p>
    </>
  );
}
