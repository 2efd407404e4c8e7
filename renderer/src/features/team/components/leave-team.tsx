import { useRef, useState } from 'react';
import { useConfirmed } from '../data/confirmed';
import { useTeamActions } from '../data/team';
import { ConfirmCard } from './confirm-card';

/** Leaves the team: this desk stops sharing; its records stay here and what it shared stays in the folder. */
export function LeaveTeam({ teamName }: { teamName: string }) {
  const actions = useTeamActions();
  const confirmed = useConfirmed();
  const [asking, setAsking] = useState(false);
  // Cancel brings focus back to the button that opened the confirmation (WCAG 2.4.3).
  const refocus = useRef(false);
  return (
    <section aria-labelledby="leave-heading">
      <h2 id="leave-heading">Leave the team</h2>
      {asking ? (
        <ConfirmCard
          id="confirm-leave"
          title={`Leave ${teamName}?`}
          confirmLabel="Yes, leave the team"
          busyLabel="Leaving…"
          onCancel={() => {
            refocus.current = true;
            setAsking(false);
          }}
          onConfirm={async () => {
            await actions.leave();
            confirmed(`This desk has left ${teamName}. Its records stay on this desk.`);
          }}
        >
          <ul>
            <li>This desk stops sharing: its changes no longer reach the team, and the team&apos;s no longer reach it.</li>
            <li>Its records stay on this desk, and what it already shared stays in the team folder for the other desks.</li>
            <li>To share again, join the team again with the folder and the passphrase.</li>
          </ul>
        </ConfirmCard>
      ) : (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => setAsking(true)}
          ref={(el) => {
            if (el && refocus.current) {
              refocus.current = false;
              el.focus();
            }
          }}
        >
          Leave the team
        </button>
      )}
    </section>
  );
}
