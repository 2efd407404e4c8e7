import nodemailer from 'nodemailer';
import type { SmtpSettings } from '../../../../shared/models/settings';

/** What the outbox needs from an SMTP connection. */
export interface SmtpTransport {
  send(raw: Buffer, envelope: { from: string; to: string[] }): Promise<{ response: string }>;
  verify(): Promise<void>;
  close(): void;
}

/** Settings for one SMTP server plus the password main holds. */
export function createSmtpTransport(settings: SmtpSettings, password: string | null): SmtpTransport {
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: settings.user ? { user: settings.user, pass: password ?? '' } : undefined,
    pool: true,
    maxConnections: 1,
    // The outbox owns retries: the pool must never resend on its own after a dropped connection,
    // or a message the server already accepted could go twice.
    maxRequeues: 0,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(raw, envelope) {
      const info = await transporter.sendMail({ envelope, raw });
      return { response: String(info.response ?? '') };
    },
    async verify() {
      await transporter.verify();
    },
    close: () => transporter.close(),
  };
}

export type FailureKind = 'retry' | 'attention';

/**
 * Sorts an SMTP failure: a refusal (5xx) or a bad login needs a person; a dropped or refused
 * connection, a time-out or a 4xx "try later" is retried.
 */
export function classifySmtpError(error: unknown): { kind: FailureKind; reason: string } {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
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
