import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const alias = { '@shared': resolve(import.meta.dirname, 'shared') };

/**
 * Three projects: `node` (shared domain rules, main-process services and Electron glue),
 * `renderer` (React + Dexie in jsdom with fake-indexeddb) and `e2e` (the built renderer in
 * Chromium through the browser-preview host, or in Electron when its binary is installed).
 */
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        // CI machines have two cores shared with Chromium: room for a slow moment, not for a hang.
        test: { name: 'node', environment: 'node', include: ['test/unit/**/*.test.ts'], testTimeout: 20_000 },
      },
      {
        resolve: { alias },
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          testTimeout: 20_000,
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.spec.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          // expect.poll gives up after 1 s by default; Chromium on a loaded two-core machine can be slower.
          expect: { poll: { timeout: 10_000 } },
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
