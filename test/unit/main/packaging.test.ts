import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  allowScripts: Record<string, boolean>;
  build: { electronFuses: Record<string, boolean>; asar: boolean };
};

describe('packaging', () => {
  it('flips the Electron fuses that would let the packaged app run as plain Node or load other code', () => {
    expect(pkg.build.asar).toBe(true);
    expect(pkg.build.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });

  it("approves electron's install script so npm install fetches the binary", () => {
    expect(pkg.allowScripts.electron).toBe(true);
  });
});
