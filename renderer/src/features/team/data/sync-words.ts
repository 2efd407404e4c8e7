import { formatLondonDateTime } from '@shared/domain/london-time';
import type { SyncState } from '../../../sync/types';

/** Where the header's status leads: the conflict inbox or the Team page. */
export type StatusLink = 'conflicts' | 'team' | null;

/**
 * What the header says about team sync: one short status, or null when this desk is not in a team
 * (a desk working alone is not reminded on every page; the Team page is in the menu).
 * `kind` changes only when the situation does, not each minute, so a screen reader hears about a
 * change without hearing the clock; `syncing` is passing and is not announced (see SyncStatus).
 */
export interface SyncWords {
  text: string;
  link: StatusLink;
  kind: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "just now", "1 minute ago", "3 hours ago", "on 2 December 2026 at 14:05". */
export function ago(at: string, now: number): string {
  const then = Date.parse(at);
  if (Number.isNaN(then)) return 'at an unknown time';
  const minutes = Math.floor((now - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${plural(hours, 'hour')} ago`;
  return `on ${formatLondonDateTime(new Date(then))}`;
}

/** The header's status in words, most pressing first: locked, removed, conflicts, then the folder. */
export function syncWords(state: SyncState, now: number): SyncWords | null {
  if (state.phase === 'off' || state.team.state === 'none') return null;
  if (state.phase === 'locked' || state.team.locked) return { text: 'Locked: enter the team passphrase', link: 'team', kind: 'locked' };
  if (state.team.removed) return { text: 'Removed from the team', link: 'team', kind: 'removed' };
  if (state.conflicts > 0)
    return { text: `${plural(state.conflicts, 'conflict')} to resolve`, link: 'conflicts', kind: `conflicts:${state.conflicts}` };
  switch (state.phase) {
    case 'syncing':
      return { text: 'Syncing…', link: null, kind: 'syncing' };
    case 'unreachable':
      return state.waiting > 0
        ? { text: `Offline: ${plural(state.waiting, 'change')} waiting`, link: null, kind: 'unreachable' }
        : { text: 'Team folder not reachable', link: null, kind: 'unreachable' };
    case 'error':
      return { text: 'Team sync failed', link: 'team', kind: 'error' };
    default:
      return {
        text: state.lastSyncedAt ? `Synced ${ago(state.lastSyncedAt, now)}` : 'Not synced yet',
        link: null,
        kind: 'synced',
      };
  }
}
