import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { SmtpSettings } from '../../../../shared/models/settings';

/** What the outbox needs from an SMTP connection. */
export interface SmtpTransport {
  /**
   * Sends one message on its own connection. A failure carries `dataSent: true` when the whole
   * message had been handed to the server before the connection failed without a final reply.
   */
  send(raw: Buffer, envelope: { from: string; to: string[] }): Promise<{ response: string }>;
  verify(): Promise<void>;
  close(): void;
}

/** An SMTP failure, with whether the message itself had already gone to the server. */
export interface SmtpSendError extends Error {
  code?: string;
  command?: string;
  responseCode?: number;
  response?: string;
  /** The whole message, ending dot included, was handed to the connection. */
  dataSent?: boolean;
}

/** A connection left open after a send is closed after this long without another. */
const IDLE_MS = 10_000;

/**
 * Settings for one SMTP server plus the password main holds. Messages go one at a time over
 * nodemailer's SMTPConnection, not its pool, so DoS Desk knows exactly how far a send got: the pool
 * reads the message before the server has said "go ahead", which hides whether it went out. The
 * connection is kept for the next message for a few seconds, as the pool would.
 */
export function createSmtpTransport(settings: SmtpSettings, password: string | null): SmtpTransport {
  const open = new Set<SMTPConnection>();
  let idle: { connection: SMTPConnection; timer: ReturnType<typeof setTimeout> } | null = null;

  function takeIdle(): SMTPConnection | null {
    if (!idle) return null;
    clearTimeout(idle.timer);
    const { connection } = idle;
    idle = null;
    return open.has(connection) ? connection : null;
  }

  function keepIdle(connection: SMTPConnection): void {
    takeIdle();
    const timer = setTimeout(() => {
      if (idle?.connection === connection) idle = null;
      finish(connection);
    }, IDLE_MS);
    timer.unref?.();
    idle = { connection, timer };
  }

  function connect(): Promise<SMTPConnection> {
    const connection = new SMTPConnection({
      host: settings.host,
      port: settings.port,
      secure: settings.security === 'tls',
      requireTLS: settings.security === 'starttls',
      ignoreTLS: settings.security === 'none',
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    open.add(connection);
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (error: Error | null) => {
        if (settled) return;
        settled = true;
        if (error) {
          finish(connection);
          reject(error);
        } else resolve(connection);
      };
      // A refused or dropped connection is reported as an 'error' event, not to connect()'s callback;
      // later errors (during a send) reach the send callback, so the listener must stay to swallow them.
      connection.on('error', (error: Error) => settle(error));
      connection.once('end', () => {
        open.delete(connection);
        settle(Object.assign(new Error('The SMTP server closed the connection'), { code: 'ECONNECTION' }));
      });
      connection.connect((error?: Error) => {
        if (error) return settle(error);
        if (!settings.user) return settle(null);
        connection.login({ user: settings.user, pass: password ?? '' }, (loginError?: Error | null) => settle(loginError ?? null));
      });
    });
  }

  function finish(connection: SMTPConnection): void {
    open.delete(connection);
    try {
      connection.quit();
    } catch {
      connection.close();
    }
  }

  return {
    async send(raw, envelope) {
      const reused = takeIdle();
      try {
        return await sendOn(reused ?? (await connect()), raw, envelope);
      } catch (error) {
        // A kept connection the server had closed meanwhile: try once on a fresh one.
        const e = error as SmtpSendError;
        if (!reused || e.dataSent || e.responseCode) throw error;
        return sendOn(await connect(), raw, envelope);
      }
    },
    async verify() {
      finish(await connect());
    },
    close() {
      takeIdle();
      for (const connection of open) connection.close();
      open.clear();
    },
  };

  async function sendOn(connection: SMTPConnection, raw: Buffer, envelope: { from: string; to: string[] }): Promise<{ response: string }> {
    let dataSent = false;
    // nodemailer pipes this only after the server answered DATA with "go ahead" (354); once it has
    // ended, the end-of-message dot follows, and the server may have accepted the message.
    const message = Readable.from([raw], { objectMode: false });
    message.once('end', () => {
      dataSent = true;
    });
    try {
      const info = await new Promise<SMTPConnection.SentMessageInfo>((resolve, reject) => {
        connection.send(envelope, message, (error, result) => (error ? reject(error) : resolve(result)));
      });
      keepIdle(connection);
      return { response: String(info.response ?? '') };
    } catch (error) {
      finish(connection);
      throw Object.assign(error instanceof Error ? error : new Error(String(error)), { dataSent }) satisfies SmtpSendError;
    }
  }
}

/**
 * What to do after a failure: `retry` on its own, `attention` from a person, or `unknown` when the
 * message may have arrived and only a person can find out (never sent again automatically).
 */
export type FailureKind = 'retry' | 'attention' | 'unknown';

/**
 * Sorts an SMTP failure: a refusal (5xx) or a bad login needs a person; a dropped or refused
 * connection, a time-out or a 4xx "try later" before the server had the whole message is retried;
 * a connection lost after the whole message went out, with no answer from the server, is unknown.
 */
export function classifySmtpError(error: unknown): { kind: FailureKind; reason: string } {
  const e = error as SmtpSendError;
  const server = e.response ? ` The server said: ${e.response.trim().slice(0, 300)}` : '';
  if (e.code === 'EAUTH' || e.responseCode === 535 || e.responseCode === 534 || e.responseCode === 530) {
    return {
      kind: 'attention',
      reason: `The SMTP server did not accept the user name or password. Check them in Settings, then retry.${server}`,
    };
  }
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) {
    return {
      kind: 'attention',
      reason: `The SMTP server refused this message (${e.responseCode}), so it will not be retried automatically.${server}`,
    };
  }
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) {
    return { kind: 'retry', reason: `The SMTP server asked to try later (${e.responseCode}).${server}` };
  }
  if (e.dataSent) {
    return {
      kind: 'unknown',
      reason:
        'The connection to the SMTP server was lost after the whole message had gone to it, before the server said whether it took it. It may have arrived, so DoS Desk will not send it again on its own.',
    };
  }
  return { kind: 'retry', reason: `${describeConnectionFailure(error)} DoS Desk will try again.` };
}

/**
 * Why a connection to the SMTP server failed, in plain words: nodemailer's code (ESOCKET,
 * ETIMEDOUT, EDNS, ETLS…) and the system code under it (ECONNREFUSED…) never reach the screen.
 */
export function describeConnectionFailure(error: unknown): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; originalCode?: unknown; message?: unknown };
  const codes = [e.originalCode, e.code].filter((c): c is string => typeof c === 'string');
  const message = typeof e.message === 'string' ? e.message : '';
  const has = (...wanted: string[]) => wanted.some((w) => codes.includes(w) || message.includes(w));
  if (has('ECONNREFUSED'))
    return 'DoS Desk could not reach the SMTP server: it refused the connection. It may be down, or the server name or port in Settings may be wrong.';
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EDNS'))
    return 'DoS Desk could not reach the SMTP server: no server has that name. Check the server name in Settings and that this computer is on the network.';
  if (has('ETIMEDOUT', 'ESOCKETTIMEDOUT'))
    return 'DoS Desk could not reach the SMTP server: it did not answer in time. Check that this computer is on the network, and the server name and port in Settings.';
  if (has('ETLS', 'CERT', 'SSL', 'self-signed', 'self signed'))
    return 'A secure connection to the SMTP server could not be set up. Check the security setting in Settings, or ask your IT team about the server’s certificate.';
  if (has('EAUTH')) return 'The SMTP server did not accept the user name or password. Check them in Settings.';
  if (has('ECONNRESET', 'EPIPE', 'ECONNECTION', 'ESOCKET', 'closed'))
    return 'DoS Desk lost its connection to the SMTP server part-way. Check that this computer is on the network.';
  if (has('ENETUNREACH', 'EHOSTUNREACH'))
    return 'DoS Desk could not reach the SMTP server over the network. Check that this computer is on the network.';
  return 'DoS Desk could not reach the SMTP server.';
}
