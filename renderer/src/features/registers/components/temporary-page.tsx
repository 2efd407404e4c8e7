import { useState } from 'react';
import { daysUntilReview } from '@shared/domain/registers';
import { formatDay, londonDate } from '@shared/domain/london-time';
import type { Operator } from '@shared/models/operator';
import type { TemporaryEntry } from '@shared/models/registers';
import { PageHeading } from '../../../components/page-heading';
import { useSession } from '../../../session/store';
import { useManagedAccounts, useRegisterActions, useTemporaryRegister } from '../data/use-registers';
import { RegisterTabs } from './register-tabs';
import { plainErrorMessage } from '../../../platform/plain-error';

function whenText(entry: TemporaryEntry, now: Date): { text: string; tag: string } {
  const days = daysUntilReview(entry.reviewDate, now);
  if (days < 0) return { text: `Overdue by ${-days} day${days === -1 ? '' : 's'}`, tag: 'nhsuk-tag--red' };
  if (days === 0) return { text: 'Due today', tag: 'nhsuk-tag--red' };
  if (days <= 14) return { text: `Due in ${days} day${days === 1 ? '' : 's'}`, tag: 'nhsuk-tag--orange' };
  return { text: `In ${days} days`, tag: 'nhsuk-tag--grey' };
}

/** The temporary accounts register: add, then review on the date, extend or delete. */
export function TemporaryPage({ operator }: { operator: Operator }) {
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

function ReviewActions({ entry }: { entry: TemporaryEntry }) {
  const actions = useRegisterActions('mail-client', []);
  const announce = useSession((s) => s.announce);
  const [mode, setMode] = useState<'none' | 'extend' | 'delete'>('none');
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>, done: string) => {
    setProblem(null);
    try {
      await work();
      announce(done);
      setMode('none');
    } catch (e) {
      setProblem(plainErrorMessage(e));
    }
  };
  const id = `tmp-${entry.id}`;
  if (mode === 'none') {
    return (
      <div className="app-table-actions nhsuk-u-margin-top-2">
        <button type="button" className="app-link-button" onClick={() => setMode('extend')}>
          Extend<span className="nhsuk-u-visually-hidden"> {entry.accountName}</span>
        </button>
        <button type="button" className="app-link-button" onClick={() => setMode('delete')}>
          Delete account<span className="nhsuk-u-visually-hidden"> of {entry.accountName}</span>
        </button>
      </div>
    );
  }
  return (
    <div className={`nhsuk-u-margin-top-2${problem ? ' nhsuk-form-group--error' : ''}`}>
      {problem && (
        <span className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
        </span>
      )}
      {mode === 'extend' ? (
        <>
          <label className="nhsuk-label" htmlFor={`${id}-date`}>
            New date no longer required
          </label>
          <input
            className="nhsuk-input nhsuk-input--width-10"
            id={`${id}-date`}
            type="date"
            min={londonDate(new Date())}
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
          <label className="nhsuk-label nhsuk-u-margin-top-2" htmlFor={`${id}-reason`}>
            Why it is still needed
          </label>
          <input className="nhsuk-input" id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
          <div className="app-table-actions nhsuk-u-margin-top-2">
            <button
              type="button"
              className="nhsuk-button nhsuk-button--small"
              onClick={() =>
                run(
                  () => actions.extend(entry.id, { reviewDate: date, reason }),
                  `${entry.accountName}'s temporary account was extended to ${formatDay(date)}.`,
                )
              }
            >
              Extend
            </button>
            <button type="button" className="nhsuk-button nhsuk-button--small nhsuk-button--secondary" onClick={() => setMode('none')}>
              Cancel
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="nhsuk-body-s">Delete {entry.accountName}&apos;s DoS account? This is recorded in the audit trail.</p>
          <div className="app-table-actions">
            <button
              type="button"
              className="nhsuk-button nhsuk-button--small nhsuk-button--warning"
              onClick={() => run(() => actions.deleteTemporary(entry.id), `${entry.accountName}'s account was deleted.`)}
            >
              Yes, delete the account
            </button>
            <button type="button" className="nhsuk-button nhsuk-button--small nhsuk-button--secondary" onClick={() => setMode('none')}>
              No, keep it
            </button>
          </div>
        </>
      )}
    </div>
  );
}

function AddTemporary({ operator }: { operator: Operator }) {
  const accounts = useManagedAccounts(operator);
  const actions = useRegisterActions('mail-client', []);
  const announce = useSession((s) => s.announce);
  const [form, setForm] = useState({ accountId: '', reason: '', reviewDate: '', keeper: 'local' });
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const err = (field: string) => (problem?.field === field ? problem.message : null);
  const field = (name: keyof typeof form, label: string, input: React.ReactNode) => (
    <div className={`nhsuk-form-group${err(name) ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={`add-tmp-${name}`}>
        {label}
      </label>
      {err(name) && (
        <span className="nhsuk-error-message" id={`add-tmp-${name}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {err(name)}
        </span>
      )}
      {input}
    </div>
  );
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value }));
  return (
    <>
      <h2>Add a temporary account</h2>
      {field(
        'accountId',
        'Account',
        <select className="nhsuk-select" id="add-tmp-accountId" value={form.accountId} onChange={set('accountId')}>
          <option value="">Choose an account</option>
          {(accounts ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.fullName} ({a.email})
            </option>
          ))}
        </select>,
      )}
      {field(
        'reason',
        'Why the account is temporary',
        <input className="nhsuk-input" id="add-tmp-reason" value={form.reason} onChange={set('reason')} />,
      )}
      {field(
        'reviewDate',
        'Date it is no longer required',
        <input
          className="nhsuk-input nhsuk-input--width-10"
          id="add-tmp-reviewDate"
          type="date"
          value={form.reviewDate}
          onChange={set('reviewDate')}
        />,
      )}
      {field(
        'keeper',
        'Who keeps this entry',
        <select className="nhsuk-select" id="add-tmp-keeper" value={form.keeper} onChange={set('keeper')}>
          <option value="local">Local DoS lead</option>
          <option value="regional">Regional DoS lead</option>
        </select>,
      )}
      <button
        type="button"
        className="nhsuk-button"
        onClick={async () => {
          setProblem(null);
          try {
            const entry = await actions.addTemporary(form);
            announce(`${entry.accountName} is on the register, for review on ${formatDay(entry.reviewDate)}.`);
            setForm({ accountId: '', reason: '', reviewDate: '', keeper: 'local' });
          } catch (e) {
            const f = (e as { field?: string }).field ?? 'accountId';
            setProblem({ field: f in form ? f : 'accountId', message: plainErrorMessage(e) });
            document.getElementById(`add-tmp-${f in form ? f : 'accountId'}`)?.focus();
          }
        }}
      >
        Add to the register
      </button>
    </>
  );
}
