#!/usr/bin/env node
// `npm start` (and `npm run dev`): start the desktop app, or say in one message why it cannot.
import { spawn } from 'node:child_process';
import { findElectronBinary, MISSING_ELECTRON_MESSAGE } from './electron-binary.mjs';

if (!findElectronBinary()) {
  console.error(MISSING_ELECTRON_MESSAGE);
  process.exit(1);
}
const command = process.argv.includes('--dev') ? 'dev' : 'preview';
const child = spawn('npx', ['electron-vite', command], { stdio: 'inherit', shell: process.platform === 'win32' });
child.on('exit', (code) => process.exit(code ?? 1));
