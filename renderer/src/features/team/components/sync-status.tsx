import { useState } from 'react';
import { href, paths } from '../../../navigation/paths';
import { useSync } from '../../../sync/sync-context';
import { syncWords } from '../data/sync-words';
import { useNow } from '../data/use-now';

/**
 * The header's team sync state at a glance. Nothing shows while this desk is not in a team: a desk
 * working alone is not reminded on every page (the Team page is in the menu).
 *
 * Screen readers hear a change of situation once, politely ("Team folder not reachable", "2 conflicts
 * to resolve", "Synced just now" when it comes back): not every minute as "2 minutes ago" ticks on,
 * and not each poll of the folder ("Syncing…" then back), which would talk over the work.
 */
export function SyncStatus() {
  const { state } = useSync();
  const now = useNow();
  const words = syncWords(state, now);
  const kind = words?.kind ?? 'off';
  // The first settled state is on screen already: only later changes are announced.
  const [settled, setSettled] = useState<string | null>(kind === 'syncing' ? null : kind);
  const [announcement, setAnnouncement] = useState('');
  if (kind !== 'syncing' && kind !== settled) {
    setSettled(kind);
    if (settled !== null) setAnnouncement(words ? `Team sync: ${words.text}` : 'Team sync is off: this desk is not in a team');
  }
  return (
    <div className="app-header__sync">
      {words &&
        (words.link ? (
          <a href={href(words.link === 'conflicts' ? paths.conflicts() : paths.team())} data-testid="sync-status">
            {words.text}
          </a>
        ) : (
          <span data-testid="sync-status">{words.text}</span>
        ))}
      {/* A polite live region, not role="status": the page's own status messages (an import's outcome,
          a saved record) stay the page's status. */}
      <span className="nhsuk-u-visually-hidden" aria-live="polite" data-testid="sync-announcement">
        {announcement}
      </span>
    </div>
  );
}
