import fs from 'node:fs/promises';
import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import type { PgliteSessionGate } from './pglite-session-gate';
import {
  CANCEL_REQUEST_CODE,
  copyFail,
  endsIdle,
  endsInCopyIn,
  errorResponse,
  GSSENC_REQUEST_CODE,
  PROTOCOL_VERSION_3,
  simpleQuery,
  SSL_REQUEST_CODE,
  startupMessage,
  SYNC,
  takeMessages,
} from './wire-messages';

export interface PgliteSocketServerOptions {
  /**
   * How long a socket client may sit idle inside a transaction while others wait for the engine
   * before it is disconnected (its transaction rolled back), like PostgreSQL's
   * `idle_in_transaction_session_timeout`: a forgotten `BEGIN` in psql must not stop the bots.
   */
  idleInTransactionMs?: number;
}

export interface PgliteSocketServer {
  readonly socketPath: string;
  /** Open client connections. */
  readonly connections: number;
  close(): Promise<void>;
}

type Engine = Pick<PGlite, 'execProtocolRaw'>;

/**
 * Serves one PGlite engine over the PostgreSQL wire protocol on a Unix socket, so `psql` and
 * other processes' `pg` pools reach the running server's database instead of opening a second
 * engine on its files. Each connection is a session of `gate`, shared with the server's own
 * pool. Authentication is the socket file's mode (0600: the owner's user only), as with
 * PostgreSQL's `peer`/`trust` on a local socket.
 *
 * @example
 * const server = await servePgliteOnSocket(pglite, gate, '/srv/dauys/data/pglite/.s.PGSQL.5432');
 * // psql "host=/srv/dauys/data/pglite user=postgres dbname=postgres"
 * await server.close();
 */
export async function servePgliteOnSocket(
  engine: Engine,
  gate: PgliteSessionGate,
  socketPath: string,
  options: PgliteSocketServerOptions = {},
): Promise<PgliteSocketServer> {
  // The engine's own greeting (AuthenticationOk, its ParameterStatus values, ReadyForQuery),
  // taken once and replayed to each client: a second startup must not reset the live session.
  // Copied at once: PGlite answers a startup with a view of its receive buffer, which the next
  // exchange overwrites.
  const greeting = Buffer.from(
    await gate.run(gate, () => engine.execProtocolRaw(startupMessage('postgres', 'postgres')), endsIdle),
  );
  const sessions = new Set<WireSession>();
  const server = net.createServer((socket) => {
    const session = new WireSession(socket, engine, gate, greeting, options.idleInTransactionMs ?? 15_000);
    sessions.add(session);
    socket.once('close', () => sessions.delete(session));
  });
  // Whoever holds the data dir's lock owns this path: a socket left by a killed process goes.
  await fs.rm(socketPath, { force: true });
  const previousMask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } finally {
    process.umask(previousMask);
  }
  await fs.chmod(socketPath, 0o600);
  return {
    socketPath,
    get connections() {
      return sessions.size;
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...sessions].map((session) => session.terminate()));
      await closed;
      await fs.rm(socketPath, { force: true });
    },
  };
}

/** One client connection: the startup handshake, then its messages in turns on the engine. */
class WireSession {
  private buffer: Buffer = Buffer.alloc(0);
  private started = false;
  private pumping: Promise<void> | undefined;
  private closed = false;
  private copyIn = false;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly socket: net.Socket,
    private readonly engine: Engine,
    private readonly gate: PgliteSessionGate,
    private readonly greeting: Buffer,
    private readonly idleInTransactionMs: number,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.pump();
    });
    socket.on('error', () => undefined);
    socket.once('close', () => {
      this.closed = true;
      this.pump();
    });
  }

  /** Disconnects the client, rolling back whatever it left open. */
  async terminate(): Promise<void> {
    this.closed = true;
    this.socket.destroy();
    this.pump();
    await this.pumping;
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = this.drain().finally(() => {
      this.pumping = undefined;
      // Data (or the close) that arrived during the last turn's final await.
      if ((this.buffer.length > 0 && !this.closed) || (this.closed && this.gate.holds(this))) this.pump();
    });
  }

  private async drain(): Promise<void> {
    clearTimeout(this.idleTimer);
    while (!this.closed) {
      if (!this.started) {
        if (!this.handshake()) break;
        continue;
      }
      const { messages, rest } = takeMessages(this.buffer);
      if (messages.length === 0) break;
      this.buffer = rest;
      const terminateAt = messages.findIndex((m) => m[0] === 0x58 /* 'X' */);
      const batch = Buffer.concat(terminateAt >= 0 ? messages.slice(0, terminateAt) : messages);
      if (batch.length > 0) {
        const reply = await this.gate.run(this, () => this.engine.execProtocolRaw(batch), endsIdle);
        this.copyIn = endsInCopyIn(reply);
        if (!this.closed) this.socket.write(reply);
      }
      if (terminateAt >= 0) {
        this.closed = true;
        this.socket.end();
      }
    }
    if (this.closed) await this.cleanUp();
    else if (this.gate.holds(this)) this.armIdleGuard();
  }

  /** Answers SSL/GSS requests with 'N' and the startup message with the engine's greeting. */
  private handshake(): boolean {
    if (this.buffer.length < 8) return false;
    const length = this.buffer.readInt32BE(0);
    if (this.buffer.length < length) return false;
    const code = this.buffer.readInt32BE(4);
    this.buffer = this.buffer.subarray(length);
    if (code === SSL_REQUEST_CODE || code === GSSENC_REQUEST_CODE) {
      // No encryption on a local socket: the client goes on in plain text.
      this.socket.write('N');
    } else if (code === PROTOCOL_VERSION_3) {
      this.started = true;
      this.socket.write(this.greeting);
    } else {
      // A cancel request (one engine cannot be interrupted from outside) or an unknown protocol.
      if (code !== CANCEL_REQUEST_CODE) {
        this.socket.write(errorResponse('FATAL', '0A000', `unsupported frontend protocol ${code}`));
      }
      this.closed = true;
      this.socket.end();
    }
    return true;
  }

  /** A client that went away mid-transaction or mid-exchange: end it on its behalf, free the engine. */
  private async cleanUp(): Promise<void> {
    clearTimeout(this.idleTimer);
    if (!this.gate.holds(this)) {
      this.gate.release(this);
      return;
    }
    try {
      const steps = [
        ...(this.copyIn ? [copyFail('client disconnected')] : []),
        SYNC,
        simpleQuery('ROLLBACK'),
      ];
      for (const step of steps) await this.engine.execProtocolRaw(step);
    } finally {
      this.gate.release(this);
    }
  }

  /** Inside a transaction with nothing to say while others wait: disconnect after the grace time. */
  private armIdleGuard(): void {
    this.idleTimer = setTimeout(() => {
      if (this.pumping || !this.gate.holds(this)) return;
      if (this.gate.waiters === 0) return this.armIdleGuard();
      this.closed = true;
      this.socket.end(
        errorResponse(
          'FATAL',
          '25P03',
          `terminating connection: idle in transaction for ${this.idleInTransactionMs} ms while others waited for the database`,
        ),
      );
      this.pump();
    }, this.idleInTransactionMs);
    this.idleTimer.unref();
  }
}
