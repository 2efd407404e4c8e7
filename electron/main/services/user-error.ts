import { dirname } from 'node:path';

/** An error whose message is written for the operator and is safe to show as it is. */
export class UserFacingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UserFacingError';
  }
}

interface SystemError {
  code?: unknown;
  path?: unknown;
  dest?: unknown;
  syscall?: unknown;
}

const UNEXPECTED = 'Something unexpected went wrong. Try again; if it keeps happening, restart DoS Desk.';

/**
 * What a Node system error means to a person, and what to do about it, in plain words: never the
 * errno code, the system call or a stack. The path a file error names is given as a folder, so the
 * operator (or IT) knows where to look. Errors DoS Desk does not recognise get a general sentence;
 * callers log the original for support.
 */
export function plainReason(error: unknown): string {
  if (error instanceof UserFacingError) return error.message;
  const e = (typeof error === 'object' && error !== null ? error : {}) as SystemError;
  const code = typeof e.code === 'string' ? e.code : '';
  // A failed rename names its source (a temp file) as `path`; the place a person knows is `dest`.
  const path = typeof e.dest === 'string' ? e.dest : typeof e.path === 'string' ? e.path : '';
  const folder = path ? dirname(path) : '';
  const inFolder = folder ? ` in ${folder}` : ' in DoS Desk’s data folder';
  switch (code) {
    case 'ENOSPC':
      return 'The disk that holds DoS Desk’s data folder is full. Free some space, then try again.';
    case 'EDQUOT':
      return 'Your account has used all the disk space it is allowed. Free some space or ask your IT team for more, then try again.';
    case 'EACCES':
    case 'EPERM':
      return `DoS Desk is not allowed to change files${inFolder}. Ask your IT team to give your account permission to change that folder, then try again.`;
    case 'EROFS':
      return `The disk that holds ${folder || 'DoS Desk’s data folder'} can only be read, not written to. Ask your IT team to make it writable, then try again.`;
    case 'ENOENT':
      return `A file or folder DoS Desk needs${inFolder} is missing: it may have been moved or deleted, or its drive disconnected. Reconnect the drive if there is one, then try again.`;
    case 'EISDIR':
      return `DoS Desk expected a file${path ? ` at ${path}` : ' in its data folder'} but found a folder in its place. Move that folder somewhere else, then try again.`;
    case 'ENOTDIR':
      return `DoS Desk expected a folder${path ? ` at ${path}` : ' in its data folder'} but found a file in its place. Move that file somewhere else, then try again.`;
    case 'EEXIST':
    case 'ENOTEMPTY':
      return `Something is already in the way${inFolder}. Try again; if it keeps happening, restart DoS Desk.`;
    case 'EMFILE':
    case 'ENFILE':
      return 'Too many files are open on this computer. Close some programs or restart DoS Desk, then try again.';
    case 'EBUSY':
      return `A file DoS Desk needs${inFolder} is in use by another program (perhaps a virus scan or a backup tool). Wait a moment, then try again.`;
    case 'EIO':
      return 'The disk reported a fault while DoS Desk was reading or writing. Check that the drive is connected and working, then try again.';
    case 'ENAMETOOLONG':
      return 'A file name DoS Desk needs is too long for this computer. Ask your IT team to move DoS Desk’s data folder to a shorter path.';
    case 'ENOMEM':
      return 'This computer ran out of memory. Close some programs, then try again.';
    default:
      return UNEXPECTED;
  }
}

/**
 * The sentence shown when `doing` (for example "saving the settings") failed for a reason that was
 * not already written for a person: what happened and what to do.
 */
export function plainError(error: unknown, doing: string): string {
  if (error instanceof UserFacingError) return error.message;
  return `DoS Desk could not finish ${doing}. ${plainReason(error)}`;
}
