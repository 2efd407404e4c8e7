import { channels, isChannel, type Channel, type ChannelResults, type ParsedArgs } from '../../../shared/ipc/contract';
import { describeZodError, fail, ok, type IpcResult } from '../../../shared/ipc/result';
import { installPlainMessages } from '../../../shared/models/messages';
import { plainError, UserFacingError } from '../services/user-error';
import { actionTitle, actionWords } from './actions';

/** One function per channel, receiving arguments that have already passed the channel's schema. */
export type Handlers = { [C in Channel]: (args: ParsedArgs<C>) => Promise<ChannelResults[C]> };

export type Dispatch = (channel: unknown, args: unknown) => Promise<IpcResult<unknown>>;

/** Keys that reach an object's prototype when copied: refused outright, never silently dropped. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** No channel's argument is nested this deep; a cyclic structured clone stops here too. */
const MAX_DEPTH = 32;
/** Far more values than any channel takes (a backup part is one string). */
const MAX_VALUES = 100_000;

type ShapeProblem = { kind: 'forbidden-key'; key: string; path: string } | { kind: 'too-deep' } | { kind: 'too-many' };

/**
 * Walks the raw argument (as JSON.parse or Electron's structured clone made it, where `__proto__`
 * can be an own key) before any schema sees it: zod would drop such a key without a word.
 */
export function findShapeProblem(args: unknown): ShapeProblem | null {
  const stack: { value: unknown; path: string[] }[] = [{ value: args, path: [] }];
  let seen = 0;
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (++seen > MAX_VALUES) return { kind: 'too-many' };
    if (path.length >= MAX_DEPTH) return { kind: 'too-deep' };
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return { kind: 'forbidden-key', key, path: [...path, key].join('.') };
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}

/** How a channel name from outside appears in a log line: quoted, cut short, never an object. */
export function loggedChannel(channel: unknown): string {
  return typeof channel === 'string' ? JSON.stringify(channel.slice(0, 60)) : `(not a name: ${typeof channel})`;
}

/**
 * Where refused calls are logged: the channel and why, never the argument's values (they may hold
 * a password, an email address or a patient's details). A schema refusal gives each field's path
 * (cut short) and zod's issue code, not zod's message, which can quote the value.
 */
export type RefusalLog = (message: string) => void;

/**
 * Main trusts nothing from the renderer (GUIDE §2): an unknown channel is refused, arguments are
 * parsed with the channel's schema before any service runs, and failures become an error a person
 * can act on, naming the work in words rather than the channel id. Every refusal is logged (channel
 * and reason, not the argument's values). Transport checks (sender frame, origin, token) happen
 * before this, in the transport.
 */
export function createDispatcher(
  handlers: Handlers,
  log: (message: string, error: unknown) => void = console.error,
  warn: RefusalLog = console.warn,
): Dispatch {
  // Refusals reach a person: zod's own wording never does (shared/models/messages.ts).
  installPlainMessages();
  return async (channel, args) => {
    if (!isChannel(channel)) {
      const name = typeof channel === 'string' ? channel.slice(0, 60) : typeof channel;
      warn(`[ipc] refused ${loggedChannel(channel)}: unknown channel`);
      return fail('unknown-channel', `DoS Desk does not know the request "${name}". Nothing was changed.`);
    }
    const shape = findShapeProblem(args);
    if (shape) {
      const why =
        shape.kind === 'forbidden-key'
          ? `it contains a field named "${shape.key}", which DoS Desk never accepts`
          : shape.kind === 'too-deep'
            ? 'it is nested too deeply'
            : 'it holds too many values';
      warn(`[ipc] refused ${channel}: ${why}`);
      const fields = shape.kind === 'forbidden-key' ? [{ path: shape.path, message: 'This field name is not allowed' }] : undefined;
      return fail('invalid-args', `${actionTitle(channel)} was refused: ${why}. Nothing was changed.`, fields);
    }
    const parsed = channels[channel].args.safeParse(args);
    if (!parsed.success) {
      const issues = parsed.error.issues.map(
        (i) => `${i.path.length ? i.path.map((p) => String(p).slice(0, 40)).join('.') : '(argument)'} ${i.code}`,
      );
      warn(`[ipc] refused ${channel}: invalid arguments (${issues.slice(0, 10).join(', ')}${issues.length > 10 ? ', …' : ''})`);
      const problem = describeZodError(parsed.error, actionTitle(channel));
      return { ok: false, error: { ...problem, message: `${problem.message}. Nothing was changed.` } };
    }
    try {
      const handler = handlers[channel] as (a: unknown) => Promise<unknown>;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof UserFacingError) {
        if (error.cause !== undefined) log(`[ipc] ${channel} failed`, error.cause);
        return fail('failed', error.message);
      }
      log(`[ipc] ${channel} failed`, error);
      return fail('failed', plainError(error, actionWords(channel)));
    }
  };
}
