import { useState } from 'react';
import { formatLondonTime } from '@shared/domain/london-time';
import { ActionButton, ActionError } from '../../../components/action-button';
import { SummaryList } from '../../../components/summary-list';
import { useAction } from '../../../components/use-action';
import type { SyncControls } from '../../../sync/sync-context';
import { ago } from '../data/sync-words';
import type { Membership } from '../data/team';
import { useNow } from '../data/use-now';

/** The team, its folder, this desk and whether the folder can be reached, with "Sync now". */
export function TeamSummary({ sync, team }: { sync: SyncControls; team: Membership }) {
  const now = useNow();
  const { state } = sync;
  const [finished, setFinished] = useState<Date | null>(null);
  const syncNow = useAction(async () => {
    await sync.syncNow();
    setFinished(new Date());
  });
  const checked = team.checkedAt ? `, last checked ${ago(team.checkedAt, now)}` : '';
  return (
    <>
      <SummaryList
        rows={[
          { key: 'Team', value: team.team.name },
          { key: 'Team folder', value: <code className="app-break-all">{team.team.folder}</code> },
          { key: 'This desk', value: team.desk.name },
          {
            key: 'Team folder status',
            value: (
              <span data-testid="team-folder-status">
                {team.locked
                  ? 'Locked until the team passphrase is entered'
                  : team.reachable
                    ? `Reachable${checked}`
                    : `Not reachable${team.unreachableReason ? `: ${team.unreachableReason}` : ''}${checked}`}
              </span>
            ),
          },
          { key: 'Last synced', value: state.lastSyncedAt ? ago(state.lastSyncedAt, now) : 'Not yet' },
          {
            key: 'Changes waiting to be shared',
            value: state.waiting === 0 ? 'None' : `${state.waiting} (written to the team folder when it can be reached)`,
          },
          {
            key: 'Team keys',
            value: team.keysProtected
              ? "Kept encrypted by this computer's own key store"
              : 'This computer has no secure key store: the team passphrase is asked for again after DoS Desk restarts',
          },
        ]}
      />
      {team.locked ? (
        <p data-testid="sync-now-locked">Sync is paused until the team passphrase is entered: enter it under Unlock the team folder.</p>
      ) : (
        <div className="app-table-actions">
          <ActionButton busy={syncNow.busy} busyLabel="Syncing…" onClick={() => void syncNow.run()}>
            Sync now
          </ActionButton>
        </div>
      )}
      <ActionError error={syncNow.error} />
      <p className="nhsuk-body-s" role="status">
        {finished && !syncNow.busy && !syncNow.error ? `Sync finished at ${formatLondonTime(finished)}.` : ''}
      </p>
    </>
  );
}
