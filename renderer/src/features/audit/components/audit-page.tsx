import { useContext, useMemo, useState } from 'react';
import { formatLondonTimestamp, londonToday } from '@shared/domain/london-time';
import type { Operator } from '@shared/models/operator';
import type { AuditEntry } from '@shared/models/audit';
import { PageHeading } from '../../../components/page-heading';
import { downloadText } from '../../../platform/download';
import { SyncContext } from '../../../sync/sync-context';
import { useAuditPage, useAuditTools, useTeamAuditDesks, type AuditFilter, type VerifyReport } from '../data/audit';

/** A desk's name as part of a file name. */
const fileSafe = (name: string) =>
  name
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'desk';
const when = (iso: string) => formatLondonTimestamp(new Date(iso), { seconds: true });
/** Every kind of record the audit trail holds, in words. */
const ENTITIES: readonly [string, string][] = [
  ['account', 'DoS accounts'],
  ['request', 'User requests'],
  ['temporary-account', 'Temporary accounts'],
  ['emergency-change', 'Emergency changes'],
  ['service', 'Services'],
  ['pharmacy', 'Pharmacy profiles and changes'],
  ['cc-organisation', 'Connecting Care organisations'],
  ['cc-request', 'Connecting Care requests'],
  ['email', 'Emails'],
  ['operator', 'Operators'],
  ['session', 'Operator switches'],
  ['settings', 'Settings'],
  ['backup', 'Restores from a backup'],
];

interface Verdict {
  tampered: boolean;
  lines: string[];
}

const ADVICE = 'Entries from there on cannot be trusted. Keep this desk as it is and tell your Regional DoS team.';
const n = (value: number) => value.toLocaleString('en-GB');

/** What Verify checked, against what, and what it found, in words. */
export function verdictOf(report: VerifyReport, deskNames: Record<string, string> = {}): Verdict {
  const lines: string[] = [];
  const w = report.witness;
  if (report.problem) lines.push(`The audit trail has been tampered with: ${report.problem.reason}. ${ADVICE}`);
  if (w?.problem) lines.push(`The audit trail does not match what this desk witnessed: ${w.problem.reason}. ${ADVICE}`);
  const tampered = lines.length > 0;
  if (!tampered) {
    lines.push(
      w && w.witnessedUpTo > 0
        ? `All ${n(report.checked)} entries checked: each follows on from the one before and matches its own hash, and every entry up to ${n(w.witnessedUpTo)} matches what this desk witnessed as it was written.`
        : `All ${n(report.checked)} entries checked: each follows on from the one before and matches its own hash.`,
    );
  }
  lines.push(
    w
      ? `Checked against: the hash each entry carries, and the witness log that DoS Desk keeps outside its records, in ${w.file} (the newest entry's number and hash, written down after every change).`
      : `Checked against: the hash each entry carries only. The witness log could not be read (${report.witnessUnavailable ?? 'no answer'}), so a trail that was cut short or re-hashed as a whole would not show.`,
  );
  if (w?.unwitnessed)
    lines.push(
      `Entries ${n(w.unwitnessed.from)} to ${n(w.unwitnessed.to)} are not yet witnessed: they were written, but DoS Desk stopped before it wrote them down outside its records. They are checked against their own hashes only, and the next change witnesses them.`,
    );
  if (w?.adopted)
    lines.push(
      `Entries up to ${n(w.adopted.id)} were written before this desk kept a witness (it began on ${when(w.adopted.at)}): they are checked against their own hashes only.`,
    );
  for (const loss of w?.losses ?? [])
    if (loss.lost)
      lines.push(
        `Entries ${n(loss.lost.from)} to ${n(loss.lost.to)} are lost: the records on this desk had been lost, and on ${when(loss.at)} ${loss.by} restored ${loss.backup}, which was made before them.`,
      );
  if (w?.unreadableLines.length)
    lines.push(
      `Line${w.unreadableLines.length === 1 ? '' : 's'} ${w.unreadableLines.join(', ')} of the witness log could not be read (a line cut off when DoS Desk stopped mid-write is one), so ${w.unreadableLines.length === 1 ? 'it was' : 'they were'} left out.`,
    );
  for (const trail of report.team ?? []) {
    const whose = `${deskNames[trail.desk] ?? `Desk ${trail.desk}`}'s trail (a read-only copy, ${n(trail.checked)} ${trail.checked === 1 ? 'entry' : 'entries'})`;
    if (trail.problem || trail.tampered.length) {
      const why =
        trail.problem?.reason ??
        `entr${trail.tampered.length === 1 ? 'y' : 'ies'} ${trail.tampered.join(', ')} arrived with a second version, and audit entries are never edited`;
      lines.push(`${whose} has been tampered with: ${why}. ${ADVICE}`);
    } else lines.push(`${whose}: each entry follows on from the one before and matches its own hash, checked on its own.`);
    for (const gap of trail.notYetHere)
      lines.push(
        `Entries ${n(gap.from)} to ${n(gap.to)} of that trail have not arrived yet (their batch has not been read); they are checked when they arrive.`,
      );
  }
  return { tampered: tampered || (report.team ?? []).some((t) => t.problem || t.tampered.length), lines };
}

/** The record an entry is about, by name; entries from before names were recorded show their type and id. */
function recordInWords(e: AuditEntry): string {
  return e.subject ?? `${e.entity} ${e.entityId}`;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (Array.isArray(value)) return value.join(', ') || '(none)';
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    return String(v.fullName ?? v.name ?? v.subject ?? JSON.stringify(value)).slice(0, 120);
  }
  return String(value);
}

/** The audit trail: who did what, when, before and after; filters, CSV export and chain check. */
export function AuditPage({ operators }: { operators: readonly Operator[] }) {
  const [filter, setFilter] = useState<AuditFilter>({ entity: '', action: '', operatorId: '', from: '', to: '' });
  const [page, setPage] = useState(0);
  const stableFilter = useMemo(() => filter, [filter]);
  const [desk, setDesk] = useState<string | null>(null);
  const result = useAuditPage(stableFilter, page, desk);
  const teamDesks = useTeamAuditDesks();
  const sync = useContext(SyncContext);
  const deskNames = useMemo(() => {
    const team = sync?.state.team;
    return team?.state === 'member' ? Object.fromEntries(team.desks.map((d) => [d.id, d.name])) : {};
  }, [sync?.state.team]);
  const tools = useAuditTools();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const names = new Map(operators.map((o) => [o.id, o.fullName]));
  const set = (key: keyof AuditFilter) => (e: { target: { value: string } }) => {
    setFilter((f) => ({ ...f, [key]: e.target.value }));
    setPage(0);
  };
  return (
    <>
      <PageHeading>Audit trail</PageHeading>
      <p>
        Every change made on this desk, newest first. In a team, each desk keeps its own trail; other desks&apos; trails arrive as read-only
        copies, which you can choose below and which Verify checks each on its own. Entries cannot be changed or removed: each carries the
        hash of the one before it, and DoS Desk writes the newest entry&apos;s hash down outside its records after every change, so Verify
        can tell if the trail was cut short, cleared or rewritten.
      </p>
      <div className="app-table-actions">
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={async () => {
            setVerdict({ tampered: false, lines: ['Checking…'] });
            setVerdict(verdictOf(await tools.verify(), deskNames));
          }}
        >
          Verify the audit trail
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={async () =>
            downloadText(
              `dos-desk-audit-${desk ? `${fileSafe(deskNames[desk] ?? desk)}-copy-` : ''}${londonToday()}.csv`,
              await tools.csv(filter, desk),
              'text/csv',
            )
          }
        >
          Export as CSV
        </button>
      </div>
      {verdict && (
        <div role="status" className={verdict.tampered ? 'nhsuk-error-message' : ''} data-testid="audit-verdict">
          {verdict.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      <div className="app-filters">
        {teamDesks.length > 0 && (
          <div className="nhsuk-form-group app-filter">
            <label className="nhsuk-label" htmlFor="audit-desk">
              Whose trail
            </label>
            <select
              className="nhsuk-select"
              id="audit-desk"
              value={desk ?? ''}
              onChange={(e) => {
                setDesk(e.target.value || null);
                setPage(0);
              }}
            >
              <option value="">This desk</option>
              {teamDesks.map((id) => (
                <option key={id} value={id}>
                  {deskNames[id] ?? `Desk ${id.slice(0, 8)}`} (read-only copy)
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="nhsuk-form-group app-filter">
          <label className="nhsuk-label" htmlFor="audit-entity">
            Record type
          </label>
          <select className="nhsuk-select" id="audit-entity" value={filter.entity} onChange={set('entity')}>
            <option value="">Any</option>
            {ENTITIES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="nhsuk-form-group app-filter">
          <label className="nhsuk-label" htmlFor="audit-action">
            Action contains
          </label>
          <input className="nhsuk-input" id="audit-action" value={filter.action} onChange={set('action')} spellCheck={false} />
        </div>
        <div className="nhsuk-form-group app-filter">
          <label className="nhsuk-label" htmlFor="audit-operator">
            Operator
          </label>
          <select className="nhsuk-select" id="audit-operator" value={filter.operatorId} onChange={set('operatorId')}>
            <option value="">Anyone</option>
            {operators.map((o) => (
              <option key={o.id} value={o.id}>
                {o.fullName}
              </option>
            ))}
          </select>
        </div>
        <div className="nhsuk-form-group app-filter">
          <label className="nhsuk-label" htmlFor="audit-from">
            From
          </label>
          <input className="nhsuk-input" id="audit-from" type="date" value={filter.from} onChange={set('from')} />
        </div>
        <div className="nhsuk-form-group app-filter">
          <label className="nhsuk-label" htmlFor="audit-to">
            To
          </label>
          <input className="nhsuk-input" id="audit-to" type="date" value={filter.to} onChange={set('to')} />
        </div>
      </div>
      {!result ? (
        <p>Loading…</p>
      ) : result.entries.length === 0 ? (
        <p>No entries match.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            {desk
              ? `Audit entries of ${deskNames[desk] ?? 'another desk'} (a read-only copy), newest first`
              : 'Audit entries of this desk, newest first'}
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                When
              </th>
              <th scope="col" className="nhsuk-table__header">
                Who
              </th>
              <th scope="col" className="nhsuk-table__header">
                Record
              </th>
              <th scope="col" className="nhsuk-table__header">
                Action
              </th>
              <th scope="col" className="nhsuk-table__header">
                Before
              </th>
              <th scope="col" className="nhsuk-table__header">
                After
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {result.entries.map((e) => (
              <tr className="nhsuk-table__row" key={e.id}>
                <td className="nhsuk-table__cell">{when(e.at)}</td>
                <td className="nhsuk-table__cell">{names.get(e.operatorId) ?? e.operatorId}</td>
                <td className="nhsuk-table__cell">{recordInWords(e)}</td>
                <td className="nhsuk-table__cell">
                  <code>{e.action}</code>
                </td>
                <td className="nhsuk-table__cell">{describe(e.before)}</td>
                <td className="nhsuk-table__cell">{describe(e.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="app-table-actions">
        {page > 0 && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setPage((p) => p - 1)}>
            Newer entries
          </button>
        )}
        {result?.hasMore && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setPage((p) => p + 1)}>
            Older entries
          </button>
        )}
      </div>
    </>
  );
}
