import { join } from 'node:path';

/** The folder name under the platform's per-user application data folder. Never change it. */
export const DATA_FOLDER_NAME = 'DoS Desk';

/**
 * The per-user data folder, the same for the desktop app and the browser preview:
 * `%APPDATA%\DoS Desk`, `~/Library/Application Support/DoS Desk`, or `$XDG_CONFIG_HOME/DoS Desk`.
 * `DOS_DESK_DATA_DIR` overrides it. Fixing this path (rather than deriving it from the product
 * name) keeps data from being orphaned by a rename (GUIDE §6, electron-builder#3375).
 */
export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  const override = env.DOS_DESK_DATA_DIR?.trim();
  if (override) return override;
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), DATA_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', DATA_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), DATA_FOLDER_NAME);
}
