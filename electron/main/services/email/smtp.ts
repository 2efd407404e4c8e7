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
  return { kind: 'retry', reason: `DoS Desk could not reach the SMTP server (${e.code ?? e.message ?? 'no answer'}). It will try again.` };
}
