import { useState, type ReactNode } from 'react';
import { NOT_RECEIVED_ADVICE, READY_REASONS, RESENT_MESSAGE, VALIDATION_REJECTION_REASON } from '@shared/domain/requests';
import { formatLondonDate, londonDate } from '@shared/domain/london-time';
import type { EmailFormat } from '@shared/models/email';
import type { UserRequest } from '@shared/models/request';
import { useSession } from '../../../session/store';
import type { useRequestActions } from '../data/use-requests';
import { plainErrorMessage } from '../../../platform/plain-error';

type Actions = ReturnType<typeof useRequestActions>;

/** Runs an action, keeping its error to show next to the controls. */
function useRun() {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    setProblem(null);
    setBusy(true);
    try {
      await work();
      return true;
    } catch (e) {
      setProblem(plainErrorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { problem, busy, run };
}

function Problem({ id, text }: { id: string; text: string | null }): ReactNode {
  return text ? (
    <span className="nhsuk-error-message" id={id} role="alert">
      <span className="nhsuk-u-visually-hidden">Error:</span> {text}
    </span>
  ) : null;
}

/** Resend the activation email, plain or rich, and show that it went. */
export function ResendActivation({ request, actions }: { request: UserRequest; actions: Actions }) {
  const [format, setFormat] = useState<EmailFormat>('plain');
  const [resent, setResent] = useState(false);
  const { problem, busy, run } = useRun();
  const last = request.activationResends.at(-1);
  return (
    <section aria-labelledby="resend-heading">
      <h2 id="resend-heading">Resend the activation email</h2>
      <p>{NOT_RECEIVED_ADVICE}</p>
      {resent && (
        <div className="nhsuk-inset-text" role="status">
          <p>{RESENT_MESSAGE}</p>
        </div>
      )}
      {last && (
        <p className="nhsuk-body-s" data-testid="resend-count">
          Resent {request.activationResends.length} time{request.activationResends.length === 1 ? '' : 's'}, last on{' '}
          {formatLondonDate(new Date(last.at))} as {last.format === 'rich' ? 'rich text' : 'plain text'}.
        </p>
      )}
      <div className={`nhsuk-form-group${problem ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Send it as</legend>
          <Problem id="resend-error" text={problem} />
          <div className="nhsuk-radios nhsuk-radios--inline">
            {(['plain', 'rich'] as const).map((f) => (
              <div className="nhsuk-radios__item" key={f}>
                <input
                  className="nhsuk-radios__input"
                  id={`resend-${f}`}
                  type="radio"
                  name="resend-format"
                  checked={format === f}
                  onChange={() => setFormat(f)}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`resend-${f}`}>
                  {f === 'plain' ? 'Plain text' : 'Rich text'}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        disabled={busy}
        onClick={async () => setResent(await run(() => actions.resend(request.id, format)))}
      >
        Resend activation email
      </button>
    </section>
  );
}

/** Record that the user has validated their email, with the date. */
export function RecordValidation({ request, actions }: { request: UserRequest; actions: Actions }) {
  const [date, setDate] = useState(londonDate(new Date()));
  const announce = useSession((s) => s.announce);
  const { problem, busy, run } = useRun();
  return (
    <section aria-labelledby="validated-heading">
      <h2 id="validated-heading">The user has validated their email</h2>
      <div className={`nhsuk-form-group${problem ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="validated-on">
          Date they validated it
        </label>
        <Problem id="validated-on-error" text={problem} />
        <input
          className="nhsuk-input nhsuk-input--width-10"
          id="validated-on"
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          aria-describedby={problem ? 'validated-on-error' : undefined}
        />
      </div>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        disabled={busy}
        onClick={async () => {
          if (await run(() => actions.validated(request.id, date)))
            announce(`${request.fullName}'s email is recorded as validated. You can now approve the request.`);
        }}
      >
        Record validation
      </button>
    </section>
  );
}

/** Reject with a reason (ready reasons from the guidance, editable); it is emailed to the requester. */
export function RejectRequest({
  request,
  actions,
  overdue,
  onDone,
}: {
  request: UserRequest;
  actions: Actions;
  overdue: boolean;
  onDone(): void;
}) {
  const [choice, setChoice] = useState<string>(overdue ? 'not-validated' : '');
  const [reason, setReason] = useState(overdue ? VALIDATION_REJECTION_REASON : '');
  const announce = useSession((s) => s.announce);
  const { problem, busy, run } = useRun();
  return (
    <section aria-labelledby="reject-heading">
      <h2 id="reject-heading">Reject the request</h2>
      {overdue && (
        <p>
          The email has not been validated for 28 days or more. The guidance advises rejecting the request with instructions to submit again
          and verify their email address.
        </p>
      )}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="reject-ready">
          Ready reasons
        </label>
        <select
          className="nhsuk-select"
          id="reject-ready"
          value={choice}
          onChange={(e) => {
            setChoice(e.target.value);
            const ready = READY_REASONS.find((r) => r.id === e.target.value);
            if (ready) setReason(ready.text);
          }}
        >
          <option value="">Choose a reason, or write your own</option>
          {READY_REASONS.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      <div className={`nhsuk-form-group${problem ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="reject-reason">
          Reason (emailed to {request.fullName})
        </label>
        <Problem id="reject-reason-error" text={problem} />
        <textarea
          className={`nhsuk-textarea${problem ? ' nhsuk-textarea--error' : ''}`}
          id="reject-reason"
          rows={4}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={problem ? 'reject-reason-error' : undefined}
        />
      </div>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--warning"
        disabled={busy}
        onClick={async () => {
          if (await run(() => actions.reject(request.id, reason))) {
            announce(`The request from ${request.fullName} was rejected. The reason is in the outbox for them.`);
            onDone();
          }
        }}
      >
        Reject request
      </button>
    </section>
  );
}

/** Move the request to another region without rejecting it. */
export function ChangeRegion({
  request,
  actions,
  regions,
  onDone,
}: {
  request: UserRequest;
  actions: Actions;
  regions: readonly string[];
  onDone(region: string): void;
}) {
  const [region, setRegion] = useState('');
  const [note, setNote] = useState('');
  const [notify, setNotify] = useState(false);
  const [team, setTeam] = useState('');
  const announce = useSession((s) => s.announce);
  const { problem, busy, run } = useRun();
  return (
    <section aria-labelledby="region-heading">
      <h2 id="region-heading">Change the region</h2>
      <p>
        If the user applied for the wrong region, liaise with that region's DoS team and move the request there. It does not need to be
        rejected.
      </p>
      <div className={`nhsuk-form-group${problem ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="new-region">
          New region
        </label>
        <Problem id="new-region-error" text={problem} />
        <select className="nhsuk-select" id="new-region" value={region} onChange={(e) => setRegion(e.target.value)}>
          <option value="">Choose a region</option>
          {regions
            .filter((r) => r !== request.region)
            .map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
        </select>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="region-note">
          Note
        </label>
        <textarea className="nhsuk-textarea" id="region-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="nhsuk-checkboxes nhsuk-checkboxes--small nhsuk-u-margin-bottom-3">
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id="region-notify"
            type="checkbox"
            checked={notify}
            onChange={(e) => setNotify(e.target.checked)}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="region-notify">
            Email the note to that region's DoS team
          </label>
        </div>
      </div>
      {notify && (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="region-team">
            That team's email address
          </label>
          <input
            className="nhsuk-input nhsuk-input--width-30"
            id="region-team"
            type="email"
            value={team}
            onChange={(e) => setTeam(e.target.value)}
            spellCheck={false}
          />
        </div>
      )}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        disabled={busy}
        onClick={async () => {
          const missing = !region
            ? 'Choose the new region'
            : notify && !team.trim()
              ? "Enter the email address of that region's DoS team"
              : null;
          if (missing) {
            await run(async () => {
              throw new Error(missing);
            });
            return;
          }
          if (await run(() => actions.move(request.id, { region, note, notifyTeam: notify ? team.trim() || null : null }))) {
            announce(`The request from ${request.fullName} was moved to ${region}.`);
            onDone(region);
          }
        }}
      >
        Move to this region
      </button>
    </section>
  );
}
