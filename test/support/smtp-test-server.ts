import type { Server, Socket } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * What the server does with one message once it has read all of it:
 * - `accept` (250), or a `{ code, message }` reply such as 451 or 550;
 * - `drop`: keep it as delivered, then close the connection without a reply (the reply was lost);
 * - `hold`: keep it as delivered and never reply (a test then kills the sender).
 */
export type DataOutcome = 'accept' | 'drop' | 'hold' | { code: number; message: string };

export interface ReceivedMessage {
  messageId: string;
  envelopeTo: string[];
  raw: Buffer;
}

/**
 * A real SMTP server on 127.0.0.1 (the smtp-server package) that can be stopped and started on the
 * same port, reject messages, or demand a login. Counts deliveries by Message-ID.
 */
export class TestSmtpServer {
  port = 0;
  received: ReceivedMessage[] = [];
  /** Set to make the server answer every DATA with this code. */
  rejectWith: { code: number; message: string } | null = null;
  credentials: { user: string; pass: string } | null = null;
  /** Decides each message's fate (after `rejectWith`, which answers every message). */
  onMessage: ((messageId: string) => DataOutcome) | null = null;
  /** Decides each recipient before DATA: a reply such as 451 refuses it, `drop` closes the connection. */
  onRecipient: (() => 'accept' | 'drop' | { code: number; message: string }) | null = null;
  /** Called when a message is held (outcome `hold`). */
  onHold: ((messageId: string) => void) | null = null;
  private server: SMTPServer | null = null;
  private sockets = new Set<Socket>();
  private stopping = false;

  async start(): Promise<void> {
    const server = new SMTPServer({
      secure: false,
      disabledCommands: this.credentials ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      authOptional: !this.credentials,
      allowInsecureAuth: true,
      logger: false,
      // No reverse DNS per connection: on a machine without a resolver each lookup waits for a time-out.
      disableReverseLookup: true,
      onAuth: (auth, _session, callback) => {
        if (this.credentials && auth.username === this.credentials.user && auth.password === this.credentials.pass)
          callback(null, { user: auth.username });
        else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onRcptTo: (_address, session, callback) => {
        const outcome = this.onRecipient?.() ?? 'accept';
        if (outcome === 'drop') {
          this.socketOf(session.remotePort)?.destroy();
          return;
        }
        if (outcome !== 'accept') callback(Object.assign(new Error(outcome.message), { responseCode: outcome.code }));
        else callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (this.stopping) {
            // Like a real server shutting down: refuse what has not been accepted yet.
            callback(Object.assign(new Error('Service shutting down'), { responseCode: 421 }));
            return;
          }
          if (this.rejectWith) {
            callback(Object.assign(new Error(this.rejectWith.message), { responseCode: this.rejectWith.code }));
            return;
          }
          const raw = Buffer.concat(chunks);
          const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw.toString('utf8'))?.[1] ?? '(none)';
          const outcome = this.onMessage?.(messageId) ?? 'accept';
          if (typeof outcome === 'object') {
            callback(Object.assign(new Error(outcome.message), { responseCode: outcome.code }));
            return;
          }
          this.received.push({ messageId, envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw });
          if (outcome === 'drop') this.socketOf(session.remotePort)?.destroy();
          else if (outcome === 'hold') this.onHold?.(messageId);
          else callback();
        });
      },
    });
    (server as unknown as { server: Server }).server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = ((server as unknown as { server: Server }).server.address() as { port: number }).port;
    this.server = server;
    this.stopping = false;
  }

  /** Stops listening and ends every connection after what it has already answered is flushed. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    this.stopping = true;
    // Let replies already written reach the client before the connections are ended.
    await new Promise((r) => setTimeout(r, 30));
    const net = (server as unknown as { server: Server }).server;
    const closed = new Promise<void>((resolve) => net.close(() => resolve()));
    for (const socket of this.sockets) socket.end();
    setTimeout(() => {
      for (const socket of this.sockets) socket.destroy();
    }, 200).unref();
    await closed;
  }

  private socketOf(remotePort: number | undefined): Socket | undefined {
    return [...this.sockets].find((s) => s.remotePort === remotePort);
  }

  get running(): boolean {
    return this.server !== null;
  }

  countsById(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.received) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
    return counts;
  }

  async parse(index: number) {
    return simpleParser(this.received[index]!.raw);
  }
}
