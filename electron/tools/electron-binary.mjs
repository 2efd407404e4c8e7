import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The path of the installed Electron binary, or null when it was never downloaded (for example
 * after `ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install`). Reads electron's path.txt instead of
 * requiring the package, because requiring it tries to download the binary.
 */
export function findElectronBinary() {
  let packageDir;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export const MISSING_ELECTRON_MESSAGE = [
  'DoS Desk cannot start the desktop app: the Electron binary is not installed',
  '(npm install was run with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or the download failed).',
  'Either fetch it with `node node_modules/electron/install.js` (needs internet access),',
  'or use the browser preview instead: `npm run start:web`.',
].join(' ');
