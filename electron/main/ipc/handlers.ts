import type { SecretStatusResult } from '../../../shared/ipc/api';
import type { OutboxEntry } from '../../../shared/models/email';
import type { Services } from '../services';
import { englandBankHolidays } from '../services/bank-holidays';
import { describeConnectionFailure } from '../services/email/smtp';
import { UserFacingError } from '../services/user-error';
import type { Handlers } from './dispatch';

export type { Services } from '../services';

/** The handler table, the same in Electron and in the browser-preview host. */
export function createHandlers(
  services: Pick<
    Services,
    'appInfo' | 'settings' | 'outbox' | 'smtpPassword' | 'smtpTransport' | 'desktop' | 'backups' | 'quitReady' | 'auditWitness' | 'team'
  >,
): Handlers {
  const { outbox, smtpPassword, team } = services;

  async function smtpStatus(): Promise<SecretStatusResult> {
    const secret = await smtpPassword.status();
    const configured = (await services.settings.get()).email.smtp !== null;
    return { configured, passwordStored: secret.stored, passwordPersisted: secret.persisted, secureStorage: secret.secureStorage };
  }

  return {
    'app:get-info': async () => services.appInfo(),
    'settings:get': () => services.settings.get(),
    'settings:set': (patch) => services.settings.set(patch),
    'settings:get-problems': () => services.settings.problems(),
    'settings:dismiss-problem': ({ setAsidePath }) => services.settings.dismissProblem(setAsidePath),
    'outbox:queue': (args) => outbox.queue(args),
    'outbox:list': async (args) => outbox.list(args?.status),
    'outbox:get': async ({ id }) => outbox.get(id),
    'outbox:counts': async () => outbox.counts(),
    'outbox:retry': ({ id }) => outbox.retry(id),
    'outbox:cancel': ({ id }) => outbox.cancel(id),
    'outbox:mark-copied': ({ id }) => outbox.markCopied(id),
    'outbox:export-eml': ({ id }) => outbox.exportEml(id),
    'outbox:connection-returned': async () => ({ sent: await outbox.connectionReturned() }),
    'outbox:mark-sent': ({ id }) => outbox.markSent(id),
    'outbox:send-again': ({ id }) => outbox.sendAgain(id),
    'email:get-smtp-status': smtpStatus,
    'email:set-smtp-password': async ({ password }) => {
      await smtpPassword.set(password);
      return smtpStatus();
    },
    'email:clear-smtp-password': async () => {
      await smtpPassword.clear();
      return smtpStatus();
    },
    'email:test-smtp': async () => {
      const transport = await services.smtpTransport();
      if (!transport) throw new UserFacingError('No SMTP server is set up yet. Enter its details and save them first.');
      try {
        await transport.verify();
      } catch (error) {
        throw new UserFacingError(describeConnectionFailure(error), { cause: error });
      }
      return { message: 'DoS Desk connected to the SMTP server and signed in.' };
    },
    'desktop:copy-text': async ({ text }) => ({ copied: services.desktop.writeClipboard(text) }),
    'calendar:get-bank-holidays': async ({ fromYear, toYear }) => englandBankHolidays(fromYear, toYear),
    'backup:begin': (args) => services.backups.begin(args),
    'backup:write-chunk': async ({ token, index, base64 }) => {
      await services.backups.writeChunk(token, index, base64);
      return { received: index + 1 };
    },
    'backup:commit': ({ token }) => services.backups.commit(token),
    'backup:abort': async ({ token }) => {
      await services.backups.abort(token);
      return { aborted: true as const };
    },
    'backup:list': () => services.backups.list(),
    'backup:read-chunk': ({ fileName, offset, length }) => services.backups.readChunk(fileName, offset, length),
    'backup:verify': ({ fileName }) => services.backups.verify(fileName),
    'app:quit-ready': async () => ({ quitting: services.quitReady() }),
    'outbox:restore-entries': ({ entries }) => outbox.restoreEntries(entries as OutboxEntry[]),
    'audit:anchor': (head) => services.auditWitness.anchor(head),
    'audit:adopt': (head) => services.auditWitness.adopt(head),
    'audit:get-anchors': () => services.auditWitness.read(),
    'audit:record-restore': (args) => services.auditWitness.recordRestore(args),
    'desktop:notify': async ({ title, body }) => ({ shown: services.desktop.notify(title, body) }),
    'team:get-status': () => team.status(),
    'team:create': (args) => team.create(args),
    'team:join': (args) => team.join(args),
    'team:unlock': ({ passphrase }) => team.unlock(passphrase),
    'team:leave': () => team.leave(),
    'team:remove-desk': ({ deskId }) => team.removeDesk(deskId),
    'team:change-passphrase': ({ current, next }) => team.changePassphrase(current, next),
    'team:check': () => team.check(),
    'team:write-batch': (args) => team.writeBatch(args),
    'team:read-batch': ({ deskId, seq }) => team.readBatch(deskId, seq),
    'team:seal-batch': (args) => team.sealBatch(args),
    'team:open-batch': ({ content }) => team.openBatch(content),
  };
}
