import { readdir, readFile, rename, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  DEFAULT_SETTINGS,
  SETTINGS_GROUP_NAMES,
  Settings,
  SettingsPatch,
  type SettingsGroup,
  type SettingsProblem,
} from '../../../shared/models/settings';
import { describeZodError } from '../../../shared/ipc/result';
import { readTextIfExists, writeFileAtomic } from './atomic-file';
import { createSerial } from './serial';
import { UserFacingError } from './user-error';

export interface SettingsService {
  get(): Promise<Settings>;
  /** Applies a validated patch and writes the whole file atomically; returns the new settings. */
  set(patch: SettingsPatch): Promise<Settings>;
  /** Settings files set aside as unreadable that the operator has not yet dismissed, newest first. */
  problems(): Promise<SettingsProblem[]>;
  /** Stops showing one set-aside file (the file itself is kept); returns the problems still shown. */
  dismissProblem(setAsidePath: string): Promise<SettingsProblem[]>;
  readonly file: string;
}

const SET_ASIDE_PREFIX = 'settings.json.unreadable-';
/** The names of set-aside files the operator has dismissed; the damaged copies themselves stay. */
const DISMISSED_FILE = 'settings-problems-dismissed.json';
/** A settings file is a few kilobytes; a damaged one larger than this is not read to name what it held. */
const MAX_DAMAGED_BYTES = 1024 * 1024;

/**
 * Settings kept by main as `<data folder>/settings.json`. A missing file means defaults; a file
 * that cannot be read as settings is set aside as `settings.json.unreadable-<time>` (never deleted)
 * and defaults are used, so one bad edit cannot stop the app starting.
 *
 * The operator is told (issue 15 §3): every set-aside file in the data folder is a problem until
 * dismissed. The notice is derived from the files themselves rather than written beside them, so a
 * crash just after the rename cannot lose it, and a copy set aside before this notice existed is
 * shown too. Dismissing writes the file's name to `settings-problems-dismissed.json` (atomically);
 * if that list is unreadable the notices come back, which errs on the side of telling.
 */
export function createSettingsService(dataDir: string, now: () => Date = () => new Date()): SettingsService {
  const file = join(dataDir, 'settings.json');
  const dismissedFile = join(dataDir, DISMISSED_FILE);
  let cached: Settings | undefined;
  let loading: Promise<Settings> | undefined;
  const serialise = createSerial();

  async function read(): Promise<Settings> {
    const raw = await readTextIfExists(file);
    if (raw === null) return (cached = structuredClone(DEFAULT_SETTINGS));
    try {
      const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...JSON.parse(raw) });
      if (parsed.success) return (cached = parsed.data);
    } catch {
      // fall through: not JSON
    }
    await rename(file, join(dataDir, `${SET_ASIDE_PREFIX}${now().toISOString().replace(/[:.]/g, '-')}`));
    return (cached = structuredClone(DEFAULT_SETTINGS));
  }

  /** One read at a time: two first calls at once must not both try to set the same file aside. */
  function load(): Promise<Settings> {
    if (cached) return Promise.resolve(cached);
    loading ??= read().finally(() => (loading = undefined));
    return loading;
  }

  async function readDismissed(): Promise<string[]> {
    try {
      const parsed: unknown = JSON.parse(await readFile(dismissedFile, 'utf8'));
      const list = (parsed as { dismissed?: unknown }).dismissed;
      return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  }

  async function problems(): Promise<SettingsProblem[]> {
    // Reading the settings first sets a damaged file aside, so it is listed below.
    await load().catch(() => undefined);
    const dismissed = new Set(await readDismissed());
    const names = (await readdir(dataDir).catch(() => [] as string[]))
      .filter((name) => name.startsWith(SET_ASIDE_PREFIX) && !dismissed.has(name))
      .sort()
      .reverse();
    return Promise.all(names.map((name) => describeSetAside(join(dataDir, name), name)));
  }

  return {
    file,
    get: () => load().then((s) => structuredClone(s)),
    set(patch) {
      // Serialise writes so two quick saves cannot interleave.
      return serialise(async () => {
        const checkedPatch = SettingsPatch.safeParse(patch);
        if (!checkedPatch.success) throw new UserFacingError(describeZodError(checkedPatch.error, 'The settings change').message);
        const next = Settings.safeParse({ ...(await load()), ...checkedPatch.data });
        if (!next.success) throw new UserFacingError(describeZodError(next.error, 'The settings change').message);
        await writeFileAtomic(file, `${JSON.stringify(next.data, null, 2)}\n`);
        cached = next.data;
        return structuredClone(next.data);
      });
    },
    problems,
    dismissProblem(setAsidePath) {
      return serialise(async () => {
        const shown = await problems();
        const problem = shown.find((p) => p.setAsidePath === setAsidePath);
        if (!problem) {
          const dismissed = await readDismissed();
          if (dismissed.some((name) => join(dataDir, name) === setAsidePath)) return shown;
          throw new UserFacingError(
            'DoS Desk has no notice about that settings file. Reload the page to see the notices that are still open.',
          );
        }
        const dismissed = await readDismissed();
        await writeFileAtomic(dismissedFile, `${JSON.stringify({ dismissed: [...dismissed, basename(setAsidePath)] }, null, 2)}\n`);
        return shown.filter((p) => p !== problem);
      });
    },
  };
}

/** What a set-aside file held that is now back to its default, and when it was set aside. */
async function describeSetAside(path: string, name: string): Promise<SettingsProblem> {
  const fromName = new Date(name.slice(SET_ASIDE_PREFIX.length).replace(/^(\d{4}-\d\d-\d\dT\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, '$1:$2:$3.$4Z'));
  let at = Number.isNaN(fromName.getTime()) ? null : fromName.toISOString();
  let content: unknown = undefined;
  try {
    const info = await stat(path);
    at ??= info.mtime.toISOString();
    if (info.size <= MAX_DAMAGED_BYTES) content = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    // Not JSON (or not readable): every setting went back to its default.
  }
  const groups = Object.keys(SETTINGS_GROUP_NAMES) as SettingsGroup[];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(content)) {
    return { setAsidePath: path, at: at ?? new Date(0).toISOString(), allReset: true, reset: groups.map((g) => SETTINGS_GROUP_NAMES[g]) };
  }
  const held = (group: SettingsGroup): boolean => {
    const [top, inner] = group.split('.') as [keyof Settings, string | undefined];
    if (!(top in content)) return false;
    const value = content[top];
    const fallback = DEFAULT_SETTINGS[top];
    if (!inner) return !isDeepStrictEqual(value, fallback);
    // A group inside `email`: a damaged `email` that is not an object counts as holding both.
    if (!isObject(value)) return true;
    return inner in value && !isDeepStrictEqual(value[inner], (fallback as Record<string, unknown>)[inner]);
  };
  return {
    setAsidePath: path,
    at: at ?? new Date(0).toISOString(),
    allReset: false,
    reset: groups.filter(held).map((g) => SETTINGS_GROUP_NAMES[g]),
  };
}
