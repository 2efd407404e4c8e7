import type { AppInfo } from '../../../shared/models/app-info';
import type { SettingsService } from '../services/settings';
import type { Handlers } from './dispatch';

export interface Services {
  appInfo: () => AppInfo;
  settings: SettingsService;
}

/** The handler table, the same in Electron and in the browser-preview host. */
export function createHandlers(services: Services): Handlers {
  return {
    'app:get-info': async () => services.appInfo(),
    'settings:get': () => services.settings.get(),
    'settings:set': (patch) => services.settings.set(patch),
  };
}
