import { useCallback, useEffect, useState } from 'react';
import type { SettingsProblem } from '@shared/models/settings';
import { requireOperator } from '../../../db/guards';
import { change } from '../../../entities/desk/change';
import { useDesk } from '../../../entities/desk/desk-context';

export interface SettingsProblems {
  /** Set-aside settings files not yet dismissed, newest first; undefined until main has answered. */
  problems: SettingsProblem[] | undefined;
  /** Main's message when it could not answer or dismiss, in plain words. */
  error: string | null;
  /** The operator has dealt with one: main stops showing it (the file stays) and the audit records who. */
  dismiss(problem: SettingsProblem): Promise<void>;
  /** Copies through main's clipboard where there is one (Electron), else the browser's. */
  copyPath(path: string): Promise<boolean>;
}

/** Settings files main set aside as unreadable, for the notice on Home and Settings (issue 15 §3). */
export function useSettingsProblems(): SettingsProblems {
  const { db, api, operatorId } = useDesk();
  const [state, setState] = useState<{ problems: SettingsProblem[] | undefined; error: string | null }>({
    problems: undefined,
    error: null,
  });

  useEffect(() => {
    let alive = true;
    void api.getSettingsProblems().then((result) => {
      if (!alive) return;
      setState(result.ok ? { problems: result.data, error: null } : { problems: undefined, error: result.error.message });
    });
    return () => {
      alive = false;
    };
  }, [api]);

  const dismiss = useCallback(
    async (problem: SettingsProblem) => {
      await requireOperator(db, operatorId);
      // Main keeps the dismissed list, so main records it first; the audit entry follows as a change.
      const result = await api.dismissSettingsProblem(problem.setAsidePath);
      if (!result.ok) {
        setState((s) => ({ ...s, error: result.error.message }));
        return;
      }
      await change({ db, operatorId }, [], (ctx) =>
        ctx.audit({
          entity: 'settings',
          entityId: 'settings-file',
          subject: `the set-aside settings file ${problem.setAsidePath}`,
          action: 'settings.problem-dismissed',
          before: problem,
          after: null,
        }),
      );
      setState({ problems: result.data, error: null });
    },
    [db, api, operatorId],
  );

  const copyPath = useCallback(
    async (path: string) => {
      const viaMain = await api.copyText(path);
      if (viaMain.ok && viaMain.data.copied) return true;
      try {
        await navigator.clipboard.writeText(path);
        return true;
      } catch {
        return false;
      }
    },
    [api],
  );

  return { ...state, dismiss, copyPath };
}
