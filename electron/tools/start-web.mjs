#!/usr/bin/env node
// `npm run start:web [-- --port N --data-dir DIR]`: build the renderer, then serve it and the
// main-process handlers on 127.0.0.1 (electron/preview/host.ts).
import { spawnSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) {
  console.error('DoS Desk preview: the build failed (see above), so the preview was not started.');
  process.exit(build.status ?? 1);
}
const host = spawn(process.execPath, ['--import', 'tsx', 'electron/preview/cli.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
host.on('exit', (code) => process.exit(code ?? 1));
