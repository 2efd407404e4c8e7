import { useRef, useState } from 'react';
import type { TeamDesk } from '@shared/sync/team';
import type { SyncState } from '../../../sync/types';
import { useConfirmed } from '../data/confirmed';
import { ago } from '../data/sync-words';
import { useTeamActions, type Membership } from '../data/team';
import { useNow } from '../data/use-now';
import { ConfirmCard } from './confirm-card';

const cell = 'nhsuk-table__cell';
const header = 'nhsuk-table__header';

/** The team's desks: when each was last seen, how far this desk has read it, and removing one that left. */
export function TeamDesks({ team, read, canRemove }: { team: Membership; read: SyncState['read']; canRemove: boolean }) {
  const now = useNow();
  const actions = useTeamActions();
  const confirmed = useConfirmed();
  const [removing, setRemoving] = useState<TeamDesk | null>(null);
  // The button that opened the confirmation: Cancel brings focus back to it (WCAG 2.4.3).
  const opener = useRef<HTMLButtonElement | null>(null);
  const progress = (desk: TeamDesk) => {
    if (desk.you) return `${desk.batches.length} written here`;
    const r = read[desk.id];
    return r ? `${r.imported} of ${r.available}` : 'None yet';
  };
  return (
    <section aria-labelledby="desks-heading">
      <h2 id="desks-heading">Desks in the team</h2>
      <table className="nhsuk-table" data-testid="team-desks">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Desks in the team</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className={header}>
              Desk
            </th>
            <th scope="col" className={header}>
              Last seen
            </th>
            <th scope="col" className={header}>
              Batches read
            </th>
            <th scope="col" className={header}>
              <span className="nhsuk-u-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {team.desks.map((desk) => (
            <tr className="nhsuk-table__row" key={desk.id}>
              <th scope="row" className={cell}>
                {desk.name}
                {desk.you && <strong className="nhsuk-tag nhsuk-tag--blue app-inline-tag">This desk</strong>}
                {desk.removed && <strong className="nhsuk-tag nhsuk-tag--grey app-inline-tag">Removed</strong>}
              </th>
              <td className={cell}>{desk.lastSeenAt ? ago(desk.lastSeenAt, now) : 'Not yet'}</td>
              <td className={cell}>{progress(desk)}</td>
              <td className={cell}>
                {canRemove && !desk.you && !desk.removed && (
                  <button
                    type="button"
                    className="app-link-button"
                    onClick={(e) => {
                      opener.current = e.currentTarget;
                      setRemoving(desk);
                    }}
                  >
                    Remove <span className="nhsuk-u-visually-hidden">{desk.name}</span> from team
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {removing && (
        <ConfirmCard
          key={removing.id}
          id="confirm-remove-desk"
          title={`Remove ${removing.name} from the team?`}
          confirmLabel={`Yes, remove ${removing.name}`}
          busyLabel="Removing…"
          onCancel={() => {
            setRemoving(null);
            opener.current?.focus();
          }}
          after={
            <p className="nhsuk-u-margin-top-4 nhsuk-u-margin-bottom-0" data-testid="remove-desk-passphrase">
              If the laptop was lost or the person left, also change the team passphrase and give the new one to the other desks:{' '}
              <button
                type="button"
                className="app-link-button"
                onClick={() => {
                  const heading = document.getElementById('passphrase-heading');
                  heading?.scrollIntoView?.({ block: 'start' });
                  heading?.focus();
                }}
              >
                go to Change the team passphrase
              </button>
              .
            </p>
          }
          onConfirm={async () => {
            await actions.removeDesk(removing.id);
            setRemoving(null);
            confirmed(`${removing.name} was removed from the team.`);
          }}
        >
          <p>For a desk that has left the team, or a laptop that was lost.</p>
          <ul>
            <li>Everything it shared stays: its batches in the team folder stay readable by every desk.</li>
            <li>
              It can no longer add to the team folder: DoS Desk on that desk stops sharing, and anything written in its name from now on is
              refused by every desk and shown as a problem.
            </li>
            <li>
              It does not stop someone who has that desk, or who knows the team passphrase, from reading the team folder or joining it again
              as a new desk.
            </li>
          </ul>
        </ConfirmCard>
      )}
    </section>
  );
}
