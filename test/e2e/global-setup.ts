import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The e2e specs drive the production build; build it when it is missing. */
export default function setup(): void {
  const root = resolve(import.meta.dirname, '../..');
  if (existsSync(resolve(root, 'out/renderer/index.html')) && existsSync(resolve(root, 'out/main/index.js'))) return;
  const run = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) throw new Error('electron-vite build failed; the e2e specs need the built app.');
}
