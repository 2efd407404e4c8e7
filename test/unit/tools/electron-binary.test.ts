import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findElectronBinary, MISSING_ELECTRON_MESSAGE } from '../../../electron/tools/electron-binary.mjs';

describe('npm start without the Electron binary', () => {
  it('names both ways out in one message', () => {
    expect(MISSING_ELECTRON_MESSAGE).toMatch(/Electron binary is not installed/);
    expect(MISSING_ELECTRON_MESSAGE).toContain('node node_modules/electron/install.js');
    expect(MISSING_ELECTRON_MESSAGE).toContain('npm run start:web');
    expect(MISSING_ELECTRON_MESSAGE).not.toContain('\n');
  });

  it.skipIf(findElectronBinary() !== null)('prints that message, no stack trace, and exits 1', () => {
    const run = spawnSync(process.execPath, ['electron/tools/start.mjs'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(MISSING_ELECTRON_MESSAGE);
    expect(run.stdout).toBe('');
  });
});
