import { useCallback } from 'react';
import type { Account } from '@shared/models/account';
import { useDb } from '../../../db/db-context';
import { useSession } from '../../../session/store';
import { amendAccount, createAccount, deleteAccount } from './accounts';

/** Account writes as the current operator. */
export function useAccountActions() {
  const db = useDb();
  const operatorId = useSession((s) => s.currentOperatorId);
  return {
    create: useCallback((input: unknown): Promise<Account> => createAccount(db, operatorId, input), [db, operatorId]),
    amend: useCallback((id: string, input: unknown): Promise<Account> => amendAccount(db, operatorId, id, input), [db, operatorId]),
    remove: useCallback((id: string, reason: string): Promise<Account> => deleteAccount(db, operatorId, id, reason), [db, operatorId]),
  };
}
