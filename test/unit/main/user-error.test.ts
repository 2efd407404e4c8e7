import { describe, expect, it } from 'vitest';
import { plainError, plainReason, UserFacingError } from '../../../electron/main/services/user-error';

/** Shaped as Node shapes a failed fs call (real ones come from the dispatch fault tests). */
const fsError = (code: string, path = '/data/DoS Desk/settings.json', extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${code}: something, open '${path}'`), { code, errno: -1, syscall: 'open', path, ...extra });

describe('plain words for system errors', () => {
  it.each([
    ['ENOSPC', /^The disk that holds DoS Desk’s data folder is full\. Free some space, then try again\.$/],
    ['EDQUOT', /all the disk space it is allowed.*then try again/],
    ['EACCES', /not allowed to change files in \/data\/DoS Desk\. Ask your IT team/],
    ['EPERM', /not allowed to change files in \/data\/DoS Desk\. Ask your IT team/],
    ['EROFS', /\/data\/DoS Desk can only be read, not written to/],
    ['ENOENT', /in \/data\/DoS Desk is missing.*then try again/],
    ['EMFILE', /Too many files are open.*then try again/],
    ['ENFILE', /Too many files are open/],
    ['EBUSY', /in use by another program/],
    ['EIO', /disk reported a fault/],
  ])('%s says what happened and what to do, without the code or the system call', (code, words) => {
    const text = plainReason(fsError(code));
    expect(text).toMatch(words);
    expect(text).not.toMatch(/\bE[A-Z]{3,}\b|open '|syscall|errno/);
  });

  it('names where a failed rename was going, not its temp file', () => {
    const text = plainReason(fsError('EISDIR', '/d/.settings.json.1a2b.tmp', { syscall: 'rename', dest: '/d/settings.json' }));
    expect(text).toContain('/d/settings.json');
    expect(text).not.toContain('.tmp');
  });

  it('an error it does not know gets a general sentence, never its message', () => {
    expect(plainError(new TypeError("Cannot read properties of undefined (reading 'x')"), 'saving the settings')).toBe(
      'DoS Desk could not finish saving the settings. Something unexpected went wrong. Try again; if it keeps happening, restart DoS Desk.',
    );
  });

  it('an error already written for a person is shown as it is', () => {
    expect(plainError(new UserFacingError('Choose who you are first.'), 'queueing the email')).toBe('Choose who you are first.');
  });
});
