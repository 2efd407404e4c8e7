import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { DosDeskApi } from '@shared/ipc/api';
import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from '@shared/models/settings';
import type { DosDeskDb } from '../../../db/database';
import { useDb } from '../../../db/db-context';
import { fromMain, refusedByMain, requireOperator } from '../../../db/guards';
import { change } from '../../../entities/desk/change';
import { useDesk } from '../../../entities/desk/desk-context';

const SETTINGS_KEY = 'settings';

/**
 * Copies main's settings into the local cache, so every screen reads them live. Not an operator's
 * change (it runs at start-up, before anyone is at the desk), so it is a plain write, not audited.
 */
export async function refreshSettings(db: DosDeskDb, api: DosDeskApi): Promise<Settings> {
  const settings = fromMain(await api.getSettings());
  await db.settingsCache.put({ key: SETTINGS_KEY, value: settings });
  return settings;
}

/**
 * Saves a settings change. Settings live in main, so by design main saves them first (it
 * validates them again and writes the file atomically); then one `change()` puts them in the cache
 * and audits them. The operator is checked before main is asked, so nothing is saved without one.
 * The IPC call happens before the transaction, never inside it (GUIDE §3).
 */
export async function saveSettings(db: DosDeskDb, api: DosDeskApi, actorId: string | null, patch: SettingsPatch): Promise<Settings> {
  await requireOperator(db, actorId);
  const before = await readCachedSettings(db);
  const result = await api.setSettings(patch);
  if (!result.ok) throw refusedByMain(result.error);
  await change({ db, operatorId: actorId }, [db.settingsCache], async (ctx) => {
    await db.settingsCache.put({ key: SETTINGS_KEY, value: result.data });
    await ctx.audit({
      entity: 'settings',
      entityId: 'settings',
      subject: "this desk's settings",
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
  const { db, api, operatorId } = useDesk();
  return useCallback((patch) => saveSettings(db, api, operatorId, patch), [db, api, operatorId]);
}

/** Stores or clears the SMTP password in main; the audit records that it changed, never the value. */
export function useSmtpPassword() {
  const { db, api, operatorId } = useDesk();
  return useCallback(
    async (password: string | null) => {
      await requireOperator(db, operatorId);
      const result = password === null ? await api.clearSmtpPassword() : await api.setSmtpPassword(password);
      if (!result.ok) throw refusedByMain(result.error);
      await change({ db, operatorId }, [], (ctx) =>
        ctx.audit({
          entity: 'settings',
          entityId: 'smtp-password',
          subject: 'the SMTP password',
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
