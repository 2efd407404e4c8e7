import { useCallback, useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Account } from '@shared/models/account';
import type { Operator } from '@shared/models/operator';
import { useDb } from '../../../db/db-context';
import { accountsInRegions } from '../../../entities/accounts/account-writes';
import { managedRegions } from '../../../db/guards';
import { useApi } from '../../../platform/api-context';
import { emergencyLog, logEmergencyChange, queueReportAgain, reviewEmergencyChange, sendEmergencyReport } from './emergency';
import { importLastLogins, inactiveRegister, previewLastLogins, recordInactiveDeletion, setLastLogin, type LastLoginRow } from './inactive';
import {
  addTemporaryEntry,
  deleteTemporaryAccount,
  extendTemporaryEntry,
  remindersFor,
  takeUnnotified,
  temporaryRegister,
} from './temporary';
import { useDesk } from '../../../entities/desk/desk-context';

export function useTemporaryRegister(operator: Operator) {
  const db = useDb();
  return useLiveQuery(() => temporaryRegister(db, operator), [db, operator]);
}

export function useInactiveRegister(operator: Operator) {
  const db = useDb();
  return useLiveQuery(() => inactiveRegister(db, operator), [db, operator]);
}

export function useEmergencyLog(operator: Operator) {
  const db = useDb();
  return useLiveQuery(() => emergencyLog(db, operator), [db, operator]);
}

/** Active accounts in the operator's approveUser regions, by name, for pickers. */
export function useManagedAccounts(operator: Operator): Account[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    return (await accountsInRegions(db, managedRegions(operator)))
      .filter((a) => a.status === 'active')
      .sort((a, b) => a.fullName.localeCompare(b.fullName));
  }, [db, operator]);
}

/** Accounts in the regions the operator covers, for "who made the change". */
export function useCoveredAccounts(operator: Operator): Account[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    return (await accountsInRegions(db, operator.regions)).sort((a, b) => a.fullName.localeCompare(b.fullName));
  }, [db, operator]);
}

/** The registers' actions; the emergency report takes the delivery and DoS teams it goes by. */
export function useRegisterActions() {
  const desk = useDesk();
  const { db, operatorId } = desk;
  return {
    addTemporary: (input: unknown) => addTemporaryEntry(db, operatorId, input),
    extend: (id: string, input: unknown) => extendTemporaryEntry(db, operatorId, id, input),
    deleteTemporary: (id: string) => deleteTemporaryAccount(db, operatorId, id),
    setLastLogin: (accountId: string, date: string) => setLastLogin(db, operatorId, accountId, date),
    previewLogins: (operator: Operator, csv: string) => previewLastLogins(db, operator, csv),
    importLogins: (rows: readonly LastLoginRow[]) => importLastLogins(db, operatorId, rows),
    recordDeletion: (accountId: string) => recordInactiveDeletion(db, operatorId, accountId),
    logChange: (input: unknown) => logEmergencyChange(db, operatorId, input),
    /** The report goes the way this desk sends email, to its region's DoS teams in Settings. */
    report: (id: string) => sendEmergencyReport(desk, id, desk.settings.dosTeams),
    queueReportAgain: (id: string) => queueReportAgain(desk, id, desk.settings.dosTeams),
    review: (id: string, input: unknown) => reviewEmergencyChange(db, operatorId, id, input),
  };
}

/**
 * Review reminders for the banner, and a system notification (desktop app) the first time each
 * reminder applies: 14 days before, 1 day before and on the day.
 */
export function useReviewReminders(operator: Operator) {
  const db = useDb();
  const api = useApi();
  const entries = useTemporaryRegister(operator);
  const reminders = entries ? remindersFor(entries, new Date()) : [];
  const notify = useCallback(async () => {
    if (!entries) return;
    const fresh = await takeUnnotified(db, remindersFor(entries, new Date()));
    for (const r of fresh) {
      const when =
        r.stage === 'due'
          ? 'is due for review'
          : r.stage === '1-day'
            ? 'is due for review tomorrow'
            : 'is due for review in 14 days or less';
      await api.notify('DoS Desk: temporary account review', `${r.entry.accountName}'s temporary account ${when} (${r.entry.reviewDate}).`);
    }
  }, [db, api, entries]);
  useEffect(() => {
    void notify();
    const timer = setInterval(() => void notify(), 60 * 60_000);
    return () => clearInterval(timer);
  }, [notify]);
  return reminders;
}
export { useServicesDirectory } from '../../../entities/services/use-services-directory';
