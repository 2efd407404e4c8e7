import type { Channel } from '../../../shared/ipc/contract';

/**
 * Each channel's work in words, for messages a person reads ("DoS Desk could not finish saving the
 * settings."): channel ids such as `settings:set` never reach the screen.
 */
export const ACTIONS: Record<Channel, string> = {
  'app:get-info': 'reading its own details',
  'settings:get': 'reading the settings',
  'settings:set': 'saving the settings',
  'outbox:queue': 'queueing the email',
  'outbox:list': 'listing the outbox',
  'outbox:get': 'opening the email',
  'outbox:counts': 'counting the emails in the outbox',
  'outbox:retry': 'sending the email again',
  'outbox:cancel': 'cancelling the email',
  'outbox:mark-copied': 'marking the email as copied',
  'outbox:export-eml': 'saving the email as a file',
  'outbox:connection-returned': 'sending the emails that were waiting',
  'email:get-smtp-status': 'checking the email server settings',
  'email:set-smtp-password': 'saving the email server password',
  'email:clear-smtp-password': 'removing the email server password',
  'email:test-smtp': 'testing the connection to the email server',
  'desktop:copy-text': 'copying the text',
  'desktop:notify': 'showing a notification',
  'calendar:get-bank-holidays': 'reading the bank holidays',
  'backup:begin': 'starting the backup',
  'backup:write-chunk': 'making the backup',
  'backup:commit': 'finishing the backup',
  'backup:abort': 'stopping the backup',
  'backup:list': 'listing the backups',
  'backup:read-chunk': 'reading the backup',
  'backup:verify': 'checking the backup',
  'app:quit-ready': 'closing DoS Desk',
  'outbox:restore-entries': 'putting back the emails from the backup',
  'outbox:mark-sent': 'marking the email as sent',
  'outbox:send-again': 'sending the email again',
  'audit:anchor': 'witnessing the audit trail',
  'audit:adopt': 'witnessing the audit trail',
  'audit:get-anchors': 'reading the audit trail’s witness',
  'audit:record-restore': 'recording the restore in the audit trail’s witness',
  'settings:get-problems': 'reading the settings notices',
  'settings:dismiss-problem': 'dismissing the settings notice',
};

/** The action for `channel`, starting with a capital letter ("Saving the settings"). */
export function actionTitle(channel: Channel): string {
  const words = ACTIONS[channel];
  return words.charAt(0).toUpperCase() + words.slice(1);
}
