import { useState } from 'react';
import { countdownText, isReportOverdue, reportDeadline } from '@shared/domain/registers';
import type { DeliveryMethod } from '@shared/models/email';
import type { Operator } from '@shared/models/operator';
import type { DosTeam, EmergencyChange } from '@shared/models/registers';
import type { Service } from '@shared/models/service';
import { PageHeading } from '../../../components/page-heading';
import { useSession } from '../../../session/store';
import { londonDateTime, reportNotQueued } from '../data/emergency';
import { useCoveredAccounts, useEmergencyLog, useRegisterActions } from '../data/use-registers';
import { RegisterTabs } from './register-tabs';
import { plainErrorMessage } from '../../../platform/plain-error';

interface Props {
  operator: Operator;
  services: readonly Service[];
  delivery: DeliveryMethod;
  teams: readonly DosTeam[];
}

/** Emergency changes made out of hours, each reported to the DoS teams within 24 hours. */
export function EmergencyPage({ operator, services, delivery, teams }: Props) {
  const log = useEmergencyLog(operator);
  const now = new Date();
  // A change whose report email is not in the outbox waits here until it is.
  const waiting = (log ?? []).filter((c) => !c.reportedAt || reportNotQueued(c));
  const reported = (log ?? []).filter((c) => c.reportedAt && !reportNotQueued(c));
  return (
    <>
      <PageHeading>Registers</PageHeading>
      <RegisterTabs current="/registers/emergency" />
      <h2>Emergency changes</h2>
      <p>
        Changes made out of hours by someone with emergency permissions, including the Director on Call, must be reported to the local and
        regional DoS teams within 24 hours of the change being made. DoS leads then review them.
      </p>
      <h3>Waiting to be reported</h3>
      {waiting.length === 0 ? (
        <p data-testid="nothing-waiting">Every logged change has been reported.</p>
      ) : (
        <ul className="nhsuk-list" data-testid="waiting-reports">
          {waiting.map((c) => (
            <li key={c.id} className={isReportOverdue(new Date(c.madeAt), null, now) ? 'app-row-overdue' : ''}>
              <ChangeCard change={c} delivery={delivery} teams={teams} operator={operator} now={now} />
            </li>
          ))}
        </ul>
      )}
      <LogChange operator={operator} services={services} />
      <h3>Reported changes</h3>
      {reported.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <ul className="nhsuk-list" data-testid="reported-changes">
          {reported.map((c) => (
            <li key={c.id}>
              <ChangeCard change={c} delivery={delivery} teams={teams} operator={operator} now={now} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ChangeCard({
  change,
  delivery,
  teams,
  operator,
  now,
}: {
  change: EmergencyChange;
  delivery: DeliveryMethod;
  teams: readonly DosTeam[];
  operator: Operator;
  now: Date;
}) {
  const actions = useRegisterActions(delivery, teams);
  const announce = useSession((s) => s.announce);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const made = new Date(change.madeAt);
  const overdue = isReportOverdue(made, change.reportedAt ? new Date(change.reportedAt) : null, now);
  const isLead = operator.approveUserRegions.includes(change.region);
  return (
    <div className="nhsuk-card">
      <div className="nhsuk-card__content">
        <h4 className="nhsuk-card__heading">
          {change.serviceName} ({change.region})
        </h4>
        <p className="nhsuk-body-s">
          {change.kinds.map((k) => (k === 'capacity' ? 'Capacity' : 'Demographic details')).join(' and ')} changed by {change.madeBy} on{' '}
          {londonDateTime(made)}.
          <br />
          {change.details} Why: {change.why}
        </p>
        {change.reportedAt ? (
          <p className="nhsuk-body-s">
            <strong className={`nhsuk-tag ${overdue ? 'nhsuk-tag--orange' : 'nhsuk-tag--green'}`}>
              {overdue ? 'Reported late' : 'Reported'}
            </strong>{' '}
            on {londonDateTime(new Date(change.reportedAt))}.
          </p>
        ) : (
          <p className="nhsuk-body-s">
            <strong className={`nhsuk-tag ${overdue ? 'nhsuk-tag--red' : 'nhsuk-tag--orange'}`} data-testid="countdown">
              {countdownText(made, now)}
            </strong>{' '}
            Report by {londonDateTime(reportDeadline(made))}.
          </p>
        )}
        {problem && (
          <span className="nhsuk-error-message" role="alert">
            <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
          </span>
        )}
        {!change.reportedAt && (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--small"
            onClick={async () => {
              setProblem(null);
              try {
                await actions.report(change.id);
                announce(`The report of the change to ${change.serviceName} is in the outbox for the local and regional DoS teams.`);
              } catch (e) {
                setProblem(plainErrorMessage(e));
              }
            }}
          >
            Send report to both DoS teams<span className="nhsuk-u-visually-hidden"> about {change.serviceName}</span>
          </button>
        )}
        {reportNotQueued(change) && (
          <>
            <p className="nhsuk-body-s" data-testid="report-not-queued">
              <strong className="nhsuk-tag nhsuk-tag--red">Email not queued</strong> The change is marked reported, but the report email is
              not in the outbox.
            </p>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--small nhsuk-button--secondary"
              onClick={async () => {
                setProblem(null);
                try {
                  await actions.queueReportAgain(change.id);
                  announce(`The report of the change to ${change.serviceName} is in the outbox for the local and regional DoS teams.`);
                } catch (e) {
                  setProblem(plainErrorMessage(e));
                }
              }}
            >
              Queue the email again<span className="nhsuk-u-visually-hidden"> about {change.serviceName}</span>
            </button>
          </>
        )}
        {change.review ? (
          <p className="nhsuk-body-s">
            Reviewed:{' '}
            {change.review.outcome === 'keep'
              ? 'keep the change'
              : change.review.outcome === 'amend'
                ? 'amend the change'
                : 'make a permanent change'}
            {change.review.note ? ` (${change.review.note})` : ''}.
          </p>
        ) : (
          isLead &&
          change.reportedAt && (
            <div className="nhsuk-u-margin-top-3">
              <label className="nhsuk-label" htmlFor={`review-${change.id}`}>
                Review by a DoS lead
              </label>
              <select className="nhsuk-select" id={`review-${change.id}`} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
                <option value="">Choose the outcome</option>
                <option value="keep">Keep the change</option>
                <option value="amend">Amend the change</option>
                <option value="permanent-change">Make a permanent change to DoS</option>
              </select>
              <label className="nhsuk-label nhsuk-u-margin-top-2" htmlFor={`review-note-${change.id}`}>
                Note (optional)
              </label>
              <input className="nhsuk-input" id={`review-note-${change.id}`} value={note} onChange={(e) => setNote(e.target.value)} />
              <button
                type="button"
                className="nhsuk-button nhsuk-button--small nhsuk-button--secondary nhsuk-u-margin-top-2"
                onClick={async () => {
                  setProblem(null);
                  try {
                    await actions.review(change.id, { outcome, note });
                    announce('The review is recorded.');
                  } catch (e) {
                    setProblem(plainErrorMessage(e));
                  }
                }}
              >
                Record review
              </button>
            </div>
          )
        )}
      </div>
    </div>
  );
}

/** The current local time as a datetime-local value (the desk's clock is London time). */
function nowForInput(): string {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function LogChange({ operator, services }: { operator: Operator; services: readonly Service[] }) {
  const accounts = useCoveredAccounts(operator);
  const actions = useRegisterActions('mail-client', []);
  const announce = useSession((s) => s.announce);
  const [f, setF] = useState(() => ({
    accountId: '',
    madeAt: nowForInput(),
    serviceId: '',
    capacity: false,
    demographic: false,
    details: '',
    why: '',
  }));
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const set = (name: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [name]: e.target.value }));
  const err = (field: string) => (problem?.field === field ? problem.message : null);
  const group = (name: string, label: string, input: React.ReactNode, hint?: string) => (
    <div className={`nhsuk-form-group${err(name) ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={`log-${name}`}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={`log-${name}-hint`}>
          {hint}
        </div>
      )}
      {err(name) && (
        <span className="nhsuk-error-message">
          <span className="nhsuk-u-visually-hidden">Error:</span> {err(name)}
        </span>
      )}
      {input}
    </div>
  );
  const covered = services.filter((s) => operator.regions.includes(s.region)).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <h3>Log an emergency change</h3>
      {group(
        'accountId',
        'Who made the change',
        <select
          className="nhsuk-select"
          id="log-accountId"
          aria-describedby="log-accountId-hint"
          value={f.accountId}
          onChange={set('accountId')}
        >
          <option value="">Choose their DoS account</option>
          {(accounts ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.fullName} ({a.email})
            </option>
          ))}
        </select>,
        'Their own individual DoS account. Shared accounts must not be used, so the audit trail stays accurate.',
      )}
      {group(
        'madeAt',
        'When it was made (London time)',
        <input
          className="nhsuk-input nhsuk-input--width-20"
          id="log-madeAt"
          type="datetime-local"
          value={f.madeAt}
          onChange={set('madeAt')}
        />,
      )}
      {group(
        'serviceId',
        'Service changed',
        <select className="nhsuk-select" id="log-serviceId" value={f.serviceId} onChange={set('serviceId')}>
          <option value="">Choose the service</option>
          {covered.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.region})
            </option>
          ))}
        </select>,
      )}
      <div className={`nhsuk-form-group${err('kinds') ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">What was changed</legend>
          {err('kinds') && (
            <span className="nhsuk-error-message">
              <span className="nhsuk-u-visually-hidden">Error:</span> {err('kinds')}
            </span>
          )}
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
            {(['capacity', 'demographic'] as const).map((k) => (
              <div className="nhsuk-checkboxes__item" key={k}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={`log-kind-${k}`}
                  type="checkbox"
                  checked={f[k]}
                  onChange={(e) => setF((x) => ({ ...x, [k]: e.target.checked }))}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`log-kind-${k}`}>
                  {k === 'capacity' ? 'Capacity' : 'Demographic details'}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      {group(
        'details',
        'What changed',
        <textarea className="nhsuk-textarea" id="log-details" rows={2} value={f.details} onChange={set('details')} />,
      )}
      {group('why', 'Why', <textarea className="nhsuk-textarea" id="log-why" rows={2} value={f.why} onChange={set('why')} />)}
      <button
        type="button"
        className="nhsuk-button"
        onClick={async () => {
          setProblem(null);
          const madeAt = f.madeAt ? new Date(f.madeAt).toISOString() : '';
          const kinds = (['capacity', 'demographic'] as const).filter((k) => f[k]);
          try {
            const change = await actions.logChange({
              accountId: f.accountId,
              madeAt,
              serviceId: f.serviceId,
              kinds,
              details: f.details,
              why: f.why,
            });
            announce(`The change to ${change.serviceName} is logged. Report it within 24 hours.`);
            setF({ accountId: '', madeAt: nowForInput(), serviceId: '', capacity: false, demographic: false, details: '', why: '' });
          } catch (e) {
            const field = (e as { field?: string }).field ?? 'accountId';
            setProblem({ field, message: plainErrorMessage(e) });
          }
        }}
      >
        Log the change
      </button>
    </>
  );
}
