import type { Operator } from '@shared/models/operator';
import { PageHeading } from '../../../components/page-heading';
import { SummaryList } from '../../../components/summary-list';

/** The start page: who is working, and what they can do here. */
export function HomePage({ operator }: { operator: Operator }) {
  return (
    <>
      <PageHeading>{`Welcome, ${operator.fullName}`}</PageHeading>
      <p className="nhsuk-lede-text">DoS Desk helps DoS and Connecting Care teams manage user access, even with no network connection.</p>
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
        <a href={`#/operators/${operator.id}`}>Edit your operator profile</a>
      </p>
      <p>
        Not you? <a href="#/operators">Switch operator</a>.
      </p>
    </>
  );
}
