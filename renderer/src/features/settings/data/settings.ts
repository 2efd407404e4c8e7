import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { DosDeskApi } from '@shared/ipc/api';
import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from '@shared/models/settings';
import type { DosDeskDb } from '../../../db/database';
import { NoOperatorError, recordAudit } from '../../../db/audit';
import { useDb } from '../../../db/db-context';
import { refusedByMain } from '../../../db/guards';
import { useApi } from '../../../platform/api-context';
import { useSession } from '../../../session/store';

const SETTINGS_KEY = 'settings';

/** Copies main's settings into the local cache, so every screen reads them live. */
export async function refreshSettings(db: DosDeskDb, api: DosDeskApi): Promise<Settings> {
  const result = await api.getSettings();
  if (!result.ok) throw refusedByMain(result.error);
  await db.settingsCache.put({ key: SETTINGS_KEY, value: result.data });
  return result.data;
}

/**
 * Saves a settings change through main (which validates it again and writes it atomically), then
 * records it in the cache and the audit trail. The IPC call happens before the transaction, never
 * inside it (GUIDE §3).
 */
export async function saveSettings(db: DosDeskDb, api: DosDeskApi, actorId: string | null, patch: SettingsPatch): Promise<Settings> {
  if (!actorId || !(await db.operators.get(actorId))) throw new NoOperatorError();
  const before = await readCachedSettings(db);
  const result = await api.setSettings(patch);
  if (!result.ok) throw refusedByMain(result.error);
  await db.transaction('rw', db.settingsCache, db.audit, db.operators, async () => {
    await db.settingsCache.put({ key: SETTINGS_KEY, value: result.data });
    await recordAudit(db, {
      operatorId: actorId,
      entity: 'settings',
      entityId: 'settings',
      action: 'settings.update',
      before,
      after: result.data,
    });
  });
  return result.data;
}

async function readCachedSettings(db: DosDeskDb): Promise<Settings> {
  const parsed = Settings.safeParse((await db.settingsCache.get(SETTINGS_KEY))?.value);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** The current settings, live; the defaults until main has answered. */
export function useSettings(): Settings {
  const db = useDb();
  return useLiveQuery(() => readCachedSettings(db), [db]) ?? DEFAULT_SETTINGS;
}

/** Saves a settings change as the current operator. */
export function useSaveSettings(): (patch: SettingsPatch) => Promise<Settings> {
  const db = useDb();
  const api = useApi();
  const operatorId = useSession((s) => s.currentOperatorId);
  return useCallback((patch) => saveSettings(db, api, operatorId, patch), [db, api, operatorId]);
}

/** Stores or clears the SMTP password in main; the audit records that it changed, never the value. */
export function useSmtpPassword() {
  const db = useDb();
  const api = useApi();
  const operatorId = useSession((s) => s.currentOperatorId);
  return useCallback(
    async (password: string | null) => {
      if (!operatorId || !(await db.operators.get(operatorId))) throw new NoOperatorError();
      const result = password === null ? await api.clearSmtpPassword() : await api.setSmtpPassword(password);
      if (!result.ok) throw refusedByMain(result.error);
      await db.transaction('rw', db.audit, db.operators, () =>
        recordAudit(db, {
          operatorId,
          entity: 'settings',
          entityId: 'smtp-password',
          action: password === null ? 'settings.smtp-password-clear' : 'settings.smtp-password-set',
          before: null,
          after: { stored: result.data.passwordStored },
        }),
      );
      return result.data;
    },
    [db, api, operatorId],
  );
}
