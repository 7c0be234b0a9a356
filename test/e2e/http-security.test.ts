import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_TELEGRAM, type TestServer } from '../support/start-test-server';

/** Headers, limits and refusals every deployment gets without configuring anything. */
describe('HTTP security', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      worker: false,
      env: { PUBLIC_RATE_LIMIT_PER_SECOND: '2', TRUST_PROXY: '1' },
    });
    await server.app.elections.loadFile((await import('../support/tiny-election')).DEMO_ELECTION_FILE, {
      skipIfUnchanged: true,
    });
  });
  afterAll(async () => server?.stop());

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { headers });

  it('sends the baseline headers on API, health and pages, and a script policy with no inline script', async () => {
    for (const path of ['/healthz', '/api/v1/elections', '/']) {
      const response = await get(path, { 'x-forwarded-for': `10.9.0.${path.length}` });
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
    const page = await get('/');
    const policy = page.headers.get('content-security-policy') ?? '';
    const scriptSrc = /script-src ([^;]+)/.exec(policy)?.[1] ?? '';
    expect(scriptSrc.trim()).toBe("'self'");
    expect(await page.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  /** A raw GET (fetch would decode the body and hide its size on the wire). */
  const rawGet = (path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(`${server.url}${path}`, { headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks),
            }),
          );
        })
        .on('error', reject);
    });

  it('compresses large answers for a client that asks, keeping the ETag and its 304', async () => {
    const url = '/api/v1/elections/kz-2021-mazhilis/export.csv';
    const plain = await rawGet(url, { 'x-forwarded-for': '10.3.0.1' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gzipped = await rawGet(url, { 'accept-encoding': 'gzip', 'x-forwarded-for': '10.3.0.2' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
    expect(gzipped.body.length).toBeLessThan(plain.body.length / 4);
    expect(gzipped.headers.etag).toBe(plain.headers.etag);
    const revalidated = await rawGet(url, {
      'accept-encoding': 'gzip',
      'if-none-match': String(gzipped.headers.etag),
      'x-forwarded-for': '10.3.0.3',
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    // A tiny answer is not worth the CPU: sent as it is.
    const health = await rawGet('/healthz', { 'accept-encoding': 'gzip' });
    expect(health.headers['content-encoding']).toBeUndefined();
  });

  it('sends HSTS when a trusted proxy says the request came over HTTPS', async () => {
    const response = await get('/healthz', { 'x-forwarded-proto': 'https' });
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('limits one client address on the public API without affecting another', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++)
      statuses.push((await get('/api/v1/elections', { 'x-forwarded-for': '10.1.1.1' })).status);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    const limited = await get('/api/v1/elections', { 'x-forwarded-for': '10.1.1.1' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toMatchObject({ error: 'DAUYS_ERR_RATE_LIMITED' });
    expect((await get('/api/v1/elections', { 'x-forwarded-for': '10.2.2.2' })).status).toBe(200);
  });

  it('refuses an oversized webhook body: 401 without the secret, 413 with it', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}/webhooks/telegram/voter`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ update_id: 1, padding: 'x'.repeat(2 * 1024 * 1024) }),
      });
    expect((await post({})).status).toBe(401);
    const response = await post({ 'x-telegram-bot-api-secret-token': TEST_TELEGRAM.webhookSecret });
    expect(response.status).toBe(413);
  });
});
