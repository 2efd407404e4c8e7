import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import axe from 'axe-core';
import { expect } from 'vitest';
import { _electron, chromium, type BrowserContext, type Page } from 'playwright-core';
import { findElectronBinary } from '../../electron/tools/electron-binary.mjs';
import { startPreviewHost, type HostOptions, type PreviewHost } from '../../electron/preview/host';
import { AXE_DISABLED_RULES, AXE_TAGS } from '../support/axe-rules';

const ROOT = resolve(import.meta.dirname, '../..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Chromium flags for a closed network and a root user (see the machine notes in the README). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Which app the specs drive: the real Electron app when its binary exists, else the browser preview. */
export const TARGET: 'electron' | 'browser' =
  process.env.DOS_DESK_E2E_TARGET === 'browser' || !findElectronBinary() ? 'browser' : 'electron';

export interface Desk {
  page: Page;
  /** Where this desk keeps its data; `launchDesk(desk.places)` after `close()` restarts the same desk. */
  places: DeskPlaces;
  /** Only in the browser preview. */
  host?: PreviewHost;
  /** Only in the browser preview: the browser, kept for the next fresh desk. */
  context?: BrowserContext;
  close(): Promise<void>;
}

/**
 * A desk's persistent places: its data folder (settings; Electron's IndexedDB), browser profile and,
 * in the browser preview, its port. The port is chosen by the system on the first start and then
 * kept, so a restarted desk has the same origin and so the same IndexedDB.
 */
export interface DeskPlaces {
  dataDir: string;
  profileDir: string;
  port?: number;
}

export function newPlaces(): DeskPlaces {
  const base = mkdtempSync(join(tmpdir(), 'dosdesk-e2e-'));
  return { dataDir: join(base, 'data'), profileDir: join(base, 'profile') };
}

/** How a desk is started, beyond its places. */
export interface DeskOptions {
  /**
   * Team folder timing and PBKDF2 iterations for main's team service (a quick poll so desks notice
   * the folder within a second or so, few iterations so joining is quick). Only in the browser
   * preview: the Electron app keeps its defaults (so team-sync.spec.ts runs in the preview only).
   */
  team?: HostOptions['team'];
}

async function startHost(places: DeskPlaces, options: DeskOptions = {}): Promise<PreviewHost> {
  const host = await startPreviewHost({
    port: places.port ?? 0,
    dataDir: places.dataDir,
    rendererRoot: join(ROOT, 'out/renderer'),
    version: VERSION,
    team: options.team,
  });
  places.port = host.port;
  return host;
}

/**
 * Starts DoS Desk on these places; call again with the same places to "restart" it. Each call in the
 * browser preview is its own preview host (own data folder and port, so its own origin) and its own
 * Chromium with its own profile folder: desks started this way share nothing but what a test gives them.
 */
export async function launchDesk(places: DeskPlaces = newPlaces(), options: DeskOptions = {}): Promise<Desk> {
  if (TARGET === 'electron') {
    const app = await _electron.launch({
      executablePath: findElectronBinary()!,
      args: [join(ROOT, 'out/main/index.js')],
      env: { ...process.env, DOS_DESK_DATA_DIR: places.dataDir },
    });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    return { page, places, close: () => app.close() };
  }
  const host = await startHost(places, options);
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(places.profileDir, {
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
  } catch (error) {
    await host.close();
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(host.url);
  return {
    page,
    places,
    host,
    context,
    close: async () => {
      await context.close();
      await host.close();
    },
  };
}

/**
 * A new, empty desk for the next test, cheaply: in the browser preview the browser stays and a new
 * host with its own data folder starts on a new port (a new origin, so an empty IndexedDB); the
 * previous desk's page and host are closed. The Electron app is restarted on a new data folder.
 * `prepare` can put files in the new data folder before the desk starts.
 */
export async function freshDesk(previous?: Desk, prepare?: (places: DeskPlaces) => void): Promise<Desk> {
  const { context } = previous ?? {};
  if (TARGET === 'electron' || !previous || !context) {
    await previous?.close();
    const places = newPlaces();
    prepare?.(places);
    return launchDesk(places);
  }
  const places = { ...newPlaces(), profileDir: previous.places.profileDir };
  prepare?.(places);
  const host = await startHost(places);
  const page = await context.newPage();
  await page.goto(host.url);
  await previous.page.close();
  await previous.host?.close();
  return {
    page,
    places,
    host,
    context,
    close: async () => {
      await context.close();
      await host.close();
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe with the tests' one accessibility bar (test/support/axe-rules.ts) and returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so the page's strict CSP does not need loosening.
  await page.evaluate(axe.source);
  return page.evaluate(
    async ({ tags, disabled }) => {
      const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        rules: Object.fromEntries(disabled.map((id) => [id, { enabled: false }])),
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target })),
      }));
    },
    { tags: [...AXE_TAGS], disabled: [...AXE_DISABLED_RULES] },
  );
}

/** The shared accessibility check: the page as it is now has no axe violations (`label` names the state in a failure). */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${label}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** Completes first-run setup as a DoS lead covering London (holding approveUser there if asked). */
export async function setUpOperator(
  page: Page,
  name = 'Priya Shah',
  email = 'priya.shah@nhs.net',
  options: { jobRole?: string; approveUser?: boolean } = {},
): Promise<void> {
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('NHS email address').fill(email);
  await page.getByLabel('Job role').fill(options.jobRole ?? 'Local DoS Lead');
  await page.getByRole('group', { name: 'Regions you cover' }).getByLabel('London', { exact: true }).check();
  if (options.approveUser)
    await page
      .getByRole('group', { name: 'Regions where you hold the approveUser permission' })
      .getByLabel('London', { exact: true })
      .check();
  await page.getByRole('button', { name: 'Create operator profile' }).click();
  await page.getByRole('heading', { level: 1, name: `Welcome, ${name}` }).waitFor();
}

/** Imports services into the directory through the services CSV import (header line included). */
export async function importServices(page: Page, lines: readonly string[]): Promise<void> {
  await page.goto(`${page.url().split('#')[0]}#/services`);
  await page.getByLabel('Or paste the CSV').fill(['name,serviceType,odsCode,region,parentOdsCode', ...lines].join('\n'));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.getByRole('button', { name: `Import ${lines.length} new services` }).click();
}

/** Adds a DoS account making emergency changes (the Director on Call / on-call set) in London. */
export async function addEmergencyAccount(page: Page, name: string, email: string, jobTitle: string, organisation: string): Promise<void> {
  await page.goto(`${page.url().split('#')[0]}#/accounts/new`);
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Organisation').fill(organisation);
  await page.getByLabel('Job title').fill(jobTitle);
  await page.getByLabel('Type of DoS user').selectOption({ label: 'Someone making emergency changes (including Director on Call)' });
  await page.getByRole('button', { name: 'Apply suggested set' }).click();
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Saves the London local and regional DoS team addresses in Settings. */
export async function saveLondonDosTeams(page: Page): Promise<void> {
  await page.goto(`${page.url().split('#')[0]}#/settings`);
  await page.getByLabel('London local DoS team email').fill('london.local.dos@nhs.net');
  await page.getByLabel('London regional DoS team email').fill('london.regional.dos@nhs.net');
  await page.getByRole('button', { name: 'Save DoS team addresses' }).click();
  await page.getByText('DoS team email addresses saved.').waitFor();
}
