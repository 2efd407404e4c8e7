import {
  channels,
  NoArgs,
  type Channel,
  type ChannelArgs,
  type ChannelMethod,
  type ChannelParams,
  type ChannelResult,
  type ChannelSpec,
} from './contract';
import { isDeskEvent, type Listen } from './events';
import type { IpcResult } from './result';

// The sandboxed preload bundles this file, and through it the contract's table and zod
// (electron.vite.config.ts bundles zod into the preload rather than leaving a `require` it cannot load).

export type { SecretStatusResult } from './contract';

/** Sends one call; implemented by the preload (Electron IPC) and the browser bridge (HTTP). */
export type Invoke = <C extends Channel>(channel: C, args: ChannelArgs<C>) => Promise<IpcResult<ChannelResult<C>>>;

/** One named method per channel of the contract, named and shaped as its table entry says. */
type ChannelMethods = {
  [C in Channel as ChannelMethod<C>]: (...params: ChannelParams<C>) => Promise<IpcResult<ChannelResult<C>>>;
};

/** The object exposed to the renderer as `window.dosDesk`: named methods only. */
export type DosDeskApi = ChannelMethods & {
  /** Main → renderer events (shared/ipc/events.ts). Unknown names are refused; returns the function that stops listening. */
  on: Listen;
  /** Desktop app only: main asks for a backup before it quits. Absent in the browser preview. */
  onQuitRequested?(callback: () => void): () => void;
};

/** A transport without events: subscribing does nothing. */
const noEvents: Listen = () => () => undefined;

/**
 * Builds the named-method API over a transport, one method per entry of the contract's table.
 * Used by the preload, by the browser bridge and by tests (over the real handler table).
 */
export function createApi(invoke: Invoke, listen: Listen = noEvents): DosDeskApi {
  const api: Record<string, unknown> = {};
  for (const name of Object.keys(channels) as Channel[]) {
    const spec = channels[name] as unknown as Pick<ChannelSpec, 'method' | 'args'> & { call?: (...params: unknown[]) => unknown };
    // A channel without argument always sends none, even if its method is handed one (an onClick event).
    api[spec.method] = (...params: unknown[]) =>
      invoke(name, (spec.call ? spec.call(...params) : spec.args === NoArgs ? undefined : params[0]) as never);
  }
  api.on = ((event, callback) => {
    if (!isDeskEvent(event)) throw new Error(`DoS Desk has no event named ${JSON.stringify(String(event)).slice(0, 60)}.`);
    return listen(event, callback);
  }) satisfies Listen;
  return api as DosDeskApi;
}
