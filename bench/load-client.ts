import net from 'node:net';

interface Pending {
  started: number;
  resolve: (answer: { status: number; ms: number }) => void;
  reject: (error: Error) => void;
}

/**
 * One keep-alive HTTP/1.1 connection that writes requests as they come and reads the answers in
 * order (pipelining when several are outstanding). Raw bytes rather than `node:http`, whose
 * client costs about as much CPU per request as the server under test: on a 2-core machine the
 * load generator would otherwise take the core the server needs (as wrk avoids by being C).
 */
class Connection {
  private readonly queue: Pending[] = [];
  private buffered: Buffer = Buffer.alloc(0);
  private readonly socket: net.Socket;
  private failure: Error | undefined;

  constructor(port: number) {
    this.socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    const fail = (error: Error) => {
      this.failure = error;
      for (const pending of this.queue.splice(0)) pending.reject(error);
    };
    this.socket.on('error', fail);
    this.socket.on('close', () => fail(new Error('connection closed by the server')));
  }

  get outstanding(): number {
    return this.queue.length;
  }

  send(head: string, body: string): Promise<{ status: number; ms: number }> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ started: performance.now(), resolve, reject });
      this.socket.write(head + body);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  /** Cuts complete answers (status line, headers, `content-length` bytes of body) off the stream. */
  private read(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    for (;;) {
      const headEnd = this.buffered.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const head = this.buffered.toString('latin1', 0, headEnd).toLowerCase();
      const length = /\r\ncontent-length: *(\d+)/.exec(head);
      if (!length) {
        this.socket.destroy(new Error(`answer without content-length: ${head.slice(0, 80)}`));
        return;
      }
      const end = headEnd + 4 + Number(length[1]);
      if (this.buffered.length < end) return;
      const status = Number(head.slice(9, 12));
      this.buffered = this.buffered.subarray(end);
      const pending = this.queue.shift();
      pending?.resolve({ status, ms: performance.now() - pending.started });
    }
  }
}

/**
 * Keep-alive POSTs to one URL, for the benches (loopback only): JSON bodies unless `headers` names
 * another `content-type`; `post` takes headers of its own for a request signed one by one.
 */
export class LoadClient {
  private readonly connections: Connection[];
  private readonly headPrefix: string;
  private nextConnection = 0;

  constructor(url: string, headers: Record<string, string>, maxSockets: number) {
    const target = new URL(url);
    if (target.hostname !== '127.0.0.1') throw new Error(`benches talk to 127.0.0.1 only, not ${url}`);
    this.connections = Array.from({ length: maxSockets }, () => new Connection(Number(target.port)));
    const lines = [
      `POST ${target.pathname} HTTP/1.1`,
      `host: ${target.host}`,
      ...Object.entries({ 'content-type': 'application/json', ...headers }).map(
        ([name, value]) => `${name}: ${value}`,
      ),
    ];
    this.headPrefix = `${lines.join('\r\n')}\r\n`;
  }

  /** Posts on the least busy connection (round robin among equals). */
  post(body: string, headers: Record<string, string> = {}): Promise<{ status: number; ms: number }> {
    let chosen = this.connections[this.nextConnection]!;
    this.nextConnection = (this.nextConnection + 1) % this.connections.length;
    if (chosen.outstanding > 0) {
      for (const connection of this.connections)
        if (connection.outstanding < chosen.outstanding) chosen = connection;
    }
    const own = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    return chosen.send(
      `${this.headPrefix}${own.join('')}content-length: ${Buffer.byteLength(body)}\r\n\r\n`,
      body,
    );
  }

  /**
   * Closed loop: `concurrency` clients, each posting its next body as soon as the previous one is
   * answered, until `maxRequests` are answered or `maxSeconds` pass. Returns answered 2xx per second.
   */
  async closedLoop(
    bodies: (index: number) => string,
    options: { concurrency: number; maxRequests: number; maxSeconds: number },
  ): Promise<{ ok: number; failed: number; seconds: number; perSecond: number }> {
    const started = performance.now();
    const deadline = started + options.maxSeconds * 1000;
    let next = 0;
    let ok = 0;
    let failed = 0;
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < options.maxRequests && performance.now() < deadline) {
          const { status } = await this.post(bodies(next++));
          if (status >= 200 && status < 300) ok += 1;
          else failed += 1;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { ok, failed, seconds, perSecond: ok / seconds };
  }

  /** Open loop at a fixed rate for `seconds`: latency percentiles as the server sees a steady load. */
  async paced(
    bodies: (index: number) => string,
    options: { rate: number; seconds: number },
  ): Promise<{ p50: number; p99: number; failed: number }> {
    const latencies: number[] = [];
    let failed = 0;
    const total = Math.round(options.rate * options.seconds);
    const started = performance.now();
    const inFlight: Array<Promise<void>> = [];
    for (let i = 0; i < total; i += 1) {
      const wait = started + (i * 1000) / options.rate - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      inFlight.push(
        this.post(bodies(i)).then(
          ({ status, ms }) => {
            if (status >= 200 && status < 300) latencies.push(ms);
            else failed += 1;
          },
          () => void (failed += 1),
        ),
      );
    }
    await Promise.all(inFlight);
    latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
    return { p50: at(0.5), p99: at(0.99), failed };
  }

  close(): void {
    for (const connection of this.connections) connection.close();
  }
}

/** What a bench's posts came to: how many were answered 2xx or resent, each answer's latency, when. */
export interface Acks {
  acked: number;
  resent: number;
  latencies: number[];
  firstPostAt: number;
  lastPostAt: number;
  lastAckAt: number;
}

export function newAcks(): Acks {
  return { acked: 0, resent: 0, latencies: [], firstPostAt: performance.now(), lastPostAt: 0, lastAckAt: 0 };
}

/**
 * Posts one request until it is answered 2xx, as a provider redelivers: at most `attempts` times
 * and not past `deadline` (epoch ms), backing off between; `headers` is asked anew for each
 * attempt (a signature with its time). True when answered.
 */
export async function postUntilAcked(
  client: LoadClient,
  acks: Acks,
  request: { body: string; headers?: () => Record<string, string> },
  deadline: number,
  attempts = 20,
): Promise<boolean> {
  for (let attempt = 0; attempt < attempts && Date.now() < deadline; attempt += 1) {
    acks.lastPostAt = performance.now();
    const answer = await client.post(request.body, request.headers?.()).catch(() => ({ status: 0, ms: 0 }));
    if (answer.status >= 200 && answer.status < 300) {
      acks.acked += 1;
      acks.latencies.push(answer.ms);
      acks.lastAckAt = performance.now();
      return true;
    }
    acks.resent += 1;
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
  }
  return false;
}
