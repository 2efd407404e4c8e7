import { channels, type Channel } from '../../../shared/ipc/contract';

/**
 * Each channel's work in words, for messages a person reads ("DoS Desk could not finish saving the
 * settings."): channel ids such as `settings:set` never reach the screen. The words are each
 * channel's `action` in the contract's table.
 */
export function actionWords(channel: Channel): string {
  return channels[channel].action;
}

/** The action for `channel`, starting with a capital letter ("Saving the settings"). */
export function actionTitle(channel: Channel): string {
  const words = actionWords(channel);
  return words.charAt(0).toUpperCase() + words.slice(1);
}
