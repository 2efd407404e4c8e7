import { createContext, useContext } from 'react';
import type { DosDeskApi } from '@shared/ipc/api';

export const ApiContext = createContext<DosDeskApi | null>(null);

/** The main-process API, whichever transport carries it. */
export function useApi(): DosDeskApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiContext.Provider>');
  return api;
}
