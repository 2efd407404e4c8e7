import type { ReactNode } from 'react';
import type { DosDeskApi } from '@shared/ipc/api';
import type { DeliveryMethod } from '@shared/models/email';
import type { Operator } from '@shared/models/operator';
import { DEFAULT_SETTINGS, type Settings } from '@shared/models/settings';
import type { DosDeskDb } from '../../renderer/src/db/database';
import { DbContext } from '../../renderer/src/db/db-context';
import { DeskContext } from '../../renderer/src/entities/desk/desk-context';
import { ApiContext } from '../../renderer/src/platform/api-context';

/** A screen as the app shows it once an operator is at the desk: the same contexts `app.tsx` provides. */
export function AtDesk({
  db,
  api,
  operator,
  settings = DEFAULT_SETTINGS,
  delivery = 'mail-client',
  children,
}: {
  db: DosDeskDb;
  api: DosDeskApi;
  operator: Operator;
  settings?: Settings;
  delivery?: DeliveryMethod;
  children: ReactNode;
}) {
  return (
    <DbContext.Provider value={db}>
      <ApiContext.Provider value={api}>
        <DeskContext.Provider value={{ db, api, operator, operatorId: operator.id, delivery, settings }}>{children}</DeskContext.Provider>
      </ApiContext.Provider>
    </DbContext.Provider>
  );
}
