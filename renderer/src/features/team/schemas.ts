import { z } from 'zod';
import { ChangePassphraseArgs, CreateTeamArgs, JoinTeamArgs, UnlockTeamArgs } from '@shared/sync/team';

/**
 * The team forms check with the contract's own schemas (shared/sync/team.ts), the same ones main
 * checks with (GUIDE §3), plus, where a new passphrase is chosen, that it was typed the same twice.
 */
function checkedBy<const K extends string>(keys: readonly K[], args: z.ZodType, confirm?: { of: K; message: string }) {
  const fields = Object.fromEntries(keys.map((k) => [k, z.string()])) as Record<K, z.ZodString>;
  return z.object(fields).superRefine((values, ctx) => {
    const v = values as Record<string, string>;
    const parsed = args.safeParse(Object.fromEntries(keys.filter((k) => k !== 'confirm').map((k) => [k, v[k]])));
    if (!parsed.success)
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    if (confirm && v.confirm !== v[confirm.of]) ctx.addIssue({ code: 'custom', message: confirm.message, path: ['confirm'] });
  });
}

const MISMATCH = 'The passphrases are not the same: type the passphrase again';

export const CreateTeamForm = checkedBy(['folder', 'teamName', 'deskName', 'passphrase', 'confirm'], CreateTeamArgs, {
  of: 'passphrase',
  message: MISMATCH,
});
export const JoinTeamForm = checkedBy(['folder', 'deskName', 'passphrase'], JoinTeamArgs);
export const UnlockTeamForm = checkedBy(['passphrase'], UnlockTeamArgs);
export const ChangePassphraseForm = checkedBy(['current', 'next', 'confirm'], ChangePassphraseArgs, {
  of: 'next',
  message: 'The new passphrases are not the same: type the new passphrase again',
});
