import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, Settings, SettingsPatch } from '../../../shared/models/settings';
import { describeZodError } from '../../../shared/ipc/result';
import { writeFileAtomic } from './atomic-file';
import { UserFacingError } from './user-error';

export interface SettingsService {
  get(): Promise<Settings>;
  /** Applies a validated patch and writes the whole file atomically; returns the new settings. */
  set(patch: SettingsPatch): Promise<Settings>;
  readonly file: string;
}

/**
 * Settings kept by main as `<data folder>/settings.json`. A missing file means defaults; a file
 * that cannot be read as settings is set aside as `settings.json.unreadable-<time>` (never deleted)
 * and defaults are used, so one bad edit cannot stop the app starting.
 */
export function createSettingsService(dataDir: string, now: () => Date = () => new Date()): SettingsService {
  const file = join(dataDir, 'settings.json');
  let cached: Settings | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<Settings> {
    if (cached) return cached;
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return (cached = structuredClone(DEFAULT_SETTINGS));
      throw error;
    }
    try {
      const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...JSON.parse(raw) });
      if (parsed.success) return (cached = parsed.data);
    } catch {
      // fall through: not JSON
    }
    await rename(file, `${file}.unreadable-${now().toISOString().replace(/[:.]/g, '-')}`);
    return (cached = structuredClone(DEFAULT_SETTINGS));
  }

  return {
    file,
    get: () => load().then((s) => structuredClone(s)),
    set(patch) {
      // Serialise writes so two quick saves cannot interleave.
      const run = queue.then(async () => {
        const checkedPatch = SettingsPatch.safeParse(patch);
        if (!checkedPatch.success) throw new UserFacingError(describeZodError(checkedPatch.error, 'The settings change').message);
        const next = Settings.safeParse({ ...(await load()), ...checkedPatch.data });
        if (!next.success) throw new UserFacingError(describeZodError(next.error, 'The settings change').message);
        await writeFileAtomic(file, `${JSON.stringify(next.data, null, 2)}\n`);
        cached = next.data;
        return structuredClone(next.data);
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
