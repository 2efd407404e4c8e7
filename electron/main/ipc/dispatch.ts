import { channels, isChannel, type Channel, type ChannelResults, type ParsedArgs } from '../../../shared/ipc/contract';
import { describeZodError, fail, ok, type IpcResult } from '../../../shared/ipc/result';
import { UserFacingError } from '../services/user-error';

/** One function per channel, receiving arguments that have already passed the channel's schema. */
export type Handlers = { [C in Channel]: (args: ParsedArgs<C>) => Promise<ChannelResults[C]> };

export type Dispatch = (channel: unknown, args: unknown) => Promise<IpcResult<unknown>>;

/**
 * Main trusts nothing from the renderer (GUIDE §2): an unknown channel is refused, arguments are
 * parsed with the channel's schema before any service runs, and failures become an error a person
 * can act on. Transport checks (sender frame, origin, token) happen before this, in the transport.
 */
export function createDispatcher(handlers: Handlers, log: (message: string, error: unknown) => void = console.error): Dispatch {
  return async (channel, args) => {
    if (!isChannel(channel)) {
      const name = typeof channel === 'string' ? channel.slice(0, 60) : typeof channel;
      return fail('unknown-channel', `DoS Desk does not know the request "${name}". Nothing was changed.`);
    }
    const parsed = channels[channel].args.safeParse(args);
    if (!parsed.success) {
      const problem = describeZodError(parsed.error, `The request ${channel}`);
      return { ok: false, error: { ...problem, message: `${problem.message}. Nothing was changed.` } };
    }
    try {
      const handler = handlers[channel] as (a: unknown) => Promise<unknown>;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof UserFacingError) return fail('failed', error.message);
      log(`[ipc] ${channel} failed`, error);
      const detail = error instanceof Error ? error.message : String(error);
      return fail('failed', `DoS Desk could not complete ${channel}: ${detail}. Try again; if it keeps happening, restart DoS Desk.`);
    }
  };
}
