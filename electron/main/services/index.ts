import { join } from 'node:path';
import type { AppInfo } from '../../../shared/models/app-info';
import type { SmtpSettings } from '../../../shared/models/settings';
import { createAuditWitness, type AuditWitness } from './audit-witness';
import { createBackupService, type BackupOptions, type BackupService } from './backups';
import { boundedDesktop, type Desktop } from './desktop';
import { lockDataFolder, type DataFolderLock } from './data-lock';
import { createOutbox, type Outbox, type OutboxOptions } from './email/outbox';
import { createEventHub, type EventHub } from './events';
import { createSecretStore, type SecretStore } from './email/secrets';
import { createSmtpTransport, type SmtpTransport } from './email/smtp';
import { createSettingsService, type SettingsService } from './settings';
import { createTeamService, type TeamOptions, type TeamService } from './team/team-service';

export interface Services {
  appInfo: () => AppInfo;
  settings: SettingsService;
  outbox: Outbox;
  smtpPassword: SecretStore;
  /** A transport for the SMTP settings now in force, or null when none are set. */
  smtpTransport: () => Promise<SmtpTransport | null>;
  desktop: Desktop;
  backups: BackupService;
  /** The audit trail's witness outside IndexedDB. */
  auditWitness: AuditWitness;
  /** The team folder (issue 17): membership, keys, listing, batch files. */
  team: TeamService;
  /** Main → window events (the outbox says when it changes); each transport subscribes. */
  events: EventHub;
  /** Set by the Electron lifecycle: the renderer finished its backup and the app may quit. */
  quitReady: () => boolean;
  /**
   * Takes the data folder (one DoS Desk per folder, so no email goes twice), then starts the outbox.
   * Rejects with a UserFacingError naming the other DoS Desk when the folder is in use.
   */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  dataDir: string;
  appInfo: () => AppInfo;
  desktop: Desktop;
  /** Called when the renderer says its quit backup is done; returns whether the app is quitting. */
  onQuitReady?: () => boolean;
  /** Test seams for the backups (a full disk, a failure part-way). */
  backups?: Partial<Pick<BackupOptions, 'freeBytes' | 'beforeWrite' | 'now'>>;
  /** Test seams for the outbox timing. */
  outbox?: Partial<Pick<OutboxOptions, 'backoff' | 'pollMs' | 'now' | 'maxAttempts' | 'log'>>;
  /** Test seams for the team folder (a short poll, fewer PBKDF2 iterations). */
  team?: Partial<Pick<TeamOptions, 'pollMs' | 'kdfIterations' | 'now' | 'log'>>;
}

/** Every main-process service, the same in Electron and in the browser-preview host. */
export function createServices(options: ServiceOptions): Services {
  const settings = createSettingsService(options.dataDir);
  const smtpPassword = createSecretStore(join(options.dataDir, 'smtp-password.bin'), options.desktop.secureStorage);
  let cached: { key: string; transport: SmtpTransport } | null = null;

  async function smtpTransport(): Promise<SmtpTransport | null> {
    const smtp: SmtpSettings | null = (await settings.get()).email.smtp;
    if (!smtp) {
      cached?.transport.close();
      cached = null;
      return null;
    }
    const password = smtp.user ? await smtpPassword.get() : null;
    const key = JSON.stringify([smtp, password]);
    if (cached?.key !== key) {
      cached?.transport.close();
      cached = { key, transport: createSmtpTransport(smtp, password) };
    }
    return cached.transport;
  }

  const events = createEventHub();
  const outbox = createOutbox({
    dir: join(options.dataDir, 'outbox'),
    transport: smtpTransport,
    openPath: options.desktop.openPath,
    onChange: (change) => events.emit('outbox:changed', change),
    ...options.outbox,
  });

  const auditWitness = createAuditWitness(options.dataDir);
  const backups = createBackupService({
    dir: join(options.dataDir, 'backups'),
    appVersion: options.appInfo().version,
    // Every backup carries the outbox (so a restore never loses or resends an email) and the witness log.
    sections: async () => ({ outbox: outbox.snapshot(), anchors: await auditWitness.text() }),
    ...options.backups,
  });
  const team = createTeamService({
    dataDir: options.dataDir,
    secureStorage: options.desktop.secureStorage,
    onChange: () => events.emit('team:changed', { change: 'reloaded' }),
    ...options.team,
  });
  let lock: DataFolderLock | null = null;

  return {
    appInfo: options.appInfo,
    backups,
    auditWitness,
    events,
    quitReady: () => options.onQuitReady?.() ?? false,
    settings,
    outbox,
    smtpPassword,
    smtpTransport,
    team,
    desktop: boundedDesktop(options.desktop),
    async start() {
      if (lock) return;
      const held = await lockDataFolder(options.dataDir, options.appInfo().shell);
      try {
        await outbox.start();
      } catch (error) {
        await held.release();
        throw error;
      }
      lock = held;
      // Never fails the start: a team state it cannot read is logged and the desk works alone.
      await team.start();
    },
    async stop() {
      await team.stop();
      await outbox.stop();
      await backups.abortAll();
      cached?.transport.close();
      cached = null;
      await lock?.release();
      lock = null;
    },
  };
}
