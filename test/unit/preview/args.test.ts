import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../electron/preview/args';
import { DEFAULT_PREVIEW_PORT } from '../../../electron/preview/host';
import { defaultDataDir } from '../../../electron/main/paths';

describe('start:web options', () => {
  it('uses the fixed default port and the per-user data folder', () => {
    const parsed = parseArgs([], { XDG_CONFIG_HOME: '/x' });
    expect(parsed.port).toBe(DEFAULT_PREVIEW_PORT);
  });

  it('takes --port and --data-dir, and DOS_DESK_DATA_DIR', () => {
    expect(parseArgs(['--port', '6000', '--data-dir', '/tmp/d'], {})).toEqual({ port: 6000, dataDir: '/tmp/d' });
    expect(parseArgs([], { DOS_DESK_DATA_DIR: '/srv/d' }).dataDir).toBe('/srv/d');
  });

  it.each([
    [['--port', 'abc'], /whole number/],
    [['--port', '70000'], /whole number/],
    [['--data-dir'], /needs a folder/],
    [['--verbose'], /Unknown option/],
  ])('explains a bad option %j', (argv, message) => {
    expect(() => parseArgs(argv, {})).toThrow(message);
  });
});

describe('default data folder', () => {
  it('is the per-user application data folder on each platform', () => {
    expect(defaultDataDir('linux', {}, '/home/op')).toBe('/home/op/.config/DoS Desk');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/op')).toBe('/cfg/DoS Desk');
    expect(defaultDataDir('darwin', {}, '/Users/op')).toBe('/Users/op/Library/Application Support/DoS Desk');
    expect(defaultDataDir('win32', { APPDATA: 'C:/Users/op/AppData/Roaming' }, 'C:/Users/op')).toMatch(/Roaming.DoS Desk$/);
  });
});
