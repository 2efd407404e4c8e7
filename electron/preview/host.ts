import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createDispatcher, type RefusalLog } from '../main/ipc/dispatch';
import { createHandlers } from '../main/ipc/handlers';
import { createServices, type ServiceOptions } from '../main/services';
import { NO_DESKTOP } from '../main/services/desktop';
import { readStaticFile } from '../main/static-files';
import { fail, type IpcResult } from '../../shared/ipc/result';
import { formatEvent } from '../../shared/ipc/event-stream';
import { EVENTS_PATH, INVOKE_PATH, TOKEN_HEADER } from '../../shared/ipc/transport';

/** Fixed so the page keeps the same origin, and so the same IndexedDB data, from run to run. */
export const DEFAULT_PREVIEW_PORT = 5219;
/** An open event stream gets a comment line this often, so a page that went away is noticed and let go. */
const EVENT_HEARTBEAT_MS = 20_000;
const MAX_BODY_BYTES = 1024 * 1024;
/** Team batches (up to 2000 records, or a batch file carried by hand, up to 64 MB) may be far larger. */
const LARGE_BODY_BYTES = 96 * 1024 * 1024;
const LARGE_BODY_CHANNELS: ReadonlySet<unknown> = new Set(['team:write-batch', 'team:seal-batch', 'team:open-batch']);
/** A client that has not finished sending its request, or has sat idle, this long is cut off. */
export const DEFAULT_STALL_TIMEOUT_MS = 10_000;
/** One page needs a handful of connections; this many at once is someone holding the host open. */
export const DEFAULT_MAX_CONNECTIONS = 64;

export interface HostOptions {
  port?: number;
  dataDir: string;
  rendererRoot: string;
  version: string;
  /** Fixed only by tests; a new random token is made for every run otherwise. */
  token?: string;
  /** Outbox timing, for tests. */
  outbox?: ServiceOptions['outbox'];
  /** Team folder timing and PBKDF2 iterations, for tests. */
  team?: ServiceOptions['team'];
  /** Resource limits; smaller only in tests. */
  limits?: { stallTimeoutMs?: number; maxConnections?: number };
  /** Where refused requests are logged (path or channel, and why; never the request's contents). */
  warn?: RefusalLog;
}

export interface PreviewHost {
  /** The address to open, carrying the per-run token in the fragment (never sent to a server). */
  url: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  /** The limits in force: a stalled request is cut after `stallTimeoutMs`, at most `maxConnections` are open. */
  limits: { stallTimeoutMs: number; maxConnections: number };
  close(): Promise<void>;
}

/**
 * The browser preview: serves the built renderer and the main-process handler table on 127.0.0.1
 * only. API calls (and the event stream) must carry the per-run token and come from the page's own
 * Origin; the Host header must name this host (against DNS rebinding). Static files need no token.
 * Main's events reach the page as a `text/event-stream` answer to a POST on `EVENTS_PATH` (POST so
 * the browser sends its Origin, read with fetch because EventSource cannot send the token header).
 */
export async function startPreviewHost(options: HostOptions): Promise<PreviewHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  // The preview has no desktop: no mail program to open, no clipboard, no key store.
  const services = createServices({
    dataDir: options.dataDir,
    desktop: NO_DESKTOP,
    outbox: options.outbox,
    team: options.team,
    appInfo: () => ({
      name: 'DoS Desk',
      version: options.version,
      dataFolder: options.dataDir,
      platform: process.platform,
      shell: 'browser-preview',
    }),
  });
  await services.start();
  const warn = options.warn ?? console.warn;
  const dispatch = createDispatcher(createHandlers(services), console.error, warn);

  let port = options.port ?? DEFAULT_PREVIEW_PORT;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = () => allowedHosts().map((h) => `http://${h}`);

  const stallTimeoutMs = options.limits?.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const maxConnections = options.limits?.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  // A client that opens a socket and sends half a request (slowloris) must not hold it for the
  // default 60–300 s: the whole request must arrive within the limit, and Node checks it often
  // enough that a stalled socket is cut within about 1.1× the limit.
  const server = createServer(
    {
      headersTimeout: stallTimeoutMs,
      requestTimeout: stallTimeoutMs,
      keepAliveTimeout: Math.min(5_000, stallTimeoutMs),
      connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.floor(stallTimeoutMs / 4))),
    },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        console.error('[preview] request failed', error);
        if (!res.headersSent)
          sendJson(res, 500, fail('failed', 'The preview host hit an unexpected error. Restart it with npm run start:web.'));
      });
    },
  );
  // No idle-socket timeout (server.setTimeout): it would also cut a slow answer, such as sending
  // every waiting email, while the handler works. headersTimeout covers a silent socket.
  // Beyond this, new connections are closed at once rather than queued.
  server.maxConnections = maxConnections;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().includes(req.headers.host ?? '')) {
      sendJson(res, 421, fail('forbidden', 'This host only answers on 127.0.0.1.'));
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === INVOKE_PATH) {
      await handleInvoke(req, res);
      return;
    }
    if (url.pathname === EVENTS_PATH) {
      handleEvents(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = await readStaticFile(options.rendererRoot, url.pathname);
    res.writeHead(file.status, file.headers);
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  /** The checks every API request passes, the call and the event stream alike; false when refused (and answered). */
  function callerAllowed(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    const refuse = (status: number, why: string, message: string) => {
      warn(`[preview] refused ${path}: ${why}`);
      sendJson(res, status, fail('forbidden', message));
      return false;
    };
    if (req.method !== 'POST') return refuse(405, `method ${String(req.method).slice(0, 10)}`, `Use POST for ${path}.`);
    const origin = req.headers.origin;
    if (!origin || !allowedOrigins().includes(origin)) {
      return refuse(403, origin ? 'another Origin' : 'no Origin', 'Requests from another site are refused. Nothing was changed.');
    }
    if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
      return refuse(
        403,
        req.headers[TOKEN_HEADER] ? 'wrong token' : 'no token',
        'This page does not hold the preview session token. Open the link printed by npm run start:web. Nothing was changed.',
      );
    }
    return true;
  }

  /** Holds the answer open and writes each of main's events as it happens, until the page goes. */
  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    if (!callerAllowed(req, res, EVENTS_PATH)) return;
    req.resume(); // nothing is read from the request body
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    // A first line at once, so the page knows the stream is open.
    res.write(': open\n\n');
    const stop = services.events.subscribe((event, payload) => {
      // A page that stopped reading is let go rather than buffered for without end.
      if (res.writableLength > MAX_BODY_BYTES) res.destroy();
      else res.write(formatEvent(event, payload as never));
    });
    const heartbeat = setInterval(() => res.write(': still here\n\n'), EVENT_HEARTBEAT_MS);
    heartbeat.unref();
    res.on('close', () => {
      clearInterval(heartbeat);
      stop();
    });
  }

  async function handleInvoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!callerAllowed(req, res, INVOKE_PATH)) return;
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      warn(`[preview] refused ${INVOKE_PATH}: not JSON (content type)`);
      sendJson(res, 415, fail('invalid-args', 'Send the request as JSON.'));
      return;
    }
    const body = await readBody(req, LARGE_BODY_BYTES);
    if (body === null) {
      warn(`[preview] refused ${INVOKE_PATH}: body over ${LARGE_BODY_BYTES} bytes`);
      sendJson(res, 413, fail('invalid-args', 'The request is larger than 96 MB and was refused. Nothing was changed.'));
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(body);
    } catch {
      warn(`[preview] refused ${INVOKE_PATH}: body is not valid JSON`);
      sendJson(res, 400, fail('invalid-args', 'The request is not valid JSON. Nothing was changed.'));
      return;
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      warn(`[preview] refused ${INVOKE_PATH}: body is not an object`);
      sendJson(res, 400, fail('invalid-args', 'The request must be an object with a channel. Nothing was changed.'));
      return;
    }
    const { channel, args } = message as { channel?: unknown; args?: unknown };
    if (Buffer.byteLength(body) > MAX_BODY_BYTES && !LARGE_BODY_CHANNELS.has(channel)) {
      warn(`[preview] refused ${INVOKE_PATH}: body over ${MAX_BODY_BYTES} bytes`);
      sendJson(res, 413, fail('invalid-args', 'The request is larger than 1 MB and was refused. Nothing was changed.'));
      return;
    }
    sendJson(res, 200, await dispatch(channel, args));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      void services.stop();
      if (error.code === 'EADDRINUSE') {
        reject(
          new Error(
            `Port ${port} is already in use. Is the DoS Desk preview already running? Close it, or choose another port with --port N.`,
          ),
        );
      } else reject(error);
    });
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address && typeof address === 'object') port = address.port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    dataDir: options.dataDir,
    limits: { stallTimeoutMs, maxConnections },
    close: async () => {
      await services.stop();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, result: IpcResult<unknown>): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(JSON.stringify(result));
}
