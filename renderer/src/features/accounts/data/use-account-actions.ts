import { useCallback } from 'react';
import type { Account } from '@shared/models/account';
import { amendAccount, createAccount, deleteAccount } from './accounts';
import { useDesk } from '../../../entities/desk/desk-context';

/** Account writes as the current operator. */
export function useAccountActions() {
  const { db, operatorId } = useDesk();
  return {
    create: useCallback((input: unknown): Promise<Account> => createAccount(db, operatorId, input), [db, operatorId]),
    amend: useCallback((id: string, input: unknown): Promise<Account> => amendAccount(db, operatorId, id, input), [db, operatorId]),
    remove: useCallback((id: string, reason: string): Promise<Account> => deleteAccount(db, operatorId, id, reason), [db, operatorId]),
  };
}
