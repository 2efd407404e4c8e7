import type { RestoreOutcome } from '../../../db/backup';

/** What a restore did, in words, for the confirmation. */
export function describeRestore(label: string, outcome: RestoreOutcome): string {
  const parts = [`Restored ${label}.`];
  parts.push(
    outcome.trail === 'kept'
      ? 'The audit trail was kept and the restore added to it.'
      : 'The audit trail came back from the backup, as this desk had none.',
  );
  if (outcome.lost)
    parts.push(
      `Audit entries ${outcome.lost.from} to ${outcome.lost.to}, written after that backup, are lost; Verify on the Audit trail screen lists them.`,
    );
  if (outcome.outbox?.added)
    parts.push(`${outcome.outbox.added} email${outcome.outbox.added === 1 ? '' : 's'} put back in the outbox (none sent again).`);
  parts.push(
    outcome.settings === 'brought-back' ? 'The settings saved in the backup are now in force.' : 'The settings in force were kept.',
  );
  return parts.join(' ');
}
