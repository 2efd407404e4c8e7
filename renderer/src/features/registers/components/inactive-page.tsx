import { useState } from 'react';
import { INACTIVE_WARNING_DAYS } from '@shared/domain/registers';
import { ActionButton, ActionError } from '../../../components/action-button';
import { CsvImport } from '../../../components/csv-import';
import { useAction } from '../../../components/use-action';
import { PageHeading } from '../../../components/page-heading';
import { useSession } from '../../../session/store';
import type { InactiveRow } from '../data/inactive';
import { useInactiveRegister, useRegisterActions } from '../data/use-registers';
import { RegisterTabs } from './register-tabs';
import { useDesk } from '../../../entities/desk/desk-context';

const STATE: Record<InactiveRow['state'], [string, string]> = {
  'due-for-deletion': ['nhsuk-tag--red', 'Due for deletion'],
  approaching: ['nhsuk-tag--orange', `Within ${INACTIVE_WARNING_DAYS} days of 6 months`],
  unknown: ['nhsuk-tag--grey', 'Last login not known'],
  active: ['nhsuk-tag--green', 'Active'],
};

/** Last logins, and accounts with no login for more than 6 months. */
export function InactivePage() {
  const { operator } = useDesk();
  const rows = useInactiveRegister(operator);
  const actions = useRegisterActions();
  const announce = useSession((s) => s.announce);
  return (
    <>
      <PageHeading>Registers</PageHeading>
      <RegisterTabs current="/registers/inactive" />
      <h2>Inactive accounts</h2>
      <p>
        Accounts where users have not logged in for more than 6 months will be deleted by the Live Services and Operations Team. Accounts
        within {INACTIVE_WARNING_DAYS} days of that are flagged so you can act first.
      </p>
      {rows === undefined ? (
        <p>Loading…</p>
      ) : rows.length === 0 ? (
        <p>There are no active accounts in your regions.</p>
      ) : (
        <table className="nhsuk-table" data-testid="inactive-register">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Accounts by inactivity, most urgent first</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Account
              </th>
              <th scope="col" className="nhsuk-table__header">
                Last login
              </th>
              <th scope="col" className="nhsuk-table__header">
                6 months from last login
              </th>
              <th scope="col" className="nhsuk-table__header">
                State
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {rows.map((r) => (
              <Row
                key={r.account.id}
                row={r}
                onDelete={async () => {
                  await actions.recordDeletion(r.account.id);
                  announce(`${r.account.fullName}'s account is recorded as deleted.`);
                }}
                onLastLogin={(date) => actions.setLastLogin(r.account.id, date)}
              />
            ))}
          </tbody>
        </table>
      )}
      <CsvImport
        heading="Import last logins from a DoS user status report"
        columns={['email', 'last login']}
        noun="last logins"
        preview={(csv) => actions.previewLogins(operator, csv)}
        commit={(rows) => actions.importLogins(rows)}
        onImported={(n) => announce(`${n} last login${n === 1 ? '' : 's'} recorded.`)}
      />
    </>
  );
}

function Row({ row, onDelete, onLastLogin }: { row: InactiveRow; onDelete(): Promise<void>; onLastLogin(date: string): Promise<void> }) {
  const [date, setDate] = useState(row.account.lastLoginOn ?? '');
  const lastLogin = useAction(onLastLogin);
  const deletion = useAction(onDelete);
  const problem = lastLogin.error ?? deletion.error;
  const id = `login-${row.account.id}`;
  const [tag, label] = STATE[row.state];
  return (
    <tr className="nhsuk-table__row">
      <td className="nhsuk-table__cell">{row.account.fullName}</td>
      <td className="nhsuk-table__cell">
        <label className="nhsuk-u-visually-hidden" htmlFor={id}>
          Last login of {row.account.fullName}
        </label>
        <input
          className="nhsuk-input nhsuk-input--width-10"
          id={id}
          type="date"
          value={date}
          aria-invalid={lastLogin.error ? true : undefined}
          aria-describedby={lastLogin.error ? `${id}-error` : undefined}
          onChange={(e) => setDate(e.target.value)}
          onBlur={() => {
            if (!date || date === row.account.lastLoginOn) return;
            void lastLogin.run(date);
          }}
        />
        <ActionError id={`${id}-error`} error={problem} />
      </td>
      <td className="nhsuk-table__cell">{row.line ?? '–'}</td>
      <td className="nhsuk-table__cell">
        <strong className={`nhsuk-tag ${tag}`}>{label}</strong>
        {row.state === 'due-for-deletion' && (
          <div className="nhsuk-u-margin-top-2">
            <ActionButton busy={deletion.busy} className="app-link-button" onClick={() => void deletion.run()}>
              Record deletion<span className="nhsuk-u-visually-hidden"> of {row.account.fullName}&apos;s account</span>
            </ActionButton>
          </div>
        )}
      </td>
    </tr>
  );
}
