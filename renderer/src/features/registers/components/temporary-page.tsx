import { daysUntilReview } from '@shared/domain/registers';
import { formatDay } from '@shared/domain/london-time';
import type { TemporaryEntry } from '@shared/models/registers';
import { PageHeading } from '../../../components/page-heading';
import { useTemporaryRegister } from '../data/use-registers';
import { AddTemporary } from './add-temporary';
import { ReviewActions } from './review-actions';
import { RegisterTabs } from './register-tabs';
import { useDesk } from '../../../entities/desk/desk-context';

function whenText(entry: TemporaryEntry, now: Date): { text: string; tag: string } {
  const days = daysUntilReview(entry.reviewDate, now);
  if (days < 0) return { text: `Overdue by ${-days} day${days === -1 ? '' : 's'}`, tag: 'nhsuk-tag--red' };
  if (days === 0) return { text: 'Due today', tag: 'nhsuk-tag--red' };
  if (days <= 14) return { text: `Due in ${days} day${days === 1 ? '' : 's'}`, tag: 'nhsuk-tag--orange' };
  return { text: `In ${days} days`, tag: 'nhsuk-tag--grey' };
}

/** The temporary accounts register: add, then review on the date, extend or delete. */
export function TemporaryPage() {
  const { operator } = useDesk();
  const entries = useTemporaryRegister(operator);
  const now = new Date();
  return (
    <>
      <PageHeading>Registers</PageHeading>
      <RegisterTabs current="/registers/temporary" />
      <h2>Temporary accounts</h2>
      <p>
        Accounts needed for a limited time only, such as temporary staff or one-off on-call cover. On the date an account is no longer
        required, re-evaluate the need for access: extend it, or delete the account.
      </p>
      {entries === undefined ? (
        <p>Loading…</p>
      ) : entries.length === 0 ? (
        <p>No temporary accounts are on the register.</p>
      ) : (
        <table className="nhsuk-table" data-testid="temporary-register">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Temporary accounts, soonest review first</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Account
              </th>
              <th scope="col" className="nhsuk-table__header">
                Why temporary
              </th>
              <th scope="col" className="nhsuk-table__header">
                No longer required from
              </th>
              <th scope="col" className="nhsuk-table__header">
                Kept by
              </th>
              <th scope="col" className="nhsuk-table__header">
                Review
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {entries.map((e) => {
              const when = whenText(e, now);
              return (
                <tr className="nhsuk-table__row" key={e.id}>
                  <td className="nhsuk-table__cell">{e.accountName}</td>
                  <td className="nhsuk-table__cell">{e.reason}</td>
                  <td className="nhsuk-table__cell">{formatDay(e.reviewDate)}</td>
                  <td className="nhsuk-table__cell">{e.keeper === 'local' ? 'Local DoS lead' : 'Regional DoS lead'}</td>
                  <td className="nhsuk-table__cell">
                    <strong className={`nhsuk-tag ${when.tag}`}>{when.text}</strong>
                    <ReviewActions entry={e} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <AddTemporary operator={operator} />
    </>
  );
}
