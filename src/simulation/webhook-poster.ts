import http from 'node:http';
import { SIMULATED_ARRIVAL_HEADER } from './simulated-arrival';

/**
 * Posts Telegram updates to a server's voter webhook over keep-alive connections, as Telegram
 * does: the secret token in its header, loopback only (a simulation must never reach a
 * production server by accident).
 *
 * @example
 * const poster = new WebhookPoster('http://127.0.0.1:18600', secret);
 * await poster.post(JSON.stringify(update)); // 200
 * poster.close();
 */
export class WebhookPoster {
  private readonly agent: http.Agent;
  private readonly url: URL;

  constructor(
    target: string,
    private readonly secretToken: string | undefined,
    options: { maxSockets?: number; bot?: 'voter' | 'observer' } = {},
  ) {
    this.url = new URL(`/webhooks/telegram/${options.bot ?? 'voter'}`, requireLoopback(target));
    this.agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 });
  }

  /** The HTTP status (0 when the connection failed). `secretToken: null` posts without the header. */
  /** `arrivalMs`: when the update arrives in the simulated day (see simulated-arrival.ts). */
  post(body: string, options: { secretToken?: string | null; arrivalMs?: number } = {}): Promise<number> {
    const secret = options.secretToken === undefined ? this.secretToken : options.secretToken;
    return new Promise((resolve) => {
      const request = http.request(
        {
          host: this.url.hostname,
          port: this.url.port,
          path: this.url.pathname,
          method: 'POST',
          agent: this.agent,
          timeout: 30_000,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
            ...(options.arrivalMs !== undefined
              ? { [SIMULATED_ARRIVAL_HEADER]: String(Math.round(options.arrivalMs)) }
              : {}),
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', () => resolve(0));
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => resolve(0));
      request.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * The target URL if it is on this machine; a simulation floods what it points at.
 *
 * @example
 * requireLoopback('http://127.0.0.1:8080'); // 'http://127.0.0.1:8080'
 * requireLoopback('https://dauys.kz'); // throws
 */
export function requireLoopback(target: string): string {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new Error(`--target: "${target}" is not a URL`);
  }
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || url.protocol !== 'http:') {
    throw new Error(
      `--target: simulations run against this machine only (http://127.0.0.1:<port>), got ${target}`,
    );
  }
  return target;
}
