import { useCallback } from 'react';
import type { Operator } from '@shared/models/operator';
import { useDb } from '../../../db/db-context';
import { useSession } from '../../../session/store';
import { createOperator, switchOperator, updateOperator } from './operators';

/** Mutations bound to this desk's database and session. */
export function useOperatorActions() {
  const db = useDb();
  const currentOperatorId = useSession((s) => s.currentOperatorId);
  const setCurrent = useSession((s) => s.setCurrentOperatorId);
  return {
    create: useCallback(
      async (input: unknown, regions: readonly string[]): Promise<Operator> => {
        const operator = await createOperator(db, input, regions);
        setCurrent(operator.id);
        return operator;
      },
      [db, setCurrent],
    ),
    update: useCallback(
      (id: string, input: unknown, regions: readonly string[]) => updateOperator(db, currentOperatorId, id, input, regions),
      [db, currentOperatorId],
    ),
    switchTo: useCallback(
      async (id: string): Promise<Operator> => {
        const operator = await switchOperator(db, id);
        setCurrent(operator.id);
        return operator;
      },
      [db, setCurrent],
    ),
  };
}
