import type { DosDeskApi } from '@shared/ipc/api';
import { DbContext } from '../db/db-context';
import { ApiContext } from '../platform/api-context';
import { App } from './app';
import type { Boot } from './boot';
import { RecoveryScreen } from './recovery-screen';

/** Providers around the app, or the recovery screen when the database did not open. */
export function Root({ api, booted }: { api: DosDeskApi; booted: Boot }) {
  if (!booted.ok) return <RecoveryScreen booted={booted} api={api} />;
  return (
    <ApiContext.Provider value={api}>
      <DbContext.Provider value={booted.db}>
        <App warning={booted.warning} />
      </DbContext.Provider>
    </ApiContext.Provider>
  );
}
