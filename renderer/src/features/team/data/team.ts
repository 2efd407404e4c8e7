import type { IpcResult } from '@shared/ipc/result';
import type { TeamStatus } from '@shared/sync/team';
import { fromMain } from '../../../db/guards';
import { useDesk } from '../../../entities/desk/desk-context';
import { useSync } from '../../../sync/sync-context';

/**
 * The Team page's actions: main does the folder work (the renderer has no file system); each is
 * followed by `refresh()` so the header and the page show the new team status at once. A refusal
 * from main is thrown with its field, so the form shows it against that field.
 */
export function useTeamActions() {
  const { api } = useDesk();
  const sync = useSync();
  const then = async (result: IpcResult<TeamStatus>): Promise<TeamStatus> => {
    const status = fromMain(result);
    await sync.refresh();
    return status;
  };
  return {
    create: async (args: { folder: string; teamName: string; deskName: string; passphrase: string }) => then(await api.createTeam(args)),
    join: async (args: { folder: string; deskName: string; passphrase: string }) => then(await api.joinTeam(args)),
    unlock: async (passphrase: string) => then(await api.unlockTeam({ passphrase })),
    changePassphrase: async (current: string, next: string) => then(await api.changeTeamPassphrase({ current, next })),
    removeDesk: async (deskId: string) => then(await api.removeTeamDesk(deskId)),
    leave: async () => then(await api.leaveTeam()),
  };
}

/** A desk's team status once it has joined a team. */
export type Membership = Extract<TeamStatus, { state: 'member' }>;
