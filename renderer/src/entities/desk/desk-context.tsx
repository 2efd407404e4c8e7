import { createContext, useContext } from 'react';
import type { Operator } from '@shared/models/operator';
import type { Settings } from '@shared/models/settings';
import type { Desk } from './change';

/** The desk a screen works at: the database, main's API, who is at the desk, and the settings in force. */
export interface DeskContextValue extends Desk {
  operator: Operator;
  operatorId: string;
  settings: Settings;
}

export const DeskContext = createContext<DeskContextValue | null>(null);

/**
 * The one hook that gives screens and their data hooks the desk context. Provided by the app once an
 * operator is chosen; the first-run and choose-operator screens, which come before that, do not use it.
 */
export function useDesk(): DeskContextValue {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk must be used inside <DeskContext.Provider>, which the app gives once an operator is chosen.');
  return desk;
}

/** How emails go by default: SMTP only when it is set up, else the mail client. */
export function deliveryFor(settings: Settings): Desk['delivery'] {
  return settings.email.defaultDelivery === 'smtp' && !settings.email.smtp ? 'mail-client' : settings.email.defaultDelivery;
}
