import type { DosDeskApi } from '@shared/ipc/api';
import { openDatabase, type DosDeskDb } from '../db/database';
import { loadCurrentOperatorId } from '../features/operators/data/operators';
import { refreshSettings } from '../features/settings/data/settings';
import { useSession } from '../session/store';

export type Boot = { ok: true; db: DosDeskDb; warning: string | null } | { ok: false; error: Error };

/** Opens the database, fetches settings from main, and restores who was working. */
export async function boot(api: DosDeskApi, dbName?: string): Promise<Boot> {
  const opened = await openDatabase(dbName);
  if (!opened.ok) return opened;
  let warning: string | null = null;
  try {
    await refreshSettings(opened.db, api);
  } catch (error) {
    warning = `${error instanceof Error ? error.message : String(error)} Saved settings are shown until it is back.`;
  }
  useSession.getState().setCurrentOperatorId(await loadCurrentOperatorId(opened.db));
  return { ok: true, db: opened.db, warning };
}
