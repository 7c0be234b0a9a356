import http from 'node:http';

/** Keep-alive POSTs of JSON bodies to one URL, for the benches (loopback only). */
export class LoadClient {
  private readonly agent: http.Agent;
  private readonly url: URL;

  constructor(
    url: string,
    private readonly headers: Record<string, string>,
    maxSockets: number,
  ) {
    this.url = new URL(url);
    if (this.url.hostname !== '127.0.0.1') throw new Error(`benches talk to 127.0.0.1 only, not ${url}`);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  post(body: string): Promise<{ status: number; ms: number }> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: this.url.hostname,
          port: this.url.port,
          path: this.url.pathname,
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...this.headers,
          },
        },
        (response) => {
          response.resume();
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }),
          );
        },
      );
      request.on('error', reject);
      request.end(body);
    });
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
    this.agent.destroy();
  }
}
