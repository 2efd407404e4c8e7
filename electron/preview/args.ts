import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { defaultDataDir } from '../main/paths';
import { DEFAULT_PREVIEW_PORT } from './host';

/** `npm run start:web [-- --port N --data-dir DIR]`: serve the built renderer on 127.0.0.1. */
export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): { port: number; dataDir: string } {
  let port = DEFAULT_PREVIEW_PORT;
  let dataDir = defaultDataDir(process.platform, env, homedir());
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--port') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`--port needs a whole number from 1 to 65535, not "${value ?? ''}".`);
      port = n;
      i++;
    } else if (arg === '--data-dir') {
      if (!value) throw new Error('--data-dir needs a folder, like --data-dir ./my-data.');
      dataDir = resolve(value);
      i++;
    } else {
      throw new Error(`Unknown option "${arg}". Use --port N and --data-dir DIR.`);
    }
  }
  return { port, dataDir };
}
